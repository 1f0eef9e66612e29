-- A Beratungsfolge row linked to a meeting is dated by that meeting (src/db/queries-progress.ts meetingsSql):
-- the motions with rows at a meeting are derived again when its date changes, and a motion is when one of its
-- rows comes to link a meeting of another date than the one it lists or had before.
CREATE TRIGGER `meetings_date_rows_derive` AFTER UPDATE OF `date` ON `meetings`
WHEN new.`date` IS NOT old.`date` BEGIN
  UPDATE `papers` SET `derived_on` = NULL WHERE `derived_on` IS NOT NULL AND `id` IN (
    SELECT c.`paper_id` FROM `consultation_meetings` cm JOIN `consultations` c ON c.`id` = cm.`consultation_id` WHERE cm.`meeting_id` = new.`id`);
END;
--> statement-breakpoint
CREATE TRIGGER `consultation_meetings_date_link_derive` AFTER UPDATE OF `meeting_id` ON `consultation_meetings`
WHEN new.`meeting_id` IS NOT old.`meeting_id`
  AND COALESCE((SELECT `date` FROM `meetings` WHERE `id` = new.`meeting_id`), new.`date`) IS NOT COALESCE((SELECT `date` FROM `meetings` WHERE `id` = old.`meeting_id`), old.`date`) BEGIN
  UPDATE `papers` SET `derived_on` = NULL WHERE `derived_on` IS NOT NULL AND `id` = (SELECT `paper_id` FROM `consultations` WHERE `id` = new.`consultation_id`);
END;
--> statement-breakpoint
-- papers derived before this migration read their rows' own dates: those with a row whose meeting has another
UPDATE `papers` SET `derived_on` = NULL WHERE `derived_on` IS NOT NULL AND `id` IN (
  SELECT c.`paper_id` FROM `consultation_meetings` cm JOIN `meetings` m ON m.`id` = cm.`meeting_id` JOIN `consultations` c ON c.`id` = cm.`consultation_id`
  WHERE m.`date` IS NOT NULL AND m.`date` IS NOT cm.`date`);
