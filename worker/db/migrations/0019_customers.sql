CREATE TABLE `customer_keys` (
	`org_id` text NOT NULL,
	`owner_id` text NOT NULL,
	`key` text NOT NULL,
	`customer_id` text NOT NULL,
	PRIMARY KEY(`org_id`, `owner_id`, `key`)
);
--> statement-breakpoint
CREATE INDEX `customer_keys_customer` ON `customer_keys` (`customer_id`);--> statement-breakpoint
CREATE TABLE `customer_metrics` (
	`customer_id` text NOT NULL,
	`metric` text NOT NULL,
	`logs` integer DEFAULT 0 NOT NULL,
	`last_date` text,
	PRIMARY KEY(`customer_id`, `metric`)
);
--> statement-breakpoint
CREATE TABLE `customers` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`owner_id` text NOT NULL,
	`key` text NOT NULL,
	`name` text NOT NULL,
	`class` text,
	`since` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `customers_owner` ON `customers` (`org_id`,`owner_id`);--> statement-breakpoint
ALTER TABLE `events` ADD `customer_id` text;--> statement-breakpoint
CREATE INDEX `events_customer` ON `events` (`customer_id`,`metric`,`voided`,`local_date`) WHERE customer_id IS NOT NULL;--> statement-breakpoint
-- Each customer answers to the identity it was made for (merges add more: worker/customers).
CREATE TRIGGER `customers_first_key` AFTER INSERT ON `customers`
BEGIN
  INSERT INTO `customer_keys` (`org_id`, `owner_id`, `key`, `customer_id`)
  VALUES (NEW.`org_id`, NEW.`owner_id`, NEW.`key`, NEW.`id`)
  ON CONFLICT DO NOTHING;
END;
--> statement-breakpoint
-- The customer rollup moves in the statement that changes `events`, like the metric rollups
-- (0001/0004): a log linked at insert counts once; undo and moves recompute the latest day with
-- one seek of `events_customer`.
CREATE TRIGGER `events_customer_insert` AFTER INSERT ON `events`
WHEN NEW.`voided` = 0 AND NEW.`customer_id` IS NOT NULL
BEGIN
  INSERT INTO `customer_metrics` (`customer_id`, `metric`, `logs`, `last_date`)
  VALUES (NEW.`customer_id`, NEW.`metric`, 1, NEW.`local_date`)
  ON CONFLICT (`customer_id`, `metric`) DO UPDATE SET
    `logs` = `logs` + 1,
    `last_date` = max(coalesce(`last_date`, ''), excluded.`last_date`);
END;
--> statement-breakpoint
CREATE TRIGGER `events_customer_void` AFTER UPDATE OF `voided` ON `events`
WHEN OLD.`voided` = 0 AND NEW.`voided` = 1 AND OLD.`customer_id` IS NOT NULL
BEGIN
  UPDATE `customer_metrics` SET
    `logs` = `logs` - 1,
    `last_date` = (SELECT max(`local_date`) FROM `events`
                   WHERE `customer_id` = OLD.`customer_id` AND `metric` = OLD.`metric` AND `voided` = 0)
  WHERE `customer_id` = OLD.`customer_id` AND `metric` = OLD.`metric`;
END;
--> statement-breakpoint
CREATE TRIGGER `events_customer_move` AFTER UPDATE OF `customer_id` ON `events`
WHEN NEW.`voided` = 0 AND OLD.`customer_id` IS NOT NEW.`customer_id`
BEGIN
  UPDATE `customer_metrics` SET
    `logs` = `logs` - 1,
    `last_date` = (SELECT max(`local_date`) FROM `events`
                   WHERE `customer_id` = OLD.`customer_id` AND `metric` = OLD.`metric` AND `voided` = 0)
  WHERE OLD.`customer_id` IS NOT NULL AND `customer_id` = OLD.`customer_id` AND `metric` = OLD.`metric`;
  INSERT INTO `customer_metrics` (`customer_id`, `metric`, `logs`, `last_date`)
  SELECT NEW.`customer_id`, NEW.`metric`, 1, NEW.`local_date` WHERE NEW.`customer_id` IS NOT NULL
  ON CONFLICT (`customer_id`, `metric`) DO UPDATE SET
    `logs` = `logs` + 1,
    `last_date` = max(coalesce(`last_date`, ''), excluded.`last_date`);
END;
