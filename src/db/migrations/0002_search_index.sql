-- Full-text search over papers (SQLite FTS5). rowid = papers.id. Kept up to date by src/db/search-index.ts
-- (written with every paper), not by triggers, because `folded` needs German folding done in JS.
-- reference and name are searched as shown (unicode61 also folds diacritics: ä → a);
-- folded holds the same text with ä → ae, ö → oe, ü → ue, ß → ss, so both spellings are found.
CREATE VIRTUAL TABLE `papers_fts` USING fts5(`reference`, `name`, `folded`, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4');
--> statement-breakpoint
INSERT INTO `papers_fts` (`rowid`, `reference`, `name`, `folded`) SELECT `id`, COALESCE(`reference`, ''), COALESCE(`name`, ''), '' FROM `papers`;
