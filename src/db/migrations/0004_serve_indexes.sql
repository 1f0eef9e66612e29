CREATE TABLE `paper_related_references` (
	`paper_id` integer NOT NULL,
	`source_id` integer NOT NULL,
	`reference_key` text NOT NULL,
	FOREIGN KEY (`paper_id`) REFERENCES `papers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `paper_related_references_key` ON `paper_related_references` (`source_id`,`reference_key`,`paper_id`);--> statement-breakpoint
CREATE INDEX `paper_related_references_paper` ON `paper_related_references` (`paper_id`);--> statement-breakpoint
CREATE INDEX `papers_next_organization` ON `papers` (`source_id`,`next_organization`,`next_date`);--> statement-breakpoint
CREATE INDEX `papers_next_date` ON `papers` (`next_date`);--> statement-breakpoint
CREATE INDEX `papers_date` ON `papers` (`date`);--> statement-breakpoint
CREATE INDEX `papers_paper_type` ON `papers` (`paper_type`);