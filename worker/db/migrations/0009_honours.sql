CREATE TABLE `honours` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` text NOT NULL,
	`member_id` text NOT NULL,
	`competition_id` text NOT NULL,
	`competition_name` text NOT NULL,
	`round_start` text NOT NULL,
	`round_end` text NOT NULL,
	`team_id` text,
	`team_name` text,
	`value` real,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `honours_key` ON `honours` (`competition_id`,`round_start`,`member_id`);--> statement-breakpoint
CREATE INDEX `honours_member` ON `honours` (`org_id`,`member_id`);