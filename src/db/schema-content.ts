/**
 * Tables for what a motion contains and what happened to it, beside schema.ts (drizzle-kit reads both):
 * extracted documents (one row per file content, shared by every motion that links the same bytes) and
 * change events (the one source of news for feeds and alerts).
 */
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { documentFetchColumns, meetings, papers, sources } from './schema';
import { crawlRuns } from './schema-crawl';

/** One document content (by sha256), read once: what pdf-parse found in it. */
export const documents = sqliteTable('documents', {
  /** sha256 of the bytes (the page store's object name); files.content_hash points here */
  hash: text('hash').primaryKey(),
  size: integer('size').notNull(),
  mimeType: text('mime_type'),
  /** "ok", "no_text" (no text layer, e.g. a scan), "encrypted", "broken", "timeout", "too_large", "unsupported" */
  status: text('status').notNull(),
  /** one line for a failed extraction */
  error: text('error'),
  pageCount: integer('page_count'),
  /** the PDF's own title and creation date (ISO day), when it states them */
  title: text('title'),
  createdOn: text('created_on'),
  extractedAt: text('extracted_at').notNull(),
  /** which extractor wrote the row ("pdf-parse@2"), so a newer one can re-extract */
  extractor: text('extractor').notNull(),
});

/** A document's text, one row per page (1-based): as extracted, and normalised for the search index. */
export const documentPages = sqliteTable(
  'document_pages',
  {
    hash: text('hash')
      .notNull()
      .references(() => documents.hash, { onDelete: 'cascade' }),
    page: integer('page').notNull(),
    /** the text as pdf-parse gave it (shown) */
    text: text('text').notNull(),
    /** hyphenation at line ends joined, repeated headers/footers dropped (indexed) */
    searchText: text('search_text').notNull(),
  },
  (t) => [primaryKey({ columns: [t.hash, t.page] })],
);

/**
 * A change ratsradar learned about a motion: new motion, new station, date set or moved, on an agenda,
 * result published, state changed, document added, Beratungsfolge changed. Written in the same
 * transaction as the change; feeds and alerts read only this table. Stores codes and ISO dates, never
 * German display text (the sentence is rendered from kind + payload).
 */
export const paperEvents = sqliteTable(
  'paper_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** stable across re-imports of the same change: e.g. "<paper entity>|result|<station>|<meeting day>" hashed */
    eventKey: text('event_key').notNull(),
    paperId: integer('paper_id')
      .notNull()
      .references(() => papers.id, { onDelete: 'cascade' }),
    sourceId: integer('source_id')
      .notNull()
      .references(() => sources.id, { onDelete: 'cascade' }),
    /** "new", "station_added", "date_set", "date_moved", "on_agenda", "off_agenda", "result", "state", "document", "consultation_changed", "meeting_cancelled", "meeting_document" */
    kind: text('kind').notNull(),
    /** when ratsradar learned it (ISO timestamp) */
    learnedAt: text('learned_at').notNull(),
    /** the day it happened in the RIS (ISO day), when known */
    happenedOn: text('happened_on'),
    /** the committee the change is about (its name as the RIS writes it), for committee feeds */
    committee: text('committee'),
    /** codes and values (JSON) the sentence is rendered from */
    payload: text('payload', { mode: 'json' }).notNull(),
    runId: integer('run_id').references(() => crawlRuns.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('paper_events_key').on(t.eventKey),
    index('paper_events_paper').on(t.paperId, t.id),
    index('paper_events_learned').on(t.learnedAt),
    // a committee's and a city's feed: the source's newest events first
    index('paper_events_source').on(t.sourceId, t.id),
  ],
);

export type DocumentRow = typeof documents.$inferSelect;
export type DocumentPageRow = typeof documentPages.$inferSelect;
export type PaperEventRow = typeof paperEvents.$inferSelect;

/**
 * A meeting's own documents (Einladung, Bekanntmachung, Niederschrift; not its agenda's papers), as its page
 * or OParl object lists them: name and address, in page order, and the crawler's fetch of each as a motion's
 * `files` row keeps it (documents.ts: every row of the source with the URL shares the fetch).
 */
export const meetingFiles = sqliteTable(
  'meeting_files',
  {
    meetingId: integer('meeting_id').notNull().references(() => meetings.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    url: text('url'),
    /** the meeting's source (a fetch is noted on every row of the source with the URL) */
    sourceId: integer('source_id').notNull().references(() => sources.id, { onDelete: 'cascade' }),
    ...documentFetchColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.position] }),
    index('meeting_files_source_url').on(t.sourceId, t.url),
    index('meeting_files_hash').on(t.contentHash).where(sql`${t.contentHash} IS NOT NULL`),
  ],
);
