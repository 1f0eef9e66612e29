-- A meeting's documents are fetched and read as a motion's are: each row keeps the fetch (as files does) and
-- names its source (a fetch is noted on every row of the source with the URL). The table is made anew (a NOT
-- NULL column cannot be added), its rows kept, each with its meeting's source.
CREATE TABLE `__new_meeting_files` (
	`meeting_id` integer NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`url` text,
	`source_id` integer NOT NULL,
	`content_hash` text,
	`fetch_state` text,
	`fetch_error` text,
	`fetch_attempts` integer DEFAULT 0 NOT NULL,
	`fetched_at` text,
	PRIMARY KEY(`meeting_id`, `position`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE cascade
);--> statement-breakpoint
INSERT INTO `__new_meeting_files` (`meeting_id`, `position`, `name`, `url`, `source_id`)
	SELECT f.`meeting_id`, f.`position`, f.`name`, f.`url`, m.`source_id` FROM `meeting_files` f JOIN `meetings` m ON m.`id` = f.`meeting_id`;--> statement-breakpoint
DROP TABLE `meeting_files`;--> statement-breakpoint
ALTER TABLE `__new_meeting_files` RENAME TO `meeting_files`;--> statement-breakpoint
CREATE INDEX `meeting_files_source_url` ON `meeting_files` (`source_id`,`url`);--> statement-breakpoint
CREATE INDEX `meeting_files_hash` ON `meeting_files` (`content_hash`) WHERE "meeting_files"."content_hash" IS NOT NULL;
