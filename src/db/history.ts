/**
 * The change log of papers ("what changed, when"): when a paper's Beratungsfolge, a station's status, a
 * meeting date or a result differs from what was stored before, one paper_changes row per changed field
 * keeps the old and the new value (German display text) with the time it was seen.
 * snapshotPaper / diffPaperSnapshots / recordPaperChanges are used around an import (src/ingest/crawl);
 * loadPaperHistory is for the motion page (templates/partials/paper-history.hbs).
 */
import type Database from 'better-sqlite3';
import { stmt } from './registry';

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

export type ChangeField = 'name' | 'date' | 'statusText' | 'consultation' | 'stationStatus' | 'meetings' | 'meetingDate' | 'result';

export interface PaperChange {
  field: ChangeField;
  /** the station / meeting the change is in; "" for the paper itself */
  context: string;
  oldValue: string | null;
  newValue: string | null;
}

export const CHANGE_LABELS: Readonly<Record<ChangeField, string>> = {
  name: 'Betreff',
  date: 'Datum',
  statusText: 'Status',
  consultation: 'Beratungsfolge',
  stationStatus: 'Stand der Station',
  meetings: 'Sitzungen',
  meetingDate: 'Sitzungstermin',
  result: 'Ergebnis',
};

/** "2026-09-22" → "22.09.2026"; anything else as it is. */
export function germanDate(iso: string | null): string | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

function stationLabel(s: StationSnapshot): string {
  return `${s.organization ?? 'unbekanntes Gremium'}${s.role ? ` (${s.role})` : ''}`;
}

export function snapshotPaper(sqlite: Database.Database, paperId: number): PaperSnapshot | null {
  const p = stmt(sqlite, 'SELECT name, date, status_text FROM papers WHERE id = ?').get(paperId) as
    | { name: string | null; date: string | null; status_text: string | null }
    | undefined;
  if (!p) return null;
  const stations = stmt(sqlite, 'SELECT id, organization, role, station_status FROM consultations WHERE paper_id = ? ORDER BY position')
    .all(paperId) as { id: number; organization: string | null; role: string | null; station_status: string | null }[];
  const meetings = stmt(sqlite, 'SELECT date, name, result FROM consultation_meetings WHERE consultation_id = ? ORDER BY position');
  return {
    name: p.name,
    date: p.date,
    statusText: p.status_text,
    stations: stations.map((s) => ({
      organization: s.organization, role: s.role, status: s.station_status,
      meetings: meetings.all(s.id) as StationSnapshot['meetings'],
    })),
  };
}

/** What changed between two snapshots of one paper, field by field. Pure. */
export function diffPaperSnapshots(before: PaperSnapshot, after: PaperSnapshot): PaperChange[] {
  const out: PaperChange[] = [];
  const add = (field: ChangeField, context: string, oldValue: string | null, newValue: string | null) => {
    if (oldValue !== newValue) out.push({ field, context, oldValue, newValue });
  };
  add('name', '', before.name, after.name);
  add('date', '', germanDate(before.date), germanDate(after.date));
  add('statusText', '', before.statusText, after.statusText);
  const seq = (p: PaperSnapshot) => p.stations.map(stationLabel).join(' → ') || null;
  if (seq(before) !== seq(after)) {
    add('consultation', '', seq(before), seq(after));
    return out;
  }
  after.stations.forEach((s, i) => {
    const b = before.stations[i];
    const ctx = `${i + 1}. ${stationLabel(s)}`;
    add('stationStatus', ctx, b.status, s.status);
    const dates = (st: StationSnapshot) => st.meetings.map((m) => germanDate(m.date) ?? 'ohne Datum').join(', ') || null;
    if (b.meetings.length !== s.meetings.length) {
      add('meetings', ctx, dates(b), dates(s));
      return;
    }
    s.meetings.forEach((m, j) => {
      const bm = b.meetings[j];
      add('meetingDate', s.meetings.length > 1 ? `${ctx}, ${j + 1}. Sitzung` : ctx, germanDate(bm.date), germanDate(m.date));
      add('result', `${ctx}, Sitzung am ${germanDate(m.date) ?? 'ohne Datum'}`, bm.result, m.result);
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

const BERLIN = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** The change log of one paper, newest first, ready to show. */
export function loadPaperHistory(sqlite: Database.Database, paperId: number): PaperHistoryEntry[] {
  const rows = stmt(sqlite, 'SELECT seen_at, field, context, old_value, new_value FROM paper_changes WHERE paper_id = ? ORDER BY seen_at DESC, id')
    .all(paperId) as { seen_at: string; field: ChangeField; context: string; old_value: string | null; new_value: string | null }[];
  return rows.map((r) => ({
    seenAt: r.seen_at,
    seenAtText: Number.isNaN(Date.parse(r.seen_at)) ? r.seen_at : BERLIN.format(new Date(r.seen_at)),
    field: r.field,
    label: CHANGE_LABELS[r.field] ?? r.field,
    context: r.context,
    oldValue: r.old_value ?? '–',
    newValue: r.new_value ?? '–',
  }));
}
