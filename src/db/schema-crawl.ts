/**
 * The crawler's tables (src/ingest/crawl), beside schema.ts (drizzle-kit reads every schema*.ts): the page
 * store's index, crawl runs and their journal, what changed in a paper and when, data health per source,
 * and the day the derived columns were last checked.
 */
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { papers, sources } from './schema';


/**
 * The page store's index: the newest answer per URL of a source (the bytes lie content-addressed under
 * data/store/objects; the full fetch log in data/store/log/<source>.jsonl). Conditional requests read
 * etag / last_modified from here.
 */
export const pages = sqliteTable(
  'pages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sourceId: integer('source_id').notNull().references(() => sources.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    /** where the answer finally came from, after redirects */
    finalUrl: text('final_url'),
    status: integer('status').notNull(),
    contentType: text('content_type'),
    etag: text('etag'),
    lastModified: text('last_modified'),
    /** sha256 of the body: the name of its file in the store */
    contentHash: text('content_hash').notNull(),
    size: integer('size').notNull(),
    /** the page kind the crawl plan asked for ("calendar", "meeting", "paper", …) */
    kind: text('kind'),
    fetchedAt: text('fetched_at').notNull(),
    /** the last time the body differed from the one before */
    changedAt: text('changed_at').notNull(),
  },
  (t) => [uniqueIndex('pages_url').on(t.sourceId, t.url)],
);

/** One crawl of one source: a full or incremental run, resumable until it is done. */
export const crawlRuns = sqliteTable(
  'crawl_runs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sourceId: integer('source_id').notNull().references(() => sources.id, { onDelete: 'cascade' }),
    /** "full" or "incremental" */
    mode: text('mode').notNull(),
    /** "running", "stopped" (request budget used up; the next scrape resumes it), "done", "failed" */
    status: text('status').notNull(),
    since: text('since'),
    until: text('until'),
    /** the day the run plans for (incremental windows around it) */
    today: text('today').notNull(),
    startedAt: text('started_at').notNull(),
    finishedAt: text('finished_at'),
    /** the process working on the run, so a second scrape of the same source waits its turn */
    pid: integer('pid'),
    heartbeatAt: text('heartbeat_at'),
    /** the end-of-run report as JSON (src/ingest/crawl/report.ts) */
    report: text('report', { mode: 'json' }),
  },
  (t) => [index('crawl_runs_source').on(t.sourceId, t.status)],
);

/**
 * The crawl journal: every URL a run has planned, with what became of it. A URL is in a run at most
 * once (nothing twice); a page's import and its "done" mark are one transaction (nothing lost).
 */
export const crawlQueue = sqliteTable(
  'crawl_queue',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    runId: integer('run_id').notNull().references(() => crawlRuns.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    kind: text('kind').notNull(),
    /** the URL that led here, or null for the plan's roots */
    parentUrl: text('parent_url'),
    /** "pending", "done", "failed", "skipped" */
    state: text('state').notNull(),
    /** new / changed / unchanged / not-modified / not-found / not-public / robots / … */
    outcome: text('outcome'),
    error: text('error'),
    attempts: integer('attempts').notNull().default(0),
    updatedAt: text('updated_at'),
  },
  (t) => [
    uniqueIndex('crawl_queue_url').on(t.runId, t.url),
    index('crawl_queue_state').on(t.runId, t.state, t.id),
    // the pending pages of a list whose paging lives in the RIS's session (ALLRIS 3 vo040 "shownext"): asked for first
    index('crawl_queue_session_pages').on(t.runId, t.id).where(sql`${t.state} = 'pending' AND ${t.kind} = 'paper-list'`),
  ],
);

/**
 * What changed in a paper, and when it was seen: one row per changed field (a station's result, a
 * meeting date, the Beratungsfolge itself). Values are codes and ISO dates, rendered in German when read
 * (src/domain/change-text.ts); a row from before codes that could not be read back keeps its German
 * display text in raw_text.
 */
export const paperChanges = sqliteTable(
  'paper_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    paperId: integer('paper_id').notNull().references(() => papers.id, { onDelete: 'cascade' }),
    seenAt: text('seen_at').notNull(),
    /** "consultation", "stationStatus", "meetingDate", "result", "meetings", "date", "statusText", "name" */
    field: text('field').notNull(),
    /** which station / meeting the change is in: JSON of a ChangeWhere (src/domain/change-text.ts); "" for the paper itself */
    context: text('context').notNull(),
    oldValue: text('old_value'),
    newValue: text('new_value'),
    runId: integer('run_id').references(() => crawlRuns.id, { onDelete: 'set null' }),
    /**
     * JSON {context, oldValue, newValue} of German display text: set by migration 0018 on every row
     * written before codes; openDb reads each back into codes and clears it (src/db/history-display-text.ts).
     * Left set only where the text cannot be read back exactly, and then shown as it is.
     */
    rawText: text('raw_text'),
  },
  (t) => [
    index('paper_changes_paper').on(t.paperId, t.seenAt),
    uniqueIndex('paper_changes_unique').on(t.paperId, t.seenAt, t.field, t.context),
    index('paper_changes_raw').on(t.id).where(sql`${t.rawText} IS NOT NULL`),
  ],
);

/** Data health per source: the last successful sync and the last failure. */
export const sourceSync = sqliteTable('source_sync', {
  sourceId: integer('source_id').primaryKey().references(() => sources.id, { onDelete: 'cascade' }),
  lastSuccessAt: text('last_success_at'),
  lastSuccessRunId: integer('last_success_run_id'),
  lastFailureAt: text('last_failure_at'),
  lastFailure: text('last_failure'),
  lastRunAt: text('last_run_at'),
});

/**
 * The day for which every paper's derived columns were last checked (src/db/derive.ts), one row (id 1).
 * A day change re-derives all papers in memory but rewrites only those whose derived columns changed.
 */
export const deriveState = sqliteTable('derive_state', {
  id: integer('id').primaryKey(),
  day: text('day').notNull(),
});

export type PageRow = typeof pages.$inferSelect;
export type CrawlRunRow = typeof crawlRuns.$inferSelect;
export type PaperChangeRow = typeof paperChanges.$inferSelect;
