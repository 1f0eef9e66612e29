DROP INDEX `consultation_meetings_sid`;--> statement-breakpoint
DROP INDEX `consultation_meetings_item_sid`;--> statement-breakpoint
ALTER TABLE `consultation_meetings` ADD `source_id` integer REFERENCES sources(id);--> statement-breakpoint
ALTER TABLE `consultation_meetings` ADD `organization` text;--> statement-breakpoint
-- the rows there are get their paper's source and their station's committee, as new rows are written with them
UPDATE `consultation_meetings` SET
  `source_id` = (SELECT p.`source_id` FROM `consultations` c JOIN `papers` p ON p.`id` = c.`paper_id` WHERE c.`id` = `consultation_meetings`.`consultation_id`),
  `organization` = (SELECT c.`organization` FROM `consultations` c WHERE c.`id` = `consultation_meetings`.`consultation_id`);--> statement-breakpoint
CREATE INDEX `consultation_meetings_source_sid` ON `consultation_meetings` (`source_id`,`meeting_source_id`);--> statement-breakpoint
CREATE INDEX `consultation_meetings_committee` ON `consultation_meetings` (`source_id`,`organization`,`date`);--> statement-breakpoint
CREATE INDEX `consultation_meetings_source_item_sid` ON `consultation_meetings` (`source_id`,`agenda_item_source_id`) WHERE "consultation_meetings"."agenda_item_source_id" IS NOT NULL;