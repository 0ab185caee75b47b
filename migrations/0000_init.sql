CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor` text NOT NULL,
	`type` text NOT NULL,
	`data` text
);
--> statement-breakpoint
CREATE INDEX `audit_log_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `case_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` text NOT NULL,
	`at` integer NOT NULL,
	`type` text NOT NULL,
	`actor` text NOT NULL,
	`data` text,
	`message_id` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_events_case_idx` ON `case_events` (`case_id`,`id`);--> statement-breakpoint
CREATE INDEX `case_events_at_idx` ON `case_events` (`at`,`type`);--> statement-breakpoint
CREATE TABLE `case_outcomes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` text NOT NULL,
	`at` integer NOT NULL,
	`member_id` integer,
	`method` text,
	`result` text NOT NULL,
	`loss_amount` real,
	`final` integer NOT NULL,
	`note` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_outcomes_case_idx` ON `case_outcomes` (`case_id`);--> statement-breakpoint
CREATE TABLE `cases` (
	`id` text PRIMARY KEY NOT NULL,
	`external_id` text NOT NULL,
	`level` text NOT NULL,
	`category` text,
	`subject_name` text,
	`subject_phone` text,
	`subject_address` text,
	`subject_id_number` text,
	`amount_at_risk` real,
	`detail` text,
	`unit_code` text NOT NULL,
	`assignee_id` integer,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`escalation_step` integer DEFAULT 0 NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`ack_due_at` integer,
	`resolve_due_at` integer,
	`next_deadline_at` integer,
	`created_at` integer NOT NULL,
	`dispatched_at` integer,
	`acknowledged_at` integer,
	`resolved_at` integer,
	`cancelled_at` integer,
	`anonymised_at` integer,
	FOREIGN KEY (`unit_code`) REFERENCES `units`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assignee_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cases_external_id_unique` ON `cases` (`external_id`);--> statement-breakpoint
CREATE INDEX `cases_status_deadline_idx` ON `cases` (`status`,`next_deadline_at`);--> statement-breakpoint
CREATE INDEX `cases_subject_phone_idx` ON `cases` (`subject_phone`,`status`);--> statement-breakpoint
CREATE INDEX `cases_unit_created_idx` ON `cases` (`unit_code`,`created_at`);--> statement-breakpoint
CREATE INDEX `cases_assignee_status_idx` ON `cases` (`assignee_id`,`status`);--> statement-breakpoint
CREATE TABLE `inbound_messages` (
	`message_id` text PRIMARY KEY NOT NULL,
	`received_at` integer NOT NULL,
	`processed_at` integer
);
--> statement-breakpoint
CREATE TABLE `members` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`unit_code` text NOT NULL,
	`bind_code` text,
	`wechat_id` text,
	`bound_at` integer,
	`active` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`unit_code`) REFERENCES `units`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `members_name_unique` ON `members` (`name`);--> statement-breakpoint
CREATE UNIQUE INDEX `members_wechat_id_unique` ON `members` (`wechat_id`);--> statement-breakpoint
CREATE INDEX `members_unit_idx` ON `members` (`unit_code`);--> statement-breakpoint
CREATE TABLE `meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer DEFAULT (unixepoch() * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`queue` text NOT NULL,
	`job_id` text NOT NULL,
	`payload` text NOT NULL,
	`priority` integer DEFAULT 5 NOT NULL,
	`created_at` integer NOT NULL,
	`relayed_at` integer,
	`delivered_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_job_id_unique` ON `outbox` (`job_id`);--> statement-breakpoint
CREATE INDEX `outbox_pending_idx` ON `outbox` (`delivered_at`,`relayed_at`);--> statement-breakpoint
CREATE TABLE `outreach_logs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`member_id` integer NOT NULL,
	`unit_code` text NOT NULL,
	`day` text NOT NULL,
	`place` text NOT NULL,
	`form` text,
	`people` integer NOT NULL,
	`installs` integer DEFAULT 0 NOT NULL,
	`leaflets` integer DEFAULT 0 NOT NULL,
	`targets` text,
	`note` text,
	`photo_count` integer DEFAULT 0 NOT NULL,
	`raw_text` text NOT NULL,
	`message_id` text,
	`created_at` integer NOT NULL,
	`withdrawn_at` integer,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_code`) REFERENCES `units`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `outreach_unit_day_idx` ON `outreach_logs` (`unit_code`,`day`);--> statement-breakpoint
CREATE INDEX `outreach_created_idx` ON `outreach_logs` (`created_at`);--> statement-breakpoint
CREATE TABLE `rooms` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`topic` text NOT NULL,
	`unit_code` text NOT NULL,
	`purpose` text NOT NULL,
	`member_names` text,
	`active` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`unit_code`) REFERENCES `units`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rooms_topic_unique` ON `rooms` (`topic`);--> statement-breakpoint
CREATE TABLE `sandbox_messages` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`room` text,
	`from_name` text NOT NULL,
	`to_name` text,
	`text` text NOT NULL,
	`message_id` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sandbox_messages_message_id_unique` ON `sandbox_messages` (`message_id`);--> statement-breakpoint
CREATE TABLE `shift_summaries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_code` text NOT NULL,
	`from_at` integer NOT NULL,
	`to_at` integer NOT NULL,
	`data` text NOT NULL,
	`compiled_at` integer NOT NULL,
	FOREIGN KEY (`unit_code`) REFERENCES `units`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `shift_summaries_unit_window_uq` ON `shift_summaries` (`unit_code`,`from_at`,`to_at`);--> statement-breakpoint
CREATE INDEX `shift_summaries_to_idx` ON `shift_summaries` (`to_at`);--> statement-breakpoint
CREATE TABLE `units` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`parent_code` text,
	`active` integer DEFAULT true NOT NULL
);
