ALTER TABLE `customer_days` ADD `revenue` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `targets` ADD `breakdown` text;--> statement-breakpoint
-- Won deals' amounts already linked before this column existed (events_customer index).
UPDATE `customer_days` SET `revenue` = coalesce((
  SELECT sum(coalesce(e.`amount`, 0)) FROM `events` e
  WHERE e.`customer_id` = `customer_days`.`customer_id` AND e.`metric` = 'deals'
    AND e.`voided` = 0 AND e.`local_date` = `customer_days`.`local_date`), 0);
--> statement-breakpoint
-- The customer rollup triggers of 0020, now moving each deal's amount with it (revenue by
-- customer segment: shared/domain/breakdown.ts). Same conditions and statements otherwise.
DROP TRIGGER `customer_sales_insert`;
--> statement-breakpoint
DROP TRIGGER `customer_sales_void`;
--> statement-breakpoint
DROP TRIGGER `customer_sales_move`;
--> statement-breakpoint
CREATE TRIGGER `customer_sales_insert` AFTER INSERT ON `events`
WHEN NEW.`voided` = 0 AND NEW.`customer_id` IS NOT NULL AND NEW.`metric` = 'deals'
BEGIN
  INSERT INTO `customer_days` (`customer_id`, `local_date`, `org_id`, `member_id`, `deals`, `revenue`)
  VALUES (NEW.`customer_id`, NEW.`local_date`, NEW.`org_id`, NEW.`member_id`, NEW.`quantity`,
          coalesce(NEW.`amount`, 0))
  ON CONFLICT (`customer_id`, `local_date`) DO UPDATE SET `deals` = `deals` + excluded.`deals`,
    `revenue` = `revenue` + excluded.`revenue`;
  INSERT INTO `customer_firsts` (`customer_id`, `org_id`, `member_id`, `first_date`)
  VALUES (NEW.`customer_id`, NEW.`org_id`, NEW.`member_id`, NEW.`local_date`)
  ON CONFLICT (`customer_id`) DO UPDATE SET `first_date` =
    CASE WHEN `first_date` IS NULL OR excluded.`first_date` < `first_date`
         THEN excluded.`first_date` ELSE `first_date` END;
END;
--> statement-breakpoint
CREATE TRIGGER `customer_sales_void` AFTER UPDATE OF `voided` ON `events`
WHEN OLD.`voided` = 0 AND NEW.`voided` = 1 AND OLD.`customer_id` IS NOT NULL AND OLD.`metric` = 'deals'
BEGIN
  UPDATE `customer_days` SET `deals` = `deals` - OLD.`quantity`,
    `revenue` = `revenue` - coalesce(OLD.`amount`, 0)
  WHERE `customer_id` = OLD.`customer_id` AND `local_date` = OLD.`local_date`;
  UPDATE `customer_firsts` SET `first_date` =
    (SELECT min(`local_date`) FROM `customer_days`
     WHERE `customer_id` = OLD.`customer_id` AND `deals` > 0)
  WHERE `customer_id` = OLD.`customer_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `customer_sales_move` AFTER UPDATE OF `customer_id` ON `events`
WHEN NEW.`voided` = 0 AND OLD.`customer_id` IS NOT NEW.`customer_id` AND NEW.`metric` = 'deals'
BEGIN
  UPDATE `customer_days` SET `deals` = `deals` - OLD.`quantity`,
    `revenue` = `revenue` - coalesce(OLD.`amount`, 0)
  WHERE OLD.`customer_id` IS NOT NULL AND `customer_id` = OLD.`customer_id`
    AND `local_date` = OLD.`local_date`;
  UPDATE `customer_firsts` SET `first_date` =
    (SELECT min(`local_date`) FROM `customer_days`
     WHERE `customer_id` = OLD.`customer_id` AND `deals` > 0)
  WHERE OLD.`customer_id` IS NOT NULL AND `customer_id` = OLD.`customer_id`;
  INSERT INTO `customer_days` (`customer_id`, `local_date`, `org_id`, `member_id`, `deals`, `revenue`)
  SELECT NEW.`customer_id`, NEW.`local_date`, NEW.`org_id`, NEW.`member_id`, NEW.`quantity`,
         coalesce(NEW.`amount`, 0)
  WHERE NEW.`customer_id` IS NOT NULL
  ON CONFLICT (`customer_id`, `local_date`) DO UPDATE SET `deals` = `deals` + excluded.`deals`,
    `revenue` = `revenue` + excluded.`revenue`;
  INSERT INTO `customer_firsts` (`customer_id`, `org_id`, `member_id`, `first_date`)
  SELECT NEW.`customer_id`, NEW.`org_id`, NEW.`member_id`, NEW.`local_date`
  WHERE NEW.`customer_id` IS NOT NULL
  ON CONFLICT (`customer_id`) DO UPDATE SET `first_date` =
    CASE WHEN `first_date` IS NULL OR excluded.`first_date` < `first_date`
         THEN excluded.`first_date` ELSE `first_date` END;
  UPDATE `orgs` SET `version` = `version` + 1 WHERE `id` = NEW.`org_id`;
  UPDATE `members` SET `version` = `version` + 1 WHERE `id` = NEW.`member_id`;
END;
