CREATE TABLE `meeting_files` (
	`meeting_id` integer NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`url` text,
	PRIMARY KEY(`meeting_id`, `position`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade
);
