CREATE TABLE `backfills` (
	`name` text PRIMARY KEY NOT NULL,
	`cursor` text DEFAULT '' NOT NULL,
	`seen` integer DEFAULT 0 NOT NULL,
	`linked` integer DEFAULT 0 NOT NULL,
	`done` integer DEFAULT false NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `customer_contacts` (
	`customer_id` text NOT NULL,
	`local_date` text NOT NULL,
	`metric` text NOT NULL,
	`logs` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`customer_id`, `local_date`, `metric`)
);
--> statement-breakpoint
-- Logs already linked before this table existed.
INSERT INTO `customer_contacts` (`customer_id`, `local_date`, `metric`, `logs`)
SELECT `customer_id`, `local_date`, `metric`, count(*) FROM `events`
WHERE `customer_id` IS NOT NULL AND `voided` = 0
GROUP BY `customer_id`, `local_date`, `metric`;
--> statement-breakpoint
-- Kept in the statement that changes `events`, like `customer_metrics` (0019): insert, undo, and
-- a log moving to another customer (merge, split, the backfill of older logs).
CREATE TRIGGER `customer_contacts_insert` AFTER INSERT ON `events`
WHEN NEW.`voided` = 0 AND NEW.`customer_id` IS NOT NULL
BEGIN
  INSERT INTO `customer_contacts` (`customer_id`, `local_date`, `metric`, `logs`)
  VALUES (NEW.`customer_id`, NEW.`local_date`, NEW.`metric`, 1)
  ON CONFLICT (`customer_id`, `local_date`, `metric`) DO UPDATE SET `logs` = `logs` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `customer_contacts_void` AFTER UPDATE OF `voided` ON `events`
WHEN OLD.`voided` = 0 AND NEW.`voided` = 1 AND OLD.`customer_id` IS NOT NULL
BEGIN
  UPDATE `customer_contacts` SET `logs` = `logs` - 1
  WHERE `customer_id` = OLD.`customer_id` AND `local_date` = OLD.`local_date`
    AND `metric` = OLD.`metric`;
END;
--> statement-breakpoint
CREATE TRIGGER `customer_contacts_move` AFTER UPDATE OF `customer_id` ON `events`
WHEN NEW.`voided` = 0 AND OLD.`customer_id` IS NOT NEW.`customer_id`
BEGIN
  UPDATE `customer_contacts` SET `logs` = `logs` - 1
  WHERE OLD.`customer_id` IS NOT NULL AND `customer_id` = OLD.`customer_id`
    AND `local_date` = OLD.`local_date` AND `metric` = OLD.`metric`;
  INSERT INTO `customer_contacts` (`customer_id`, `local_date`, `metric`, `logs`)
  SELECT NEW.`customer_id`, NEW.`local_date`, NEW.`metric`, 1 WHERE NEW.`customer_id` IS NOT NULL
  ON CONFLICT (`customer_id`, `local_date`, `metric`) DO UPDATE SET `logs` = `logs` + 1;
END;
