CREATE TABLE `customer_days` (
	`customer_id` text NOT NULL,
	`local_date` text NOT NULL,
	`org_id` text NOT NULL,
	`member_id` text NOT NULL,
	`deals` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`customer_id`, `local_date`)
);
--> statement-breakpoint
CREATE INDEX `customer_days_member` ON `customer_days` (`member_id`,`local_date`);--> statement-breakpoint
CREATE TABLE `customer_firsts` (
	`customer_id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`member_id` text NOT NULL,
	`first_date` text
);
--> statement-breakpoint
CREATE INDEX `customer_firsts_member` ON `customer_firsts` (`member_id`,`first_date`);--> statement-breakpoint
-- Purchases already linked before these tables existed.
INSERT INTO `customer_days` (`customer_id`, `local_date`, `org_id`, `member_id`, `deals`)
SELECT `customer_id`, `local_date`, max(`org_id`), max(`member_id`), sum(`quantity`) FROM `events`
WHERE `customer_id` IS NOT NULL AND `voided` = 0 AND `metric` = 'deals'
GROUP BY `customer_id`, `local_date`;
--> statement-breakpoint
INSERT INTO `customer_firsts` (`customer_id`, `org_id`, `member_id`, `first_date`)
SELECT `customer_id`, max(`org_id`), max(`member_id`), min(`local_date`) FROM `customer_days`
WHERE `deals` > 0
GROUP BY `customer_id`;
--> statement-breakpoint
-- A purchase counts in the statement that inserts it, like the metric rollups (0001/0004).
CREATE TRIGGER `customer_sales_insert` AFTER INSERT ON `events`
WHEN NEW.`voided` = 0 AND NEW.`customer_id` IS NOT NULL AND NEW.`metric` = 'deals'
BEGIN
  INSERT INTO `customer_days` (`customer_id`, `local_date`, `org_id`, `member_id`, `deals`)
  VALUES (NEW.`customer_id`, NEW.`local_date`, NEW.`org_id`, NEW.`member_id`, NEW.`quantity`)
  ON CONFLICT (`customer_id`, `local_date`) DO UPDATE SET `deals` = `deals` + excluded.`deals`;
  INSERT INTO `customer_firsts` (`customer_id`, `org_id`, `member_id`, `first_date`)
  VALUES (NEW.`customer_id`, NEW.`org_id`, NEW.`member_id`, NEW.`local_date`)
  ON CONFLICT (`customer_id`) DO UPDATE SET `first_date` =
    CASE WHEN `first_date` IS NULL OR excluded.`first_date` < `first_date`
         THEN excluded.`first_date` ELSE `first_date` END;
END;
--> statement-breakpoint
-- Undo takes the deals off their day; the first day is found again among the customer's days
-- (one primary-key range).
CREATE TRIGGER `customer_sales_void` AFTER UPDATE OF `voided` ON `events`
WHEN OLD.`voided` = 0 AND NEW.`voided` = 1 AND OLD.`customer_id` IS NOT NULL AND OLD.`metric` = 'deals'
BEGIN
  UPDATE `customer_days` SET `deals` = `deals` - OLD.`quantity`
  WHERE `customer_id` = OLD.`customer_id` AND `local_date` = OLD.`local_date`;
  UPDATE `customer_firsts` SET `first_date` =
    (SELECT min(`local_date`) FROM `customer_days`
     WHERE `customer_id` = OLD.`customer_id` AND `deals` > 0)
  WHERE `customer_id` = OLD.`customer_id`;
END;
--> statement-breakpoint
-- A merge or split moves a deal from one customer to another: off the old, onto the new; the
-- member's and the org's change counters move too, so cached board figures are read again
-- (worker/figures/figure-cache.ts), as when a log is added or undone (0004).
CREATE TRIGGER `customer_sales_move` AFTER UPDATE OF `customer_id` ON `events`
WHEN NEW.`voided` = 0 AND OLD.`customer_id` IS NOT NEW.`customer_id` AND NEW.`metric` = 'deals'
BEGIN
  UPDATE `customer_days` SET `deals` = `deals` - OLD.`quantity`
  WHERE OLD.`customer_id` IS NOT NULL AND `customer_id` = OLD.`customer_id`
    AND `local_date` = OLD.`local_date`;
  UPDATE `customer_firsts` SET `first_date` =
    (SELECT min(`local_date`) FROM `customer_days`
     WHERE `customer_id` = OLD.`customer_id` AND `deals` > 0)
  WHERE OLD.`customer_id` IS NOT NULL AND `customer_id` = OLD.`customer_id`;
  INSERT INTO `customer_days` (`customer_id`, `local_date`, `org_id`, `member_id`, `deals`)
  SELECT NEW.`customer_id`, NEW.`local_date`, NEW.`org_id`, NEW.`member_id`, NEW.`quantity`
  WHERE NEW.`customer_id` IS NOT NULL
  ON CONFLICT (`customer_id`, `local_date`) DO UPDATE SET `deals` = `deals` + excluded.`deals`;
  INSERT INTO `customer_firsts` (`customer_id`, `org_id`, `member_id`, `first_date`)
  SELECT NEW.`customer_id`, NEW.`org_id`, NEW.`member_id`, NEW.`local_date`
  WHERE NEW.`customer_id` IS NOT NULL
  ON CONFLICT (`customer_id`) DO UPDATE SET `first_date` =
    CASE WHEN `first_date` IS NULL OR excluded.`first_date` < `first_date`
         THEN excluded.`first_date` ELSE `first_date` END;
  UPDATE `orgs` SET `version` = `version` + 1 WHERE `id` = NEW.`org_id`;
  UPDATE `members` SET `version` = `version` + 1 WHERE `id` = NEW.`member_id`;
END;
