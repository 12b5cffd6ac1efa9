CREATE TABLE `member_periods` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`member_id` text NOT NULL,
	`team_id` text NOT NULL,
	`role` text NOT NULL,
	`from_date` text NOT NULL,
	`until_date` text,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `member_periods_team` ON `member_periods` (`org_id`,`team_id`);--> statement-breakpoint
CREATE INDEX `member_periods_member` ON `member_periods` (`member_id`);--> statement-breakpoint
CREATE TABLE `target_changes` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`target_id` text NOT NULL,
	`scope` text NOT NULL,
	`subject_id` text NOT NULL,
	`metric` text NOT NULL,
	`period_kind` text NOT NULL,
	`period_start` text NOT NULL,
	`old_value` integer,
	`new_value` integer,
	`old_detail` text,
	`new_detail` text,
	`reason` text,
	`changed_by` text NOT NULL,
	`changed_at` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `target_changes_target` ON `target_changes` (`org_id`,`target_id`);--> statement-breakpoint
CREATE INDEX `target_changes_subject` ON `target_changes` (`org_id`,`subject_id`);--> statement-breakpoint
CREATE TABLE `target_reopenings` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`team_id` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`reason` text NOT NULL,
	`opened_by` text NOT NULL,
	`opened_at` text NOT NULL,
	`closed_by` text,
	`closed_at` text,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `target_reopenings_org` ON `target_reopenings` (`org_id`);--> statement-breakpoint
-- Backfill: every member so far has one stretch on their current team in their current role,
-- from the day they were created (UTC) until, for a removed member, the day their last
-- credential was revoked (removal revokes them all), or their creation day if none was.
INSERT INTO `member_periods` (`id`, `org_id`, `member_id`, `team_id`, `role`, `from_date`, `until_date`)
SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-8' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), `org_id`, `id`, `team_id`, `role`, substr(`created_at`, 1, 10),
  CASE WHEN `active` = 1 THEN NULL
    ELSE max(substr(`created_at`, 1, 10), coalesce(
      (SELECT substr(max(`revoked_at`), 1, 10) FROM `tokens` WHERE `tokens`.`member_id` = `members`.`id`),
      substr(`created_at`, 1, 10)))
  END
FROM `members`;
