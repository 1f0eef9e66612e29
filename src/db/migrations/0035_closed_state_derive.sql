-- A motion every station of which the RIS marks "Erledigt" without a deciding result (none, or one such as "vertagt")
-- is "erledigt" (state closed), no longer "beschlossen" (src/domain/progress.ts rule 3): the papers derived as decided
-- by anything but an adopting result are derived again.
UPDATE `papers` SET `derived_on` = NULL WHERE `derived_on` IS NOT NULL AND `state` = 'decided' AND `id` IN (
  SELECT `paper_id` FROM `paper_progress` WHERE json_extract(`summary`, '$.decision.resultCode') IS NOT 'adopted');
