-- A stored progress summary names each meeting row's result (src/domain/progress-summary.ts: a meeting page shows an
-- earlier deferral at the same committee under "Bisherige Beratung"): the papers with a row that has a result are
-- derived again, so that their stored summaries are what deriving writes now.
UPDATE `papers` SET `derived_on` = NULL WHERE `derived_on` IS NOT NULL AND `id` IN (
  SELECT c.`paper_id` FROM `consultation_meetings` cm JOIN `consultations` c ON c.`id` = cm.`consultation_id`
  WHERE cm.`result_code` <> 'open');
