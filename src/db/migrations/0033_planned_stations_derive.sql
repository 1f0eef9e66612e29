-- A station the page shows "Geplant" or "Bereit" that met without a result now awaits its result instead of being
-- done, unless the paper has moved on past it (src/domain/stations.ts): the papers with such a station are derived again.
UPDATE `papers` SET `derived_on` = NULL WHERE `derived_on` IS NOT NULL AND `id` IN (
  SELECT `paper_id` FROM `consultations` WHERE lower(trim(`station_status`)) IN ('geplant', 'bereit'));
