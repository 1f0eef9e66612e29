-- paper_changes stores codes and ISO dates instead of German display text (src/domain/change-text.ts).
-- Every row written before holds display text: it is kept whole in raw_text, and openDb reads each such
-- row back into codes (src/db/history-display-text.ts), clearing raw_text where the codes render to
-- exactly the stored text; a row that cannot be read back keeps its text and is shown as it is.
ALTER TABLE `paper_changes` ADD `raw_text` text;--> statement-breakpoint
UPDATE `paper_changes` SET `raw_text` = json_object('context', `context`, 'oldValue', `old_value`, 'newValue', `new_value`);--> statement-breakpoint
CREATE INDEX `paper_changes_raw` ON `paper_changes` (`id`) WHERE "paper_changes"."raw_text" IS NOT NULL;
