CREATE INDEX `agenda_items_sid` ON `agenda_items` (`source_id`,`source_record_id`);--> statement-breakpoint
CREATE INDEX `agenda_items_paper_sid` ON `agenda_items` (`source_id`,`paper_source_id`) WHERE "agenda_items"."paper_source_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `agenda_items_paper_reference` ON `agenda_items` (`source_id`,`paper_reference`) WHERE "agenda_items"."paper_reference" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `consultation_meetings_item_sid` ON `consultation_meetings` (`agenda_item_source_id`) WHERE "consultation_meetings"."agenda_item_source_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `meetings_sid` ON `meetings` (`source_id`,`source_record_id`);--> statement-breakpoint
CREATE INDEX `meetings_oparl` ON `meetings` (`source_id`,`oparl_id`) WHERE "meetings"."oparl_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `meetings_org_sid` ON `meetings` (`source_id`,`organization_source_id`) WHERE "meetings"."organization_source_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `organizations_sid` ON `organizations` (`source_id`,`source_record_id`);--> statement-breakpoint
CREATE INDEX `papers_sid` ON `papers` (`source_id`,`source_record_id`);--> statement-breakpoint
CREATE INDEX `papers_oparl` ON `papers` (`source_id`,`oparl_id`) WHERE "papers"."oparl_id" IS NOT NULL;