-- Contest rounds settle after a grace in workdays (per contest, default 1); a settled round's
-- standings are stored once and served from here, so backdated logs never change its winners.
CREATE TABLE `contest_results` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` text NOT NULL,
	`contest_id` text NOT NULL,
	`round_start` text NOT NULL,
	`round_end` text NOT NULL,
	`ranked` text NOT NULL,
	`honourees` text NOT NULL,
	`settled_at` text NOT NULL,
	`honoured_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contest_results_round` ON `contest_results` (`contest_id`,`round_start`);--> statement-breakpoint
ALTER TABLE `competitions` ADD `grace_workdays` integer DEFAULT 1 NOT NULL;