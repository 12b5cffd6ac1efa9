CREATE TABLE `reflections` (
	`org_id` text NOT NULL,
	`member_id` text NOT NULL,
	`period_kind` text NOT NULL,
	`period_start` text NOT NULL,
	`worked` text NOT NULL,
	`change` text NOT NULL,
	`focus` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`member_id`, `period_kind`, `period_start`),
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reflections_period` ON `reflections` (`org_id`,`period_kind`,`period_start`);