DROP INDEX `case_events_type_at_idx`;--> statement-breakpoint
-- drizzle-kit quotes the expressions of this index as if they were columns: written by hand.
CREATE INDEX `case_events_escalated_idx` ON `case_events` (`at`, json_extract(`data`, '$.unit'), json_extract(`data`, '$.step'), `case_id`) WHERE `type` = 'escalated';--> statement-breakpoint
DROP INDEX `cases_acknowledged_idx`;--> statement-breakpoint
DROP INDEX `cases_resolved_idx`;--> statement-breakpoint
ALTER TABLE `cases` ADD `result` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `loss_amount` real;--> statement-breakpoint
CREATE INDEX `cases_acknowledged_idx` ON `cases` (`acknowledged_at`,`created_at`);--> statement-breakpoint
CREATE INDEX `cases_resolved_idx` ON `cases` (`resolved_at`,`created_at`);--> statement-breakpoint
-- Backfill: every resolved case gets its current final outcome (the newest final one no correction replaced).
UPDATE `cases` SET (`result`, `loss_amount`) = (
	SELECT o.`result`, o.`loss_amount` FROM `case_outcomes` o
	WHERE o.`case_id` = `cases`.`id` AND o.`final` = 1 AND o.`superseded_at` IS NULL
	ORDER BY o.`id` DESC LIMIT 1
) WHERE `status` = 'resolved';
