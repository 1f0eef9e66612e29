-- paper_related_references (0004) is derived from papers.related_references by these triggers, so the
-- import, the demo loader and the bench's bulk writer keep it without knowing it; then it is filled
-- for the papers already stored. One row per text element, lower() as LIKE compares (ASCII only).
CREATE TRIGGER `paper_related_references_insert` AFTER INSERT ON `papers` WHEN new.`related_references` <> '[]' BEGIN
  INSERT INTO `paper_related_references` (`paper_id`, `source_id`, `reference_key`)
  SELECT new.`id`, new.`source_id`, lower(j.`value`)
  FROM json_each(CASE WHEN json_valid(new.`related_references`) THEN new.`related_references` ELSE '[]' END) j WHERE j.`type` = 'text';
END;
--> statement-breakpoint
CREATE TRIGGER `paper_related_references_update` AFTER UPDATE OF `related_references`, `source_id` ON `papers` BEGIN
  DELETE FROM `paper_related_references` WHERE `paper_id` = old.`id`;
  INSERT INTO `paper_related_references` (`paper_id`, `source_id`, `reference_key`)
  SELECT new.`id`, new.`source_id`, lower(j.`value`)
  FROM json_each(CASE WHEN json_valid(new.`related_references`) THEN new.`related_references` ELSE '[]' END) j WHERE j.`type` = 'text';
END;
--> statement-breakpoint
CREATE TRIGGER `paper_related_references_delete` AFTER DELETE ON `papers` BEGIN
  DELETE FROM `paper_related_references` WHERE `paper_id` = old.`id`;
END;
--> statement-breakpoint
INSERT INTO `paper_related_references` (`paper_id`, `source_id`, `reference_key`)
SELECT p.`id`, p.`source_id`, lower(j.`value`)
FROM `papers` p, json_each(CASE WHEN json_valid(p.`related_references`) THEN p.`related_references` ELSE '[]' END) j
WHERE p.`related_references` <> '[]' AND j.`type` = 'text';
