ALTER TABLE `meetings` ADD `cancelled` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- meetings a stored record marks as cancelled (a calendar row "ENTFÄLLT!", a meeting page's head), as the
-- import writes them from now on
UPDATE `meetings` SET `cancelled` = 1 WHERE EXISTS (SELECT 1 FROM `records` r WHERE r.`source_id` = `meetings`.`source_id`
  AND r.`kind` = 'Meeting' AND r.`entity_key` = `meetings`.`entity_key` AND json_extract(r.`record`, '$.cancelled') = 1);
