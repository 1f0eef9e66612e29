-- A Beratungsfolge row at a cancelled meeting is no step (src/domain/stations.ts flagMeeting): the papers
-- whose rows or agenda items are at a meeting are derived again when the meeting is cancelled or no longer
-- is, and when a row comes to link a meeting of another cancellation state.
CREATE TRIGGER `meetings_cancelled_derive_update` AFTER UPDATE OF `cancelled` ON `meetings`
WHEN new.`cancelled` IS NOT old.`cancelled` BEGIN
  UPDATE `papers` SET `derived_on` = NULL WHERE `derived_on` IS NOT NULL AND `id` IN (
    SELECT `paper_id` FROM `agenda_items` WHERE `meeting_id` = new.`id` AND `paper_id` IS NOT NULL
    UNION SELECT c.`paper_id` FROM `consultation_meetings` cm JOIN `consultations` c ON c.`id` = cm.`consultation_id` WHERE cm.`meeting_id` = new.`id`);
END;
--> statement-breakpoint
CREATE TRIGGER `consultation_meetings_cancelled_link_derive` AFTER UPDATE OF `meeting_id` ON `consultation_meetings`
WHEN new.`meeting_id` IS NOT old.`meeting_id`
  AND COALESCE((SELECT `cancelled` FROM `meetings` WHERE `id` = new.`meeting_id`), 0) <> COALESCE((SELECT `cancelled` FROM `meetings` WHERE `id` = old.`meeting_id`), 0) BEGIN
  UPDATE `papers` SET `derived_on` = NULL WHERE `derived_on` IS NOT NULL AND `id` = (SELECT `paper_id` FROM `consultations` WHERE `id` = new.`consultation_id`);
END;
--> statement-breakpoint
-- papers derived before this migration did not read whether their rows' and agenda items' meetings are cancelled
UPDATE `papers` SET `derived_on` = NULL WHERE `derived_on` IS NOT NULL AND `id` IN (
  SELECT a.`paper_id` FROM `agenda_items` a JOIN `meetings` m ON m.`id` = a.`meeting_id` WHERE m.`cancelled` = 1 AND a.`paper_id` IS NOT NULL
  UNION SELECT c.`paper_id` FROM `consultation_meetings` cm JOIN `meetings` m ON m.`id` = cm.`meeting_id` JOIN `consultations` c ON c.`id` = cm.`consultation_id` WHERE m.`cancelled` = 1);
