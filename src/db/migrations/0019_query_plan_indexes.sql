CREATE INDEX `paper_events_source` ON `paper_events` (`source_id`,`id`);--> statement-breakpoint
CREATE INDEX `consultation_meetings_agenda_item` ON `consultation_meetings` (`agenda_item_id`) WHERE "consultation_meetings"."agenda_item_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `papers_underived` ON `papers` (`id`) WHERE "papers"."derived_on" IS NULL;