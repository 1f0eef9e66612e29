-- A meeting's UTC offsets of start and end, only where the Berlin local time occurs twice (02:00-02:59 in the
-- night summer time ends) and the source said which one it meant (OParl date-times): iCal then has the right hour.
ALTER TABLE `meetings` ADD `start_offset` text;--> statement-breakpoint
ALTER TABLE `meetings` ADD `end_offset` text;