CREATE TABLE `competitions` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`team_id` text NOT NULL,
	`name` text NOT NULL,
	`metric` text NOT NULL,
	`mode` text NOT NULL,
	`recurrence` text NOT NULL,
	`start` text NOT NULL,
	`end` text,
	`prize` text NOT NULL,
	`status` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `competitions_org` ON `competitions` (`org_id`,`status`);