DROP INDEX `consultation_meetings_date`;--> statement-breakpoint
CREATE INDEX `consultation_meetings_date_rows` ON `consultation_meetings` (`date`,`consultation_id`);