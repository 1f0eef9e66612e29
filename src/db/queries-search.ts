/**
 * Where a search matched each paper of a result page: its title (or reference), its text sections, and
 * the best page of each linked document that matches, with an excerpt (FTS5 snippet()/highlight()).
 * The excerpts are scraped text with the matched words between MARK_START and MARK_END (private-use
 * characters, not HTML): the view escapes the text and adds the marks (src/server/views/match-view.ts).
 * Every lookup names its rowid (or a document's rowid range), so a common word costs no scan of its hits.
 * (FTS5 applies a rowid constraint only to an INTEGER value; better-sqlite3 binds numbers as REAL, hence the CASTs.)
 */
import type Database from 'better-sqlite3';
import type { TextSection } from './search-index';
import { declareStatements } from './registry';

export const MARK_START = '\uE000';
export const MARK_END = '\uE001';
const ELLIPSIS = '…';

export interface DocumentMatch {
  fileId: number;
  /** the file's name as the RIS lists it ("Beschlussvorlage") */
  name: string | null;
  url: string | null;
  /** the first matching page (1-based) and how many pages match (not the best by bm25: its IDF reads every hit of the word) */
  page: number;
  pages: number;
  snippet: string;
}

export interface MatchPlaces {
  /** reference or title matched: the title with the marks (the reference's marks are left out) */
  title: string | null;
  referenceMatched: boolean;
  /** an excerpt of the text sections */
  text: string | null;
  documents: DocumentMatch[];
  /** matching documents beyond those listed */
  moreDocuments: number;
}

/** Documents listed per paper. */
export const DOCUMENTS_SHOWN = 2;

function prepare(sqlite: Database.Database) {
  return {
    own: sqlite.prepare<{ match: string; id: number; a: string; b: string }, { ref: string; title: string; text: string }>(
      `SELECT highlight(papers_fts, 0, @a, @b) AS ref, highlight(papers_fts, 1, @a, @b) AS title,
        snippet(papers_fts, 2, @a, @b, '${ELLIPSIS}', 24) AS text
      FROM papers_fts WHERE papers_fts MATCH @match AND rowid = CAST(@id AS INTEGER)`,
    ),
    files: sqlite.prepare<[number], { fileId: number; name: string | null; url: string | null; hash: string; lo: number; hi: number }>(
      `SELECT f.id AS fileId, f.name, f.url, f.content_hash AS hash, MIN(d.id) AS lo, MAX(d.id) AS hi
      FROM files f JOIN document_search_rows d ON d.hash = f.content_hash
      WHERE f.paper_id = ? GROUP BY f.id ORDER BY f.position, f.id`,
    ),
    pages: sqlite.prepare<{ match: string; lo: number; hi: number; hash: string }, { rowid: number; page: number }>(
      `SELECT papers_fts.rowid AS rowid, d.page FROM papers_fts CROSS JOIN document_search_rows d ON d.id = -papers_fts.rowid
      WHERE papers_fts MATCH @match AND papers_fts.rowid BETWEEN CAST(-@hi AS INTEGER) AND CAST(-@lo AS INTEGER) AND d.hash = @hash ORDER BY d.page`,
    ),
    pageSnippet: sqlite.prepare<{ match: string; rowid: number; a: string; b: string }, { snip: string }>(
      `SELECT snippet(papers_fts, 3, @a, @b, '${ELLIPSIS}', 24) AS snip FROM papers_fts WHERE papers_fts MATCH @match AND rowid = CAST(@rowid AS INTEGER)`,
    ),
    texts: sqlite.prepare<[string], { id: number; text: string }>('SELECT id, text FROM papers WHERE id IN (SELECT value FROM json_each(?))'),
    // the meetings' own documents with a matching page (newest meeting first), in one city or all (@source NULL);
    // a page's rowid is minus its document_search_rows id, which rises with the page: the first page is the highest rowid
    meetingDocuments: sqlite.prepare<{ match: string; source: string | null; limit: number }, MeetingDocumentRow & { rowid: number }>(
      `WITH hits AS (
         SELECT f.meeting_id AS meetingId, f.position, MAX(papers_fts.rowid) AS rowid, COUNT(*) AS pages
         FROM papers_fts CROSS JOIN document_search_rows d ON d.id = -papers_fts.rowid CROSS JOIN meeting_files f ON f.content_hash = d.hash
         WHERE papers_fts MATCH @match AND papers_fts.rowid < 0
           AND (@source IS NULL OR f.source_id = (SELECT id FROM sources WHERE key = @source))
         GROUP BY f.meeting_id, f.position)
       SELECT h.meetingId, m.name AS meetingName, m.date, COALESCE(o.name, m.organization) AS committee, s.name AS sourceName,
         f.name, f.url, d.page, h.pages, h.rowid, COUNT(*) OVER () AS total
       FROM hits h JOIN meeting_files f ON f.meeting_id = h.meetingId AND f.position = h.position JOIN meetings m ON m.id = h.meetingId
         JOIN sources s ON s.id = m.source_id LEFT JOIN organizations o ON o.id = m.organization_id
         JOIN document_search_rows d ON d.id = -h.rowid
       ORDER BY m.date DESC, m.id DESC, h.position LIMIT @limit`,
    ),
  };
}

