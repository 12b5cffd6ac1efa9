CREATE TABLE `personal_goals` (
	`org_id` text NOT NULL,
	`member_id` text NOT NULL,
	`metric` text NOT NULL,
	`period_kind` text NOT NULL,
	`period_start` text NOT NULL,
	`value` integer NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`member_id`, `metric`, `period_kind`, `period_start`),
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `personal_goals_org` ON `personal_goals` (`org_id`);--> statement-breakpoint
CREATE TABLE `quotas` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`scope` text NOT NULL,
	`subject_id` text NOT NULL,
	`metric` text NOT NULL,
	`per` text NOT NULL,
	`value` integer NOT NULL,
	`from_date` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `quotas_key` ON `quotas` (`org_id`,`scope`,`subject_id`,`metric`,`from_date`);