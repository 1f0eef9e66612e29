CREATE TABLE `derive_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`day` text NOT NULL
);
