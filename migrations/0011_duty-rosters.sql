CREATE TABLE `duty_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`member` text NOT NULL,
	`unit_code` text,
	`from_at` integer NOT NULL,
	`to_at` integer NOT NULL,
	`label` text,
	`status` text NOT NULL,
	`source` text NOT NULL,
	`request` text NOT NULL,
	`group_id` text NOT NULL,
	`requested_by` text NOT NULL,
	`requested_at` integer NOT NULL,
	`awaiting` text,
	`decided_by` text,
	`decided_at` integer,
	`note` text
);
--> statement-breakpoint
CREATE INDEX `duty_changes_status_to_idx` ON `duty_changes` (`status`,`to_at`);--> statement-breakpoint
CREATE INDEX `duty_changes_group_idx` ON `duty_changes` (`group_id`);