// raw SQL: FTS5 functions (highlight, snippet, MATCH) drizzle does not type
const stmts = declareStatements('queries-search', prepare);

const marked = (text: string | null | undefined) => Boolean(text && text.includes(MARK_START));

/** A document's rows in the index: its content hash and the range of its pages' document_search_rows ids. */
export interface IndexedDocument {
  hash: string;
  lo: number;
  hi: number;
}

/** The pages of a document where `match` matches, in page order (each with its index rowid), asked by the document's rowid range. */
export function matchingPages(sqlite: Database.Database, match: string, doc: IndexedDocument): { rowid: number; page: number }[] {
  return stmts(sqlite).pages.all({ match, lo: doc.lo, hi: doc.hi, hash: doc.hash });
}

/**
 * Where `match` (an FTS5 expression from src/db/fts-query.ts) matched each of these papers: their own row
 * unless `withPapers` is false, their documents' pages unless `withDocuments` is false. Papers where it
 * matched nowhere get no entry.
 */
export function loadMatchPlaces(
  sqlite: Database.Database,
  match: string,
  paperIds: readonly number[],
  withPapers = true,
  withDocuments = true,
): Map<number, MatchPlaces> {
  const s = stmts(sqlite);
  const marks = { a: MARK_START, b: MARK_END };
  const out = new Map<number, MatchPlaces>();
  for (const id of paperIds) {
    const places: MatchPlaces = { title: null, referenceMatched: false, text: null, documents: [], moreDocuments: 0 };
    const own = withPapers ? s.own.get({ match, id, ...marks }) : undefined;
    if (own) {
      places.referenceMatched = marked(own.ref);
      if (marked(own.title) || places.referenceMatched) places.title = own.title;
      if (marked(own.text)) places.text = own.text;
    }
    if (withDocuments) {
      for (const f of s.files.all(id)) {
        const pages = matchingPages(sqlite, match, f);
        if (!pages.length) continue;
        if (places.documents.length >= DOCUMENTS_SHOWN) {
          places.moreDocuments++;
          continue;
        }
        const snip = s.pageSnippet.get({ match, rowid: pages[0].rowid, ...marks })?.snip ?? '';
        places.documents.push({ fileId: f.fileId, name: f.name, url: f.url, page: pages[0].page, pages: pages.length, snippet: snip });
      }
    }
    if (places.title !== null || places.text !== null || places.documents.length) out.set(id, places);
  }
  return out;
}

/** A meeting's own document with a page that matches a search. */
export interface MeetingDocumentRow {
  meetingId: number;
  meetingName: string | null;
  date: string | null;
  committee: string | null;
  sourceName: string;
  /** the document's name as the RIS lists it ("Niederschrift öffent. Teil") */
  name: string;
  url: string | null;
  /** the first matching page (1-based) and how many pages match */
  page: number;
  pages: number;
  /** how many of the meetings' documents match in all (the rows are the first `limit`) */
  total: number;
}

/**
 * The meetings' own documents (Einladung, Niederschrift, …) in which `match` (an FTS5 expression over the
 * documents' column) finds a page, the newest meeting first, at most `limit`, in the city `sourceKey` or in
 * all: each with its first matching page. No excerpt: minutes are mostly who said what — speakers and staff
 * by name —, which ratsradar's pages do not quote (the page is linked).
 */
export function loadMeetingDocumentMatches(sqlite: Database.Database, match: string, sourceKey: string | null, limit: number): MeetingDocumentRow[] {
  return stmts(sqlite).meetingDocuments.all({ match, source: sourceKey, limit }).map(({ rowid: _, ...r }) => r);
}

/** The text sections of these papers as indexed (toSearchBody), by id. */
export function loadPaperBodies(sqlite: Database.Database, ids: readonly number[]): Map<number, TextSection[]> {
  const out = new Map<number, TextSection[]>();
  if (!ids.length) return out;
  const rows = stmts(sqlite).texts.all(JSON.stringify(ids));
  for (const r of rows) {
    try {
      const parsed = JSON.parse(r.text) as unknown;
      out.set(r.id, Array.isArray(parsed) ? (parsed as TextSection[]) : []);
    } catch {
      out.set(r.id, []);
    }
  }
  return out;
}
