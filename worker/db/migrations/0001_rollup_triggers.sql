-- Rollups are maintained here and nowhere else, inside the statement that changes `events`,
-- so an event and its rollup change commit atomically. An INSERT … ON CONFLICT(id) DO NOTHING
-- that hits an existing id inserts no row, so this trigger does not fire for duplicates.
CREATE TRIGGER `events_rollup_insert` AFTER INSERT ON `events` WHEN NEW.`voided` = 0
BEGIN
  INSERT INTO `rollups` (`org_id`, `member_id`, `local_date`, `metric`, `total`, `evidence_total`, `events`)
  VALUES (NEW.`org_id`, NEW.`member_id`, NEW.`local_date`, NEW.`metric`, NEW.`quantity`,
          CASE WHEN NEW.`evidence` THEN NEW.`quantity` ELSE 0 END, 1)
  ON CONFLICT (`member_id`, `local_date`, `metric`) DO UPDATE SET
    `total` = `total` + excluded.`total`,
    `evidence_total` = `evidence_total` + excluded.`evidence_total`,
    `events` = `events` + 1;
  UPDATE `orgs` SET `version` = `version` + 1 WHERE `id` = NEW.`org_id`;
END;
--> statement-breakpoint
-- Voiding is a one-way 0 → 1 change; the WHEN clause makes a second void a no-op for rollups.
CREATE TRIGGER `events_rollup_void` AFTER UPDATE OF `voided` ON `events`
WHEN OLD.`voided` = 0 AND NEW.`voided` = 1
BEGIN
  UPDATE `rollups` SET
    `total` = `total` - OLD.`quantity`,
    `evidence_total` = `evidence_total` - CASE WHEN OLD.`evidence` THEN OLD.`quantity` ELSE 0 END,
    `events` = `events` - 1
  WHERE `member_id` = OLD.`member_id` AND `local_date` = OLD.`local_date` AND `metric` = OLD.`metric`;
  UPDATE `orgs` SET `version` = `version` + 1 WHERE `id` = OLD.`org_id`;
END;
--> statement-breakpoint
-- Events are never deleted or re-voided back: un-voiding would double count, so forbid it.
CREATE TRIGGER `events_no_unvoid` BEFORE UPDATE OF `voided` ON `events`
WHEN OLD.`voided` = 1 AND NEW.`voided` = 0
BEGIN
  SELECT RAISE(ABORT, 'a voided event cannot be restored');
END;
