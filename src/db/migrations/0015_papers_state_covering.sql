DROP INDEX `papers_state`;--> statement-breakpoint
CREATE INDEX `papers_state` ON `papers` (`state`,`source_id`,`date`,`last_activity`);