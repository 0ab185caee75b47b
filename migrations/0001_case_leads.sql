CREATE TABLE `case_leads` (
	`external_id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`received_at` integer NOT NULL,
	`level` text NOT NULL,
	`category` text,
	`amount_at_risk` real,
	`detail` text,
	`outcome` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_leads_case_idx` ON `case_leads` (`case_id`);