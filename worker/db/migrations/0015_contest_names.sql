-- One name for contests in storage as in the API: the table, its index, the honours' columns,
-- the stored announcement kind and payload field, and the announcement setting of every org.
ALTER TABLE `competitions` RENAME TO `contests`;--> statement-breakpoint
DROP INDEX `competitions_org`;--> statement-breakpoint
CREATE INDEX `contests_org` ON `contests` (`org_id`,`status`);--> statement-breakpoint
DROP INDEX `honours_key`;--> statement-breakpoint
ALTER TABLE `honours` RENAME COLUMN `competition_id` TO `contest_id`;--> statement-breakpoint
ALTER TABLE `honours` RENAME COLUMN `competition_name` TO `contest_name`;--> statement-breakpoint
CREATE UNIQUE INDEX `honours_key` ON `honours` (`contest_id`,`round_start`,`member_id`);--> statement-breakpoint
UPDATE `announcements`
SET `kind` = 'contest_won',
    `payload` = json_remove(json_set(`payload`, '$.contest', `payload` ->> '$.competition'), '$.competition')
WHERE `kind` = 'competition_won';--> statement-breakpoint
-- `->` keeps the JSON boolean (`->>` and json_extract would give 1 or 0).
UPDATE `orgs`
SET `settings` = json_remove(
      json_set(`settings`, '$.announcements.contestWon', json(`settings` -> '$.announcements.competitionWon')),
      '$.announcements.competitionWon')
WHERE `settings` -> '$.announcements.competitionWon' IS NOT NULL;--> statement-breakpoint
-- Every change token moves, so clients holding answers in the old names fetch them again.
UPDATE `orgs` SET `version` = `version` + 1, `config_version` = `config_version` + 1;
