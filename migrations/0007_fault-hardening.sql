DROP INDEX `outbox_pending_idx`;--> statement-breakpoint
ALTER TABLE `outbox` ADD `case_id` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `failed_at` integer;--> statement-breakpoint
ALTER TABLE `outbox` ADD `fail_reason` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `cleared_at` integer;--> statement-breakpoint
CREATE INDEX `outbox_case_idx` ON `outbox` (`case_id`);--> statement-breakpoint
CREATE INDEX `outbox_uncleared_idx` ON `outbox` (`cleared_at`,`delivered_at`);--> statement-breakpoint
CREATE INDEX `outbox_pending_idx` ON `outbox` (`delivered_at`,`failed_at`,`relayed_at`);--> statement-breakpoint
ALTER TABLE `members` ADD `last_assigned_at` integer;--> statement-breakpoint
UPDATE `members` SET `last_assigned_at` = (SELECT max(`created_at`) FROM `cases` WHERE `cases`.`assignee_id` = `members`.`id`);--> statement-breakpoint
UPDATE `outbox` SET `cleared_at` = `delivered_at` WHERE `payload` = '{"cleared":true}';
