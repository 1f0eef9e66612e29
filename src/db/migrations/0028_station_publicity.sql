-- A station named with the publicity ALLRIS 4 adds ("Verwaltungsausschuss (nicht-öffentlich)") is its committee's
-- (src/db/station-names.ts namedStations writes it so from now on): the rows written before take the committee's
-- name; 0026's trigger carries it into the meeting rows' copy and marks the motions for deriving.
UPDATE `consultations` SET `organization` = rtrim(substr(`organization`, 1, length(`organization`) - length('(nicht-öffentlich)')))
  WHERE `organization` LIKE '%_(nicht-öffentlich)';
--> statement-breakpoint
UPDATE `consultations` SET `organization` = rtrim(substr(`organization`, 1, length(`organization`) - length('(nicht öffentlich)')))
  WHERE `organization` LIKE '%_(nicht öffentlich)';
--> statement-breakpoint
UPDATE `consultations` SET `organization` = rtrim(substr(`organization`, 1, length(`organization`) - length('(nichtöffentlich)')))
  WHERE `organization` LIKE '%_(nichtöffentlich)';
--> statement-breakpoint
UPDATE `consultations` SET `organization` = rtrim(substr(`organization`, 1, length(`organization`) - length('(öffentlich)')))
  WHERE `organization` LIKE '%_(öffentlich)' AND `organization` NOT LIKE '%(nicht%';
