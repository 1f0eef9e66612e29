CREATE TABLE `agenda_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source_id` integer NOT NULL,
	`entity_key` text NOT NULL,
	`source_record_id` text,
	`meeting_source_id` text,
	`meeting_id` integer,
	`position` integer,
	`number` text,
	`public` integer,
	`name` text,
	`meeting_name` text,
	`organization` text,
	`date` text,
	`paper_reference` text,
	`paper_source_id` text,
	`paper_id` integer,
	`result` text,
	`result_code` text,
	`vote` text,
	`text` text,
	`url` text,
	`provenance` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`paper_id`) REFERENCES `papers`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agenda_items_key` ON `agenda_items` (`source_id`,`entity_key`);--> statement-breakpoint
CREATE INDEX `agenda_items_meeting` ON `agenda_items` (`meeting_id`,`position`);--> statement-breakpoint
CREATE INDEX `agenda_items_paper` ON `agenda_items` (`paper_id`);--> statement-breakpoint
CREATE INDEX `agenda_items_meeting_sid` ON `agenda_items` (`source_id`,`meeting_source_id`);--> statement-breakpoint
CREATE TABLE `files` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source_id` integer NOT NULL,
	`paper_id` integer,
	`entity_key` text,
	`position` integer,
	`name` text,
	`file_name` text,
	`mime_type` text,
	`url` text,
	`size` integer,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`paper_id`) REFERENCES `papers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `files_paper` ON `files` (`paper_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `files_key` ON `files` (`source_id`,`entity_key`);--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source_id` integer NOT NULL,
	`entity_key` text NOT NULL,
	`source_record_id` text,
	`oparl_id` text,
	`system` text NOT NULL,
	`url` text,
	`name` text,
	`organization` text,
	`organization_source_id` text,
	`organization_id` integer,
	`date` text,
	`start` text,
	`end` text,
	`room` text,
	`location` text,
	`status_text` text,
	`provenance` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meetings_key` ON `meetings` (`source_id`,`entity_key`);--> statement-breakpoint
CREATE INDEX `meetings_date` ON `meetings` (`date`);--> statement-breakpoint
CREATE INDEX `meetings_org` ON `meetings` (`organization_id`,`date`);--> statement-breakpoint
CREATE INDEX `meetings_org_name` ON `meetings` (`source_id`,`organization`,`date`);--> statement-breakpoint
CREATE TABLE `memberships` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organization_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`position` integer NOT NULL,
	`role` text,
	`group_name` text,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `memberships_position` ON `memberships` (`organization_id`,`position`);--> statement-breakpoint
CREATE INDEX `memberships_person` ON `memberships` (`person_id`);--> statement-breakpoint
CREATE TABLE `organizations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source_id` integer NOT NULL,
	`entity_key` text NOT NULL,
	`kind` text,
	`source_record_id` text,
	`oparl_id` text,
	`system` text NOT NULL,
	`url` text,
	`name` text,
	`provenance` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organizations_key` ON `organizations` (`source_id`,`entity_key`);--> statement-breakpoint
CREATE INDEX `organizations_name` ON `organizations` (`source_id`,`name`);--> statement-breakpoint
CREATE TABLE `people` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source_id` integer NOT NULL,
	`name` text NOT NULL,
	`role` text,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `people_name` ON `people` (`source_id`,`name`);--> statement-breakpoint
CREATE TABLE `records` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source_id` integer NOT NULL,
	`kind` text NOT NULL,
	`entity_key` text NOT NULL,
	`facet` text NOT NULL,
	`record` text NOT NULL,
	`record_hash` text NOT NULL,
	`first_seen_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `records_identity` ON `records` (`source_id`,`kind`,`entity_key`,`facet`);--> statement-breakpoint
ALTER TABLE `consultation_meetings` ADD `meeting_id` integer REFERENCES meetings(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `consultation_meetings` ADD `agenda_item_id` integer REFERENCES agenda_items(id) ON DELETE set null;--> statement-breakpoint
CREATE INDEX `consultation_meetings_meeting` ON `consultation_meetings` (`meeting_id`);--> statement-breakpoint
CREATE INDEX `consultation_meetings_sid` ON `consultation_meetings` (`meeting_source_id`);--> statement-breakpoint
ALTER TABLE `papers` ADD `provenance` text;--> statement-breakpoint
ALTER TABLE `papers` ADD `oparl_id` text;