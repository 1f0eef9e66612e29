/**
 * Derived data stored per paper beside papers' derived columns (drizzle-kit reads this file with schema.ts):
 * what the committee and meeting pages read of progress() (src/domain/progress-summary.ts), written by
 * src/db/derive.ts in the same transaction and on the same days as those columns.
 */
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { papers } from './schema';

/**
 * One row per derived paper: its ProgressSummary as JSON, for the day of derive_state. Valid while the
 * paper's derived_on is set (a change to the paper sets it NULL until it is derived again); a page that
 * finds it missing or stale derives the paper itself.
 */
export const paperProgress = sqliteTable('paper_progress', {
  paperId: integer('paper_id').primaryKey().references(() => papers.id, { onDelete: 'cascade' }),
  summary: text('summary').notNull(),
});
