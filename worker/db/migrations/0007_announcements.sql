CREATE TABLE `announcements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` text NOT NULL,
	`key` text NOT NULL,
	`kind` text NOT NULL,
	`member_id` text NOT NULL,
	`team_id` text NOT NULL,
	`member_name` text NOT NULL,
	`payload` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `announcements_key` ON `announcements` (`org_id`,`key`);--> statement-breakpoint
CREATE INDEX `announcements_org` ON `announcements` (`org_id`,`id`);