CREATE TABLE `room_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`room` text NOT NULL,
	`at` integer NOT NULL,
	`sender` text NOT NULL,
	`case_id` text,
	`mention` text
);
--> statement-breakpoint
CREATE INDEX `room_messages_room_idx` ON `room_messages` (`room`,`id`);--> statement-breakpoint
ALTER TABLE `cases` ADD `supervised_at` integer;--> statement-breakpoint
ALTER TABLE `cases` ADD `supervised_by` text;