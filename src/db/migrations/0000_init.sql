CREATE TABLE `consultation_meetings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`consultation_id` integer NOT NULL,
	`position` integer NOT NULL,
	`date` text,
	`name` text,
	`meeting_source_id` text,
	`agenda_item_source_id` text,
	`result` text,
	`result_code` text NOT NULL,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `consultation_meetings_position` ON `consultation_meetings` (`consultation_id`,`position`);--> statement-breakpoint
CREATE INDEX `consultation_meetings_date` ON `consultation_meetings` (`date`);--> statement-breakpoint
CREATE TABLE `consultations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`paper_id` integer NOT NULL,
	`position` integer NOT NULL,
	`organization` text,
	`role` text,
	`role_code` text,
	`station_status` text,
	FOREIGN KEY (`paper_id`) REFERENCES `papers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `consultations_paper_position` ON `consultations` (`paper_id`,`position`);--> statement-breakpoint
CREATE INDEX `consultations_organization` ON `consultations` (`organization`);--> statement-breakpoint
CREATE TABLE `papers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source_id` integer NOT NULL,
	`source_key` text NOT NULL,
	`source_record_id` text,
	`system` text NOT NULL,
	`system_version` text,
	`url` text,
	`reference` text,
	`name` text,
	`paper_type` text,
	`public` integer,
	`status_text` text,
	`originator` text NOT NULL,
	`under_direction_of` text NOT NULL,
	`date` text,
	`related_references` text NOT NULL,
	`files` text NOT NULL,
	`text` text NOT NULL,
	`record_hash` text NOT NULL,
	`first_seen_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`state` text,
	`current_organization` text,
	`next_organization` text,
	`next_role` text,
	`next_date` text,
	`last_activity` text,
	`derived_on` text,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `papers_source_key` ON `papers` (`source_id`,`source_key`);--> statement-breakpoint
CREATE INDEX `papers_state` ON `papers` (`state`);--> statement-breakpoint
CREATE INDEX `papers_activity` ON `papers` (`last_activity`);--> statement-breakpoint
CREATE INDEX `papers_reference` ON `papers` (`reference`);--> statement-breakpoint
CREATE TABLE `sources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`name` text NOT NULL,
	`system` text,
	`base_url` text,
	`oparl_url` text,
	`is_demo` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')) NOT NULL,
	`last_sync_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sources_key_unique` ON `sources` (`key`);