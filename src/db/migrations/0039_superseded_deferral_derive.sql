-- A deferral ("vertagt") that a later meeting of the same station took up again is no longer that station's result
-- (src/domain/stations.ts): the papers with a deferral followed by another row of its station are derived again.
UPDATE `papers` SET `derived_on` = NULL WHERE `derived_on` IS NOT NULL AND `id` IN (
  SELECT c.`paper_id` FROM `consultation_meetings` a
    JOIN `consultation_meetings` b ON b.`consultation_id` = a.`consultation_id` AND b.`position` > a.`position`
    JOIN `consultations` c ON c.`id` = a.`consultation_id`
  WHERE a.`result_code` IN ('deferred', 'not-dealt'));
