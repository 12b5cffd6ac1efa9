ALTER TABLE `events` ADD `amount` integer;--> statement-breakpoint
ALTER TABLE `events` ADD `amount_metric` text;--> statement-breakpoint
-- A won deal is one event with two metric lines (shared/domain/lines.ts): its quantity for its
-- metric and its amount for `amount_metric`. The triggers count and void both lines in the same
-- statement as the event, as before for the one line.
DROP TRIGGER `events_rollup_insert`;
--> statement-breakpoint
CREATE TRIGGER `events_rollup_insert` AFTER INSERT ON `events` WHEN NEW.`voided` = 0
BEGIN
  INSERT INTO `rollups` (`org_id`, `member_id`, `local_date`, `metric`, `total`, `evidence_total`, `events`)
  VALUES (NEW.`org_id`, NEW.`member_id`, NEW.`local_date`, NEW.`metric`, NEW.`quantity`,
          CASE WHEN NEW.`evidence` THEN NEW.`quantity` ELSE 0 END, 1)
  ON CONFLICT (`member_id`, `local_date`, `metric`) DO UPDATE SET
    `total` = `total` + excluded.`total`,
    `evidence_total` = `evidence_total` + excluded.`evidence_total`,
    `events` = `events` + 1;
  INSERT INTO `rollups` (`org_id`, `member_id`, `local_date`, `metric`, `total`, `evidence_total`, `events`)
  SELECT NEW.`org_id`, NEW.`member_id`, NEW.`local_date`, NEW.`amount_metric`, NEW.`amount`,
         CASE WHEN NEW.`evidence` THEN NEW.`amount` ELSE 0 END, 1
  WHERE NEW.`amount_metric` IS NOT NULL AND NEW.`amount` > 0
  ON CONFLICT (`member_id`, `local_date`, `metric`) DO UPDATE SET
    `total` = `total` + excluded.`total`,
    `evidence_total` = `evidence_total` + excluded.`evidence_total`,
    `events` = `events` + 1;
  UPDATE `orgs` SET `version` = `version` + 1 WHERE `id` = NEW.`org_id`;
  UPDATE `members` SET `version` = `version` + 1 WHERE `id` = NEW.`member_id`;
END;
--> statement-breakpoint
DROP TRIGGER `events_rollup_void`;
--> statement-breakpoint
CREATE TRIGGER `events_rollup_void` AFTER UPDATE OF `voided` ON `events`
WHEN OLD.`voided` = 0 AND NEW.`voided` = 1
BEGIN
  UPDATE `rollups` SET
    `total` = `total` - OLD.`quantity`,
    `evidence_total` = `evidence_total` - CASE WHEN OLD.`evidence` THEN OLD.`quantity` ELSE 0 END,
    `events` = `events` - 1
  WHERE `member_id` = OLD.`member_id` AND `local_date` = OLD.`local_date` AND `metric` = OLD.`metric`;
  UPDATE `rollups` SET
    `total` = `total` - OLD.`amount`,
    `evidence_total` = `evidence_total` - CASE WHEN OLD.`evidence` THEN OLD.`amount` ELSE 0 END,
    `events` = `events` - 1
  WHERE OLD.`amount_metric` IS NOT NULL AND OLD.`amount` > 0
    AND `member_id` = OLD.`member_id` AND `local_date` = OLD.`local_date`
    AND `metric` = OLD.`amount_metric`;
  UPDATE `orgs` SET `version` = `version` + 1 WHERE `id` = OLD.`org_id`;
  UPDATE `members` SET `version` = `version` + 1 WHERE `id` = OLD.`member_id`;
END;
