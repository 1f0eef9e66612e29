CREATE TABLE `paper_progress` (
	`paper_id` integer PRIMARY KEY NOT NULL,
	`summary` text NOT NULL,
	FOREIGN KEY (`paper_id`) REFERENCES `papers`(`id`) ON UPDATE no action ON DELETE cascade
);

--> statement-breakpoint
-- the stored summary names an agenda item's number (a next step dated by an agenda): renumbering an item derives its paper again
DROP TRIGGER IF EXISTS `agenda_items_derive_update`;
--> statement-breakpoint
CREATE TRIGGER `agenda_items_derive_update` AFTER UPDATE OF `paper_id`, `meeting_id`, `date`, `organization`, `result`, `result_code`, `number` ON `agenda_items`
WHEN new.`paper_id` IS NOT old.`paper_id` OR (new.`paper_id` IS NOT NULL AND (new.`meeting_id` IS NOT old.`meeting_id`
  OR new.`date` IS NOT old.`date` OR new.`organization` IS NOT old.`organization` OR new.`result` IS NOT old.`result`
  OR new.`result_code` IS NOT old.`result_code` OR new.`number` IS NOT old.`number`)) BEGIN
  UPDATE `papers` SET `derived_on` = NULL WHERE `id` IN (new.`paper_id`, old.`paper_id`) AND `derived_on` IS NOT NULL;
END;
--> statement-breakpoint
-- papers derived before this migration have no summary: the next refreshDerived derives every paper (derive.ts)
DELETE FROM `derive_state`;
