/**
 * Where a motion is named in the minutes of its meetings: the meetings' own documents that are minutes
 * (domain/minutes.ts: Niederschrift, Protokoll), fetched and read, and the pages of each that name the
 * motion's reference number (as a phrase, fts-query.ts referenceInDocumentsExpression) — for the motion
 * page's meeting rows and the meeting page's agenda. Each document is asked by its rowid range (queries-search.ts
 * matchingPages), so a reference found in many documents costs no scan of its hits.
 */
import type Database from 'better-sqlite3';
import { isMinutesName } from '../domain/minutes';
import { referenceInDocumentsExpression } from './fts-query';
import { matchingPages, type IndexedDocument } from './queries-search';
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

/** A meeting's document that was read, with its rows in the index. */
interface MinutesDocument extends IndexedDocument {
  meetingId: number;
  name: string;
  url: string | null;
}

// raw SQL: the meetings' read documents with their index rows, read by the motion page (bench: fresh render p50)
const stmts = declareStatements('queries-minutes', (sqlite) => ({
  documents: sqlite.prepare<[string], MinutesDocument>(
    `SELECT f.meeting_id AS meetingId, f.name, f.url, f.content_hash AS hash, MIN(d.id) AS lo, MAX(d.id) AS hi
     FROM meeting_files f JOIN document_search_rows d ON d.hash = f.content_hash
     WHERE f.meeting_id IN (SELECT value FROM json_each(?)) GROUP BY f.meeting_id, f.position ORDER BY f.meeting_id, f.position`,
  ),
}));


/** The minutes among these meetings' documents that were read (their search rows' id range). */
function minutesOf(sqlite: Database.Database, meetingIds: number[]): MinutesDocument[] {
  return meetingIds.length ? stmts(sqlite).documents.all(JSON.stringify(meetingIds)).filter((d) => isMinutesName(d.name)) : [];
}

/** The pages of `doc` that name `reference`, the first MINUTES_PAGES_SHOWN. */
function pagesNaming(sqlite: Database.Database, doc: MinutesDocument, match: string): number[] {
  return matchingPages(sqlite, match, doc).slice(0, MINUTES_PAGES_SHOWN).map((p) => p.page);
}

/** The minutes of these meetings that name `reference`, by meeting id, each with its pages that do; none without a reference. */
export function loadMinutesMentions(sqlite: Database.Database, reference: string | null, meetingIds: Iterable<number>): Map<number, MinutesMention[]> {
  const out = new Map<number, MinutesMention[]>();
  const match = reference ? referenceInDocumentsExpression(reference) : null;
  if (!match) return out;
  for (const doc of minutesOf(sqlite, [...new Set(meetingIds)])) {
    const pages = pagesNaming(sqlite, doc, match);
    if (!pages.length) continue;
    const list = out.get(doc.meetingId) ?? [];
    list.push({ name: doc.name, url: doc.url, pages });
    out.set(doc.meetingId, list);
  }
  return out;
}

/** A meeting's minutes that name each of these reference numbers (its agenda's motions), by reference. */
export function loadAgendaMinutes(sqlite: Database.Database, meetingId: number, references: Iterable<string>): Map<string, MinutesMention[]> {
  const out = new Map<string, MinutesMention[]>();
  const docs = minutesOf(sqlite, [meetingId]);
  if (!docs.length) return out;
  for (const reference of new Set(references)) {
    const match = referenceInDocumentsExpression(reference);
    if (!match) continue;
    const found = docs.flatMap((doc) => {
      const pages = pagesNaming(sqlite, doc, match);
      return pages.length ? [{ name: doc.name, url: doc.url, pages }] : [];
    });
    if (found.length) out.set(reference, found);
  }
  return out;
}
