CREATE TABLE `category_days` (
	`member_id` text NOT NULL,
	`local_date` text NOT NULL,
	`category` text NOT NULL,
	`org_id` text NOT NULL,
	`deals` integer DEFAULT 0 NOT NULL,
	`revenue` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`member_id`, `local_date`, `category`)
);
--> statement-breakpoint
ALTER TABLE `events` ADD `category` text;--> statement-breakpoint
-- A won deal counts for its category in the statement that inserts it, and is taken off at undo,
-- like the metric rollups (0001/0004); no log had a category before this migration.
CREATE TRIGGER `category_sales_insert` AFTER INSERT ON `events`
WHEN NEW.`voided` = 0 AND NEW.`category` IS NOT NULL AND NEW.`metric` = 'deals'
BEGIN
  INSERT INTO `category_days` (`member_id`, `local_date`, `category`, `org_id`, `deals`, `revenue`)
  VALUES (NEW.`member_id`, NEW.`local_date`, NEW.`category`, NEW.`org_id`, NEW.`quantity`,
          coalesce(NEW.`amount`, 0))
  ON CONFLICT (`member_id`, `local_date`, `category`) DO UPDATE SET
    `deals` = `deals` + excluded.`deals`, `revenue` = `revenue` + excluded.`revenue`;
END;
--> statement-breakpoint
CREATE TRIGGER `category_sales_void` AFTER UPDATE OF `voided` ON `events`
WHEN OLD.`voided` = 0 AND NEW.`voided` = 1 AND OLD.`category` IS NOT NULL AND OLD.`metric` = 'deals'
BEGIN
  UPDATE `category_days` SET `deals` = `deals` - OLD.`quantity`,
    `revenue` = `revenue` - coalesce(OLD.`amount`, 0)
  WHERE `member_id` = OLD.`member_id` AND `local_date` = OLD.`local_date`
    AND `category` = OLD.`category`;
END;
