/**
 * Documents in the database: one `documents` row per content (sha256) with its pages in
 * `document_pages`, and the fetch state of each row that links a document (by its URL): a motion's `files`
 * row, a meeting's `meeting_files` row. Every such row of a source with the same URL shares the fetch; every
 * URL with the same bytes shares the documents row.
 * The crawler's document steps are not hot: drizzle's typed prepared queries, declared once; the motion
 * page's read (documentStatesOfPaper) stays raw SQL (the motion page's fresh render is a bench target).
 */
import type Database from 'better-sqlite3';
import { and, asc, eq, isNotNull, isNull, lt, max, or, sql } from 'drizzle-orm';
import type { Extraction } from '../ingest/documents/extract-pool';
import type { Db } from './app-schema';
import { declareStatements } from './registry';
import { files } from './schema';
import { documentPages, documents, meetingFiles } from './schema-content';

/** Tries after which a failing document is left alone (its state says "failed" and why). */
export const MAX_DOCUMENT_ATTEMPTS = 5;

const p = (name: string) => sql.placeholder(name);

/** A table of document links with the fetch columns: a motion's `files`, a meeting's `meeting_files`. */
type LinkTable = typeof files | typeof meetingFiles;

/** The statements that note and read fetches in one table of document links. */
function fetchStatements(db: Db, t: LinkTable) {
  const failedToRetry = and(eq(t.fetchState, 'failed'), lt(t.fetchAttempts, MAX_DOCUMENT_ATTEMPTS));
  const ofSourceUrl = and(eq(t.sourceId, p('source')), eq(t.url, p('url')));
  // a motion's files rows without a motion are OParl File objects of their own: their documents are not fetched
  const linked = t === files ? isNotNull(files.paperId) : undefined;
  return {
    markFiles: db.update(t).set({
      fetchState: sql`${p('state')}`, contentHash: sql`COALESCE(${p('hash')}, ${t.contentHash})`, fetchError: sql`${p('error')}`,
      fetchAttempts: sql`${t.fetchAttempts} + ${p('attempt')}`,
      fetchedAt: sql`CASE WHEN ${p('state')} = 'fetched' THEN ${p('at')} ELSE ${t.fetchedAt} END`,
    }).where(ofSourceUrl).prepare(),
    toRetry: db.selectDistinct({ url: t.url }).from(t)
      .where(and(eq(t.sourceId, p('source')), isNotNull(t.url), linked, failedToRetry)).orderBy(asc(t.url)).prepare(),
    open: db.select({ n: sql<number>`COUNT(*)` }).from(t).where(and(ofSourceUrl, or(isNull(t.fetchState), failedToRetry))).prepare(),
    storedHashes: db.select({ hash: sql<string>`${t.contentHash}`, mimeType: max(documents.mimeType) }).from(t).leftJoin(documents, eq(documents.hash, t.contentHash))
      .where(isNotNull(t.contentHash)).groupBy(t.contentHash).orderBy(asc(t.contentHash)).prepare(),
  };
}

function prepare(sqlite: Database.Database, db: Db) {
  const d = documents;
  return {
    dropPages: db.delete(documentPages).where(eq(documentPages.hash, p('hash'))).prepare(),
    saveDocument: db.insert(d).values({
      hash: p('hash'), size: p('size'), mimeType: p('mimeType'), status: p('status'), error: p('error'), pageCount: p('pageCount'),
      title: p('title'), createdOn: p('createdOn'), extractedAt: p('extractedAt'), extractor: p('extractor'),
    }).onConflictDoUpdate({
      target: d.hash,
      set: {
        size: sql`excluded.size`, mimeType: sql`excluded.mime_type`, status: sql`excluded.status`, error: sql`excluded.error`,
        pageCount: sql`excluded.page_count`, title: sql`excluded.title`, createdOn: sql`excluded.created_on`,
        extractedAt: sql`excluded.extracted_at`, extractor: sql`excluded.extractor`,
      },
    }).prepare(),
    addPage: db.insert(documentPages).values({ hash: p('hash'), page: p('page'), text: p('text'), searchText: p('searchText') }).prepare(),
    status: db.select({ status: d.status }).from(d).where(and(eq(d.hash, p('hash')), eq(d.extractor, p('extractor')))).prepare(),
    papers: fetchStatements(db, files),
    meetings: fetchStatements(db, meetingFiles),
    // raw SQL: read by the motion page (bench: fresh render p50)
    statesOfPaper: sqlite.prepare<[number], FileDocumentState>(`SELECT f.url AS url, f.fetch_state AS fetchState, d.status AS status,
      d.page_count AS pageCount, COALESCE(d.error, f.fetch_error) AS error
      FROM files f LEFT JOIN documents d ON d.hash = f.content_hash WHERE f.paper_id = ? AND f.url IS NOT NULL ORDER BY f.position`),
  };
}

