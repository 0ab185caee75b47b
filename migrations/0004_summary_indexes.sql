CREATE INDEX `case_outcomes_at_idx` ON `case_outcomes` (`at`,`final`);--> statement-breakpoint
CREATE INDEX `cases_created_idx` ON `cases` (`created_at`);--> statement-breakpoint
CREATE INDEX `cases_acknowledged_idx` ON `cases` (`acknowledged_at`);--> statement-breakpoint
CREATE INDEX `cases_resolved_idx` ON `cases` (`resolved_at`);--> statement-breakpoint
CREATE INDEX `cases_cancelled_idx` ON `cases` (`cancelled_at`);