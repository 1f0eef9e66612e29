-- The link indexes hold linked rows only: every agenda item and meeting row is written unlinked and linked
-- later (src/db/link.ts), and a full index wrote each entry twice (under NULL, then moved to its link).
-- Lookups by a link (meeting_id = ?, paper_id = ?, joins on them) imply IS NOT NULL and use them as before.
DROP INDEX `agenda_items_meeting`;--> statement-breakpoint
DROP INDEX `agenda_items_paper`;--> statement-breakpoint
CREATE INDEX `agenda_items_meeting` ON `agenda_items` (`meeting_id`,`position`) WHERE "agenda_items"."meeting_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `agenda_items_paper` ON `agenda_items` (`paper_id`) WHERE "agenda_items"."paper_id" IS NOT NULL;--> statement-breakpoint
DROP INDEX `consultation_meetings_meeting`;--> statement-breakpoint
CREATE INDEX `consultation_meetings_meeting` ON `consultation_meetings` (`meeting_id`) WHERE "consultation_meetings"."meeting_id" IS NOT NULL;