const stmts = declareStatements('documents', prepare);

/** Writes (or replaces) a document's extraction: its row and its pages, in one transaction. */
export function saveExtraction(
  sqlite: Database.Database,
  doc: { hash: string; size: number; mimeType: string | null; extractor: string; extractedAt: string },
  x: Extraction,
): void {
  const q = stmts(sqlite);
  sqlite.transaction(() => {
    q.dropPages.run({ hash: doc.hash });
    q.saveDocument.run({ ...doc, status: x.status, error: x.error, pageCount: x.pageCount, title: x.title, createdOn: x.createdOn });
    x.pages.forEach((text, i) => q.addPage.run({ hash: doc.hash, page: i + 1, text, searchText: x.searchPages[i] ?? '' }));
  }).immediate();
}

/** The status of the document with these bytes, when it was read by this extractor; null: not read (yet). */
export function extractedStatus(sqlite: Database.Database, hash: string, extractor: string): string | null {
  return stmts(sqlite).status.get({ hash, extractor })?.status ?? null;
}

export type FetchState = 'fetched' | 'failed' | 'skipped';

/** Records a fetch of URL on every files row of the source that links it. */
export function markFiles(
  sqlite: Database.Database,
  sourceId: number,
  url: string,
  r: { state: FetchState; hash?: string | null; error?: string | null; at: string; attempt?: boolean },
): number {
  const q = stmts(sqlite);
  const params = { state: r.state, hash: r.hash ?? null, error: r.error ?? null, attempt: r.attempt === false ? 0 : 1, at: r.at, source: sourceId, url };
  return q.papers.markFiles.run(params).changes + q.meetings.markFiles.run(params).changes;
}

/** Document URLs of a source (its motions' and meetings') that failed before, fewer than the maximum tries: to fetch again. */
export function documentsToRetry(sqlite: Database.Database, sourceId: number): string[] {
  const q = stmts(sqlite);
  const urls = new Set([...q.papers.toRetry.all({ source: sourceId }), ...q.meetings.toRetry.all({ source: sourceId })].map((r) => r.url as string));
  return [...urls].sort();
}

/** Whether every row of the source with this URL (a motion's or a meeting's) has its document (fetched, or left as a link on purpose). */
export function documentSettled(sqlite: Database.Database, sourceId: number, url: string): boolean {
  const q = stmts(sqlite);
  return q.papers.open.get({ source: sourceId, url })!.n === 0 && q.meetings.open.get({ source: sourceId, url })!.n === 0;
}

/** The stored documents to read again (reparse --documents): every hash a motion's or a meeting's row points to. */
export function storedDocumentHashes(sqlite: Database.Database): { hash: string; mimeType: string | null }[] {
  const q = stmts(sqlite);
  const byHash = new Map<string, string | null>();
  for (const r of [...q.papers.storedHashes.all(), ...q.meetings.storedHashes.all()]) byHash.set(r.hash, byHash.get(r.hash) ?? r.mimeType);
  return [...byHash].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([hash, mimeType]) => ({ hash, mimeType }));
}

/** A paper's document states by URL, for its page: fetched and read (pages), no text layer, failed. */
export interface FileDocumentState {
  url: string;
  fetchState: string | null;
  status: string | null;
  pageCount: number | null;
  error: string | null;
}

export function documentStatesOfPaper(sqlite: Database.Database, paperId: number): FileDocumentState[] {
  return stmts(sqlite).statesOfPaper.all(paperId);
}
