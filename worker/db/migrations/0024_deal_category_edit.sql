-- A won deal's category may be changed after the fact (PATCH /events/:id/category): the deal
-- leaves its old category's row and joins the new one's in the statement that changes it, so
-- `category_days` stays the sum of its logs through any sequence of edits and undo (0023). The
-- member's and org's change counters move too, so cached progress and boards are read again (0004).
CREATE TRIGGER `category_sales_edit` AFTER UPDATE OF `category` ON `events`
WHEN NEW.`voided` = 0 AND NEW.`metric` = 'deals' AND OLD.`category` IS NOT NEW.`category`
BEGIN
  UPDATE `category_days` SET `deals` = `deals` - OLD.`quantity`,
    `revenue` = `revenue` - coalesce(OLD.`amount`, 0)
  WHERE OLD.`category` IS NOT NULL AND `member_id` = OLD.`member_id`
    AND `local_date` = OLD.`local_date` AND `category` = OLD.`category`;
  INSERT INTO `category_days` (`member_id`, `local_date`, `category`, `org_id`, `deals`, `revenue`)
  SELECT NEW.`member_id`, NEW.`local_date`, NEW.`category`, NEW.`org_id`, NEW.`quantity`,
         coalesce(NEW.`amount`, 0)
  WHERE NEW.`category` IS NOT NULL
  ON CONFLICT (`member_id`, `local_date`, `category`) DO UPDATE SET
    `deals` = `deals` + excluded.`deals`, `revenue` = `revenue` + excluded.`revenue`;
  UPDATE `orgs` SET `version` = `version` + 1 WHERE `id` = NEW.`org_id`;
  UPDATE `members` SET `version` = `version` + 1 WHERE `id` = NEW.`member_id`;
END;
