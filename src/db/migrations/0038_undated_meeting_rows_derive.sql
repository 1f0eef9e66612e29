-- A station whose meeting row names its meeting (or agenda item) without a date is "einer Sitzung zugeordnet, deren
-- Datum nicht bekannt ist", no longer "noch ohne Termin" / "noch nicht beraten", and does not rest (src/domain/progress.ts):
-- the papers with such a row are derived again.
UPDATE `papers` SET `derived_on` = NULL WHERE `derived_on` IS NOT NULL AND `id` IN (
  SELECT c.`paper_id` FROM `consultation_meetings` cm JOIN `consultations` c ON c.`id` = cm.`consultation_id`
  WHERE cm.`date` IS NULL AND (cm.`meeting_external_id` IS NOT NULL OR cm.`agenda_item_external_id` IS NOT NULL));
