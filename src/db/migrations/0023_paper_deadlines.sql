CREATE TABLE `paper_deadlines` (
	`paper_id` integer NOT NULL,
	`source_id` integer NOT NULL,
	`organization` text NOT NULL,
	`before` text NOT NULL,
	PRIMARY KEY(`paper_id`, `organization`),
	FOREIGN KEY (`paper_id`) REFERENCES `papers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `paper_deadlines_committee` ON `paper_deadlines` (`source_id`,`organization`,`before`,`paper_id`);--> statement-breakpoint
-- the stored summaries' deadlines, as src/db/derive.ts writes them beside each summary from now on
INSERT OR IGNORE INTO `paper_deadlines` (`paper_id`, `source_id`, `organization`, `before`)
SELECT s.`paper_id`, p.`source_id`, json_extract(d.value, '$.organization'), json_extract(d.value, '$.before')
FROM `paper_progress` s JOIN `papers` p ON p.`id` = s.`paper_id`, json_each(s.`summary`, '$.deadlines') d
WHERE json_extract(d.value, '$.organization') IS NOT NULL;
