-- A motion whose deciding result is "erledigt" / "für erledigt erklärt" (result code settled) is "erledigt" (state
-- closed), no longer "gestoppt" (src/domain/progress.ts rule 2): the papers derived as stopped by such a result are
-- derived again.
UPDATE `papers` SET `derived_on` = NULL WHERE `derived_on` IS NOT NULL AND `state` = 'stopped' AND `id` IN (
  SELECT `paper_id` FROM `paper_progress` WHERE json_extract(`summary`, '$.decision.resultCode') = 'settled');
