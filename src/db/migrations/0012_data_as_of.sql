ALTER TABLE `papers` ADD `data_as_of` text;--> statement-breakpoint
ALTER TABLE `sources` ADD `demo_shift_days` integer;--> statement-breakpoint
-- papers read by the crawler before this column existed: their own page's last fetch (the page store's index)
UPDATE `papers` SET `data_as_of` = (SELECT max(g.`fetched_at`) FROM `pages` g WHERE g.`source_id` = `papers`.`source_id` AND g.`url` = `papers`.`url`), `derived_on` = NULL
  WHERE `url` IS NOT NULL AND EXISTS (SELECT 1 FROM `pages` g WHERE g.`source_id` = `papers`.`source_id` AND g.`url` = `papers`.`url`);
