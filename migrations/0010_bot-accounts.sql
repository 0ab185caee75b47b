ALTER TABLE `members` ADD `bound_via` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `sent_by` text;--> statement-breakpoint
ALTER TABLE `sandbox_messages` ADD `bot` text;