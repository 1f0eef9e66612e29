ALTER TABLE `consultations` ADD `organization_external_id` text;--> statement-breakpoint
CREATE INDEX `consultations_organization_external_id` ON `consultations` (`organization_external_id`) WHERE "consultations"."organization_external_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `organizations_oparl` ON `organizations` (`source_id`,`oparl_id`) WHERE "organizations"."oparl_id" IS NOT NULL;--> statement-breakpoint
-- A station named anew (src/db/station-names.ts: an OParl station takes the name of its Organization once the
-- import has it): its meeting rows' copy of the name follows, and its paper is derived again (its queue, next step).
CREATE TRIGGER `consultations_organization_named` AFTER UPDATE OF `organization` ON `consultations`
WHEN new.`organization` IS NOT old.`organization` BEGIN
  UPDATE `consultation_meetings` SET `organization` = new.`organization` WHERE `consultation_id` = new.`id`;
  UPDATE `papers` SET `derived_on` = NULL WHERE `derived_on` IS NOT NULL AND `id` = new.`paper_id`;
END;
