DROP INDEX `case_events_at_idx`;--> statement-breakpoint
CREATE INDEX `case_events_type_at_idx` ON `case_events` (`type`,`at`);