/**
 * Where a motion is named in the minutes of its meetings: the meetings' own documents that are minutes
 * (domain/minutes.ts: Niederschrift, Protokoll), fetched and read, and the pages of each that name the
 * motion's reference number (as a phrase, fts-query.ts referenceInDocumentsExpression) — for the motion
 * page's meeting rows. Each document is asked by its rowid range (as queries-search.ts), so a reference
 * found in many documents costs no scan of its hits.
 */
import type Database from 'better-sqlite3';
import { isMinutesName } from '../domain/minutes';
import { referenceInDocumentsExpression } from './fts-query';
import { declareStatements } from './registry';

/** A meeting's minutes that name the motion, and where. */
export interface MinutesMention {
  /** the document's name as the RIS lists it ("Niederschrift öffent. Teil") */
  name: string;
  url: string | null;
  /** the pages (1-based) that name it, the first MINUTES_PAGES_SHOWN of them (minutes often list their agenda first, then each item) */
  pages: number[];
}

export const MINUTES_PAGES_SHOWN = 5;

// raw SQL: FTS5 MATCH with a rowid range, read by the motion page (bench: fresh render p50)
const stmts = declareStatements('queries-minutes', (sqlite) => ({
  documents: sqlite.prepare<[string], { meetingId: number; name: string; url: string | null; hash: string; lo: number; hi: number }>(
    `SELECT f.meeting_id AS meetingId, f.name, f.url, f.content_hash AS hash, MIN(d.id) AS lo, MAX(d.id) AS hi
     FROM meeting_files f JOIN document_search_rows d ON d.hash = f.content_hash
     WHERE f.meeting_id IN (SELECT value FROM json_each(?)) GROUP BY f.meeting_id, f.position ORDER BY f.meeting_id, f.position`,
  ),
  pages: sqlite.prepare<{ match: string; lo: number; hi: number; hash: string; limit: number }, number>(
    `SELECT d.page FROM papers_fts CROSS JOIN document_search_rows d ON d.id = -papers_fts.rowid
     WHERE papers_fts MATCH @match AND papers_fts.rowid BETWEEN CAST(-@hi AS INTEGER) AND CAST(-@lo AS INTEGER) AND d.hash = @hash
     ORDER BY d.page LIMIT @limit`,
  ).pluck(),
}));

/** The minutes of these meetings that name `reference`, by meeting id, each with its pages that do; none without a reference. */
export function loadMinutesMentions(sqlite: Database.Database, reference: string | null, meetingIds: Iterable<number>): Map<number, MinutesMention[]> {
  const out = new Map<number, MinutesMention[]>();
  const ids = [...new Set(meetingIds)];
  const match = reference ? referenceInDocumentsExpression(reference) : null;
  if (!match || !ids.length) return out;
  const s = stmts(sqlite);
  for (const doc of s.documents.all(JSON.stringify(ids))) {
    if (!isMinutesName(doc.name)) continue;
    const pages = s.pages.all({ match, lo: doc.lo, hi: doc.hi, hash: doc.hash, limit: MINUTES_PAGES_SHOWN });
    if (!pages.length) continue;
    const list = out.get(doc.meetingId) ?? [];
    list.push({ name: doc.name, url: doc.url, pages });
    out.set(doc.meetingId, list);
  }
  return out;
}
