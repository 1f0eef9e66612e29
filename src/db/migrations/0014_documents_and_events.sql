CREATE TABLE `document_pages` (
	`hash` text NOT NULL,
	`page` integer NOT NULL,
	`text` text NOT NULL,
	`search_text` text NOT NULL,
	PRIMARY KEY(`hash`, `page`),
	FOREIGN KEY (`hash`) REFERENCES `documents`(`hash`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `documents` (
	`hash` text PRIMARY KEY NOT NULL,
	`size` integer NOT NULL,
	`mime_type` text,
	`status` text NOT NULL,
	`error` text,
	`page_count` integer,
	`title` text,
	`created_on` text,
	`extracted_at` text NOT NULL,
	`extractor` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `paper_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_key` text NOT NULL,
	`paper_id` integer NOT NULL,
	`source_id` integer NOT NULL,
	`kind` text NOT NULL,
	`learned_at` text NOT NULL,
	`happened_on` text,
	`committee` text,
	`payload` text NOT NULL,
	`run_id` integer,
	FOREIGN KEY (`paper_id`) REFERENCES `papers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`run_id`) REFERENCES `crawl_runs`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `paper_events_key` ON `paper_events` (`event_key`);--> statement-breakpoint
CREATE INDEX `paper_events_paper` ON `paper_events` (`paper_id`,`id`);--> statement-breakpoint
CREATE INDEX `paper_events_learned` ON `paper_events` (`learned_at`);--> statement-breakpoint
ALTER TABLE `files` ADD `content_hash` text;--> statement-breakpoint
ALTER TABLE `files` ADD `fetch_state` text;--> statement-breakpoint
ALTER TABLE `files` ADD `fetch_error` text;--> statement-breakpoint
ALTER TABLE `files` ADD `fetch_attempts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `files` ADD `fetched_at` text;--> statement-breakpoint
CREATE INDEX `files_hash` ON `files` (`content_hash`) WHERE "files"."content_hash" IS NOT NULL;