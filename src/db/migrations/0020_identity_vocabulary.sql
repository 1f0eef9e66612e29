-- One word per meaning for identity (DESIGN.md, README "Identity vocabulary"): entity_key = a row's identity
-- inside its source, external_id = the RIS's own id (VOLFDNR, SILFDNR, TOLFDNR, AULFDNR/GRLFDNR, OParl id),
-- source_id = the sources foreign key. RENAME COLUMN keeps every row and value (and rewrites the indexes,
-- triggers and views that name a column); the indexes are then made again under names that say the same.
ALTER TABLE `papers` RENAME COLUMN `source_key` TO `entity_key`;
--> statement-breakpoint
ALTER TABLE `papers` RENAME COLUMN `source_record_id` TO `external_id`;
--> statement-breakpoint
ALTER TABLE `organizations` RENAME COLUMN `source_record_id` TO `external_id`;
--> statement-breakpoint
ALTER TABLE `meetings` RENAME COLUMN `source_record_id` TO `external_id`;
--> statement-breakpoint
ALTER TABLE `meetings` RENAME COLUMN `organization_source_id` TO `organization_external_id`;
--> statement-breakpoint
ALTER TABLE `agenda_items` RENAME COLUMN `source_record_id` TO `external_id`;
--> statement-breakpoint
ALTER TABLE `agenda_items` RENAME COLUMN `meeting_source_id` TO `meeting_external_id`;
--> statement-breakpoint
ALTER TABLE `agenda_items` RENAME COLUMN `paper_source_id` TO `paper_external_id`;
--> statement-breakpoint
ALTER TABLE `consultation_meetings` RENAME COLUMN `meeting_source_id` TO `meeting_external_id`;
--> statement-breakpoint
ALTER TABLE `consultation_meetings` RENAME COLUMN `agenda_item_source_id` TO `agenda_item_external_id`;
--> statement-breakpoint
DROP INDEX `agenda_items_meeting_sid`;
--> statement-breakpoint
CREATE INDEX `agenda_items_meeting_external_id` ON `agenda_items` (`source_id`,`meeting_external_id`);
--> statement-breakpoint
DROP INDEX `agenda_items_sid`;
--> statement-breakpoint
CREATE INDEX `agenda_items_external_id` ON `agenda_items` (`source_id`,`external_id`);
--> statement-breakpoint
DROP INDEX `agenda_items_paper_sid`;
--> statement-breakpoint
CREATE INDEX `agenda_items_paper_external_id` ON `agenda_items` (`source_id`,`paper_external_id`) WHERE "agenda_items"."paper_external_id" IS NOT NULL;
--> statement-breakpoint
DROP INDEX `consultation_meetings_source_sid`;
--> statement-breakpoint
CREATE INDEX `consultation_meetings_meeting_external_id` ON `consultation_meetings` (`source_id`,`meeting_external_id`);
--> statement-breakpoint
DROP INDEX `consultation_meetings_source_item_sid`;
--> statement-breakpoint
CREATE INDEX `consultation_meetings_agenda_item_external_id` ON `consultation_meetings` (`source_id`,`agenda_item_external_id`) WHERE "consultation_meetings"."agenda_item_external_id" IS NOT NULL;
--> statement-breakpoint
DROP INDEX `meetings_sid`;
--> statement-breakpoint
CREATE INDEX `meetings_external_id` ON `meetings` (`source_id`,`external_id`);
--> statement-breakpoint
DROP INDEX `meetings_org_sid`;
--> statement-breakpoint
CREATE INDEX `meetings_organization_external_id` ON `meetings` (`source_id`,`organization_external_id`) WHERE "meetings"."organization_external_id" IS NOT NULL;
--> statement-breakpoint
DROP INDEX `organizations_sid`;
--> statement-breakpoint
CREATE INDEX `organizations_external_id` ON `organizations` (`source_id`,`external_id`);
--> statement-breakpoint
DROP INDEX `papers_source_key`;
--> statement-breakpoint
CREATE UNIQUE INDEX `papers_entity_key` ON `papers` (`source_id`,`entity_key`);
--> statement-breakpoint
DROP INDEX `papers_sid`;
--> statement-breakpoint
CREATE INDEX `papers_external_id` ON `papers` (`source_id`,`external_id`);
