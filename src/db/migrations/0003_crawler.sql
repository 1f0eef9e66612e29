CREATE TABLE `crawl_queue` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_id` integer NOT NULL,
	`url` text NOT NULL,
	`kind` text NOT NULL,
	`parent_url` text,
	`state` text NOT NULL,
	`outcome` text,
	`error` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`updated_at` text,
	FOREIGN KEY (`run_id`) REFERENCES `crawl_runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `crawl_queue_url` ON `crawl_queue` (`run_id`,`url`);--> statement-breakpoint
CREATE INDEX `crawl_queue_state` ON `crawl_queue` (`run_id`,`state`,`id`);--> statement-breakpoint
CREATE TABLE `crawl_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source_id` integer NOT NULL,
	`mode` text NOT NULL,
	`status` text NOT NULL,
	`since` text,
	`until` text,
	`today` text NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text,
	`pid` integer,
	`heartbeat_at` text,
	`report` text,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `crawl_runs_source` ON `crawl_runs` (`source_id`,`status`);--> statement-breakpoint
CREATE TABLE `pages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source_id` integer NOT NULL,
	`url` text NOT NULL,
	`final_url` text,
	`status` integer NOT NULL,
	`content_type` text,
	`etag` text,
	`last_modified` text,
	`content_hash` text NOT NULL,
	`size` integer NOT NULL,
	`kind` text,
	`fetched_at` text NOT NULL,
	`changed_at` text NOT NULL,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pages_url` ON `pages` (`source_id`,`url`);--> statement-breakpoint
CREATE TABLE `paper_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`paper_id` integer NOT NULL,
	`seen_at` text NOT NULL,
	`field` text NOT NULL,
	`context` text NOT NULL,
	`old_value` text,
	`new_value` text,
	`run_id` integer,
	FOREIGN KEY (`paper_id`) REFERENCES `papers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`run_id`) REFERENCES `crawl_runs`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `paper_changes_paper` ON `paper_changes` (`paper_id`,`seen_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `paper_changes_unique` ON `paper_changes` (`paper_id`,`seen_at`,`field`,`context`);--> statement-breakpoint
CREATE TABLE `source_sync` (
	`source_id` integer PRIMARY KEY NOT NULL,
	`last_success_at` text,
	`last_success_run_id` integer,
	`last_failure_at` text,
	`last_failure` text,
	`last_run_at` text,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `sources` ADD `crawl_config` text;