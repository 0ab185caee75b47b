ALTER TABLE `outreach_logs` ADD `room` text;--> statement-breakpoint
CREATE INDEX `outreach_member_created_idx` ON `outreach_logs` (`member_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `outreach_day_idx` ON `outreach_logs` (`day`);