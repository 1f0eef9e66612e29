-- A motion whose Beratungsfolge is known from agendas only, or not at all (a list row), is no longer called "ruht"
-- (src/domain/progress.ts rules 6 and 7: only its own page says that nothing is planned) and its explanation says
-- what is not known (src/db/queries-progress.ts sequenceSql): such papers are derived again.
UPDATE `papers` SET `derived_on` = NULL WHERE `derived_on` IS NOT NULL
  AND (json_extract(`provenance`, '$.consultation') IS NULL OR json_extract(`provenance`, '$.consultation') = 'agenda')
  AND NOT EXISTS (SELECT 1 FROM json_each(`provenance`) WHERE value IN ('allris4', 'allris3', 'oparl'))
  AND EXISTS (SELECT 1 FROM json_each(`provenance`));
