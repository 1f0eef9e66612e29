-- One FTS5 index over everything a motion says (issue 13): papers_fts is rebuilt with four columns,
-- weighted reference > title (name) > text sections (body) > document text (doc) by its bm25 rank.
-- Two kinds of rows share it:
--  * rowid > 0: a paper (rowid = papers.id): reference, name, body = its HTML text sections
--    (heading and text, one per line); written with every paper by src/db/search-index.ts.
--  * rowid < 0: one page of an extracted document (rowid = -document_search_rows.id): doc = the page's
--    search_text; written by the triggers below whenever document_pages changes, so a document
--    extracted later is searchable without re-importing the motion that links it (files.content_hash).
-- German umlauts are no longer kept as a second, folded column: the query asks for both spellings
-- (src/db/fts-query.ts), and unicode61 folds ä → a on both sides.
DROP TABLE IF EXISTS `papers_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `papers_fts` USING fts5(`reference`, `name`, `body`, `doc`, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4');
--> statement-breakpoint
INSERT INTO `papers_fts` (`papers_fts`, `rank`) VALUES ('rank', 'bm25(1000.0, 100.0, 10.0, 1.0)');
--> statement-breakpoint
INSERT INTO `papers_fts` (`rowid`, `reference`, `name`, `body`, `doc`)
  SELECT `id`, COALESCE(`reference`, ''), COALESCE(`name`, ''),
    COALESCE((SELECT group_concat(COALESCE(json_extract(j.value, '$.heading'), '') || char(10) || COALESCE(json_extract(j.value, '$.text'), ''), char(10))
      FROM json_each(CASE WHEN json_valid(`papers`.`text`) THEN `papers`.`text` ELSE '[]' END) j), ''), ''
  FROM `papers`;
--> statement-breakpoint
-- The integer identity of a document page in papers_fts (an INTEGER PRIMARY KEY survives VACUUM, the
-- implicit rowid of document_pages would not).
CREATE TABLE `document_search_rows` (
	`id` integer PRIMARY KEY NOT NULL,
	`hash` text NOT NULL,
	`page` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `document_search_rows_page` ON `document_search_rows` (`hash`, `page`);
--> statement-breakpoint
INSERT INTO `document_search_rows` (`hash`, `page`) SELECT `hash`, `page` FROM `document_pages` ORDER BY `hash`, `page`;
--> statement-breakpoint
INSERT INTO `papers_fts` (`rowid`, `reference`, `name`, `body`, `doc`)
  SELECT -d.`id`, '', '', '', p.`search_text` FROM `document_search_rows` d JOIN `document_pages` p ON p.`hash` = d.`hash` AND p.`page` = d.`page`;
--> statement-breakpoint
CREATE TRIGGER `document_pages_search_insert` AFTER INSERT ON `document_pages` BEGIN
  DELETE FROM `papers_fts` WHERE rowid = -(SELECT `id` FROM `document_search_rows` WHERE `hash` = new.`hash` AND `page` = new.`page`);
  INSERT OR IGNORE INTO `document_search_rows` (`hash`, `page`) VALUES (new.`hash`, new.`page`);
  INSERT INTO `papers_fts` (`rowid`, `reference`, `name`, `body`, `doc`)
    VALUES (-(SELECT `id` FROM `document_search_rows` WHERE `hash` = new.`hash` AND `page` = new.`page`), '', '', '', new.`search_text`);
END;
--> statement-breakpoint
CREATE TRIGGER `document_pages_search_update` AFTER UPDATE OF `hash`, `page`, `search_text` ON `document_pages` BEGIN
  DELETE FROM `papers_fts` WHERE rowid = -(SELECT `id` FROM `document_search_rows` WHERE `hash` = old.`hash` AND `page` = old.`page`);
  DELETE FROM `document_search_rows` WHERE `hash` = old.`hash` AND `page` = old.`page`;
  INSERT OR IGNORE INTO `document_search_rows` (`hash`, `page`) VALUES (new.`hash`, new.`page`);
  INSERT INTO `papers_fts` (`rowid`, `reference`, `name`, `body`, `doc`)
    VALUES (-(SELECT `id` FROM `document_search_rows` WHERE `hash` = new.`hash` AND `page` = new.`page`), '', '', '', new.`search_text`);
END;
--> statement-breakpoint
CREATE TRIGGER `document_pages_search_delete` AFTER DELETE ON `document_pages` BEGIN
  DELETE FROM `papers_fts` WHERE rowid = -(SELECT `id` FROM `document_search_rows` WHERE `hash` = old.`hash` AND `page` = old.`page`);
  DELETE FROM `document_search_rows` WHERE `hash` = old.`hash` AND `page` = old.`page`;
END;
