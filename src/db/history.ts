/**
 * The change log of papers ("what changed, when"): when a paper's Beratungsfolge, a station's status, a
 * meeting date or a result differs from what was stored before, one paper_changes row per changed field
 * keeps the old and the new value as codes and ISO dates (src/domain/change-text.ts says what each field
 * holds) with the time it was seen; the German words are made when the row is read.
 * snapshotPaper / diffPaperSnapshots / recordPaperChanges are used around an import (src/ingest/crawl);
 * loadPaperHistory is for the motion page (its "Änderungen" table in templates/pages/paper.hbs).
 */
import type Database from 'better-sqlite3';
import { asc, desc, eq, sql } from 'drizzle-orm';
import { CHANGE_LABELS, changeText, encodeWhere, type ChangeField, type StationPair, type StoredChange } from '../domain/change-text';
import { formatDate } from '../domain/german-format';
import { namedSince } from '../domain/derive-events';
import { stationPathLabel } from '../domain/path-diff';
import type { Db } from './app-schema';
import type { RawRow } from './raw-rows';
import { declareStatements, stmt } from './registry';
import type { consultationMeetings, consultations, papers } from './schema';
import { paperChanges } from './schema-crawl';

export type { ChangeField } from '../domain/change-text';

export interface StationSnapshot {
  organization: string | null;
  role: string | null;
  status: string | null;
  meetings: { date: string | null; name: string | null; result: string | null }[];
}

export interface PaperSnapshot {
  name: string | null;
  date: string | null;
  statusText: string | null;
  stations: StationSnapshot[];
}

export type PaperChange = StoredChange;

// raw SQL: a snapshot is read before and after every paper an import writes (the import's hot path)
const snapshotStmts = declareStatements('history-snapshot', (sqlite) => ({
  paper: sqlite.prepare<[number], Pick<RawRow<typeof papers>, 'name' | 'date' | 'status_text'>>('SELECT name, date, status_text FROM papers WHERE id = ?'),
  stations: sqlite.prepare<[number], Pick<RawRow<typeof consultations>, 'id' | 'organization' | 'role' | 'station_status'>>(
    'SELECT id, organization, role, station_status FROM consultations WHERE paper_id = ? ORDER BY position',
  ),
  meetings: sqlite.prepare<[number], Pick<RawRow<typeof consultationMeetings>, 'date' | 'name' | 'result'>>(
    'SELECT date, name, result FROM consultation_meetings WHERE consultation_id = ? ORDER BY position',
  ),
}));

export function snapshotPaper(sqlite: Database.Database, paperId: number): PaperSnapshot | null {
  const s = snapshotStmts(sqlite);
  const p = s.paper.get(paperId);
  if (!p) return null;
  const stations = s.stations.all(paperId);
  const meetings = s.meetings;
  return {
    name: p.name,
    date: p.date,
    statusText: p.status_text,
    stations: stations.map((s) => ({
      organization: s.organization, role: s.role, status: s.station_status,
      meetings: meetings.all(s.id),
    })),
  };
}

/** What changed between two snapshots of one paper, field by field, as codes. Pure. */
export function diffPaperSnapshots(before: PaperSnapshot, after: PaperSnapshot): PaperChange[] {
  // a committee's name learnt (an OParl station named once its Organization was read) is no change
  before = { ...before, stations: namedSince(before.stations, after.stations, (b, a) => b.role === a.role) };
  const out: PaperChange[] = [];
  const add = (field: ChangeField, context: string, oldValue: string | null, newValue: string | null) => {
    if (oldValue !== newValue) out.push({ field, context, oldValue, newValue });
  };
  const day = (d: string | null) => d || null;
  add('name', '', before.name, after.name);
  add('date', '', day(before.date), day(after.date));
  add('statusText', '', before.statusText, after.statusText);
  // the Beratungsfolge changes when its stations, as the page names them, change
  const labels = (p: PaperSnapshot) => p.stations.map(stationPathLabel).join(' → ');
  if (labels(before) !== labels(after)) {
    const pairs = (p: PaperSnapshot) => (p.stations.length ? JSON.stringify(p.stations.map((s): StationPair => [s.organization, s.role])) : null);
    add('consultation', '', pairs(before), pairs(after));
    return out;
  }
  after.stations.forEach((s, i) => {
    const b = before.stations[i];
    const where = { station: i + 1, organization: s.organization, role: s.role };
    add('stationStatus', encodeWhere(where), b.status, s.status);
    const days = (st: StationSnapshot) => (st.meetings.length ? JSON.stringify(st.meetings.map((m) => day(m.date))) : null);
    if (b.meetings.length !== s.meetings.length) {
      add('meetings', encodeWhere(where), days(b), days(s));
      return;
    }
    s.meetings.forEach((m, j) => {
      const bm = b.meetings[j];
      add('meetingDate', encodeWhere(s.meetings.length > 1 ? { ...where, meeting: j + 1 } : where), day(bm.date), day(m.date));
      add('result', encodeWhere({ ...where, meetingDate: day(m.date) }), bm.result, m.result);
    });
  });
  return out;
}

export function recordPaperChanges(sqlite: Database.Database, paperId: number, changes: PaperChange[], seenAt: string, runId: number | null): number {
  const insert = stmt(sqlite, `INSERT OR IGNORE INTO paper_changes (paper_id, seen_at, field, context, old_value, new_value, run_id)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);
  let n = 0;
  for (const c of changes) n += insert.run(paperId, seenAt, c.field, c.context, c.oldValue, c.newValue, runId).changes;
  return n;
}

export interface PaperHistoryEntry {
  /** ISO time the change was seen */
  seenAt: string;
  /** "24.11.2026, 10:15" (Europe/Berlin) */
  seenAtText: string;
  field: ChangeField;
  /** German name of the field: "Ergebnis", "Sitzungstermin", … */
  label: string;
  /** which station / meeting, "" for the paper itself */
  context: string;
  /** "–" where there was no value */
  oldValue: string;
  newValue: string;
}

// the motion page's change log: not a hot read, so drizzle's typed prepared query, declared once
const historyStmts = declareStatements('history-log', (_sqlite: Database.Database, db: Db) => ({
  log: db.select({
    seenAt: paperChanges.seenAt, field: paperChanges.field, context: paperChanges.context,
    oldValue: paperChanges.oldValue, newValue: paperChanges.newValue, rawText: paperChanges.rawText,
  }).from(paperChanges).where(eq(paperChanges.paperId, sql.placeholder('paperId'))).orderBy(desc(paperChanges.seenAt), asc(paperChanges.id)).prepare(),
}));

type ChangeRow = ReturnType<ReturnType<typeof historyStmts>['log']['all']>[number];

/** A row as German text: from its codes, or, for a row kept as display text (rawText), that text. */
function rowText(r: ChangeRow) {
  const field = r.field as ChangeField;
  if (r.rawText == null) return changeText({ field, context: r.context, oldValue: r.oldValue, newValue: r.newValue });
  const raw = JSON.parse(r.rawText) as { context: string; oldValue: string | null; newValue: string | null };
  return { label: CHANGE_LABELS[field] ?? field, context: raw.context, oldValue: raw.oldValue ?? '–', newValue: raw.newValue ?? '–' };
}

/** The change log of one paper, newest first, ready to show. */
export function loadPaperHistory(sqlite: Database.Database, paperId: number): PaperHistoryEntry[] {
  const rows = historyStmts(sqlite).log.all({ paperId });
  return rows.map((r) => ({ seenAt: r.seenAt, seenAtText: formatDate(r.seenAt, 'dateTime'), field: r.field as ChangeField, ...rowText(r) }));
}
