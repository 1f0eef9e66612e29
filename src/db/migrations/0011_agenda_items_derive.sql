-- Agendas feed a paper's state (src/domain/agenda-steps.ts): when an agenda item that names a paper
-- is linked, unlinked or changes its date, committee or result, or when its meeting's date, committee
-- or status changes, the paper's derived columns are stale (derived_on NULL, src/db/derive.ts), as
-- write-paper.ts marks a paper whose own page changed. Every writer keeps this without knowing it.
CREATE TRIGGER `agenda_items_derive_insert` AFTER INSERT ON `agenda_items` WHEN new.`paper_id` IS NOT NULL BEGIN
  UPDATE `papers` SET `derived_on` = NULL WHERE `id` = new.`paper_id` AND `derived_on` IS NOT NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `agenda_items_derive_update` AFTER UPDATE OF `paper_id`, `meeting_id`, `date`, `organization`, `result`, `result_code` ON `agenda_items`
WHEN new.`paper_id` IS NOT old.`paper_id` OR (new.`paper_id` IS NOT NULL AND (new.`meeting_id` IS NOT old.`meeting_id`
  OR new.`date` IS NOT old.`date` OR new.`organization` IS NOT old.`organization` OR new.`result` IS NOT old.`result`
  OR new.`result_code` IS NOT old.`result_code`)) BEGIN
  UPDATE `papers` SET `derived_on` = NULL WHERE `id` IN (new.`paper_id`, old.`paper_id`) AND `derived_on` IS NOT NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `agenda_items_derive_delete` AFTER DELETE ON `agenda_items` WHEN old.`paper_id` IS NOT NULL BEGIN
  UPDATE `papers` SET `derived_on` = NULL WHERE `id` = old.`paper_id` AND `derived_on` IS NOT NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `meetings_agenda_derive_update` AFTER UPDATE OF `date`, `organization`, `status_text` ON `meetings`
WHEN new.`date` IS NOT old.`date` OR new.`organization` IS NOT old.`organization` OR new.`status_text` IS NOT old.`status_text` BEGIN
  UPDATE `papers` SET `derived_on` = NULL WHERE `derived_on` IS NOT NULL
    AND `id` IN (SELECT `paper_id` FROM `agenda_items` WHERE `meeting_id` = new.`id` AND `paper_id` IS NOT NULL);
END;
--> statement-breakpoint
-- papers derived before this migration did not read their agenda items
UPDATE `papers` SET `derived_on` = NULL WHERE `derived_on` IS NOT NULL AND `id` IN (SELECT `paper_id` FROM `agenda_items` WHERE `paper_id` IS NOT NULL);
