CREATE TABLE `pending_confirmations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sender_wechat_id` text NOT NULL,
	`room` text,
	`case_id` text,
	`command` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`resolved_at` integer,
	`resolution` text
);
--> statement-breakpoint
CREATE INDEX `pending_confirmations_sender_idx` ON `pending_confirmations` (`sender_wechat_id`,`resolved_at`,`expires_at`);--> statement-breakpoint
ALTER TABLE `case_outcomes` ADD `superseded_at` integer;--> statement-breakpoint
ALTER TABLE `inbound_messages` ADD `sender_wechat_id` text;--> statement-breakpoint
ALTER TABLE `inbound_messages` ADD `refused_at` integer;--> statement-breakpoint
CREATE INDEX `inbound_refusals_idx` ON `inbound_messages` (`sender_wechat_id`,`refused_at`);