/**
 * Derived data stored per paper beside papers' derived columns (drizzle-kit reads this file with schema.ts):
 * what the committee and meeting pages read of progress() (src/domain/progress-summary.ts), written by
 * src/db/derive.ts in the same transaction and on the same days as those columns.
 */
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
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

/**
 * One row per paper and committee that has a deadline for it (the summary's `deadlines`: a station of
 * that committee must deliberate before `before`, the day a later decisive station meets): the committee
 * page finds its deadline candidates as one index range instead of visiting every dated paper of its
 * city. Written with the summary (src/db/derive.ts), always equal to its deadlines.
 */
export const paperDeadlines = sqliteTable('paper_deadlines', {
  paperId: integer('paper_id').notNull().references(() => papers.id, { onDelete: 'cascade' }),
  sourceId: integer('source_id').notNull(),
  organization: text('organization').notNull(),
  before: text('before').notNull(),
}, (t) => [
  primaryKey({ columns: [t.paperId, t.organization] }),
  index('paper_deadlines_committee').on(t.sourceId, t.organization, t.before, t.paperId),
]);
