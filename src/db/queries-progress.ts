/**
 * Bulk reads of what progress() needs (the domain Paper: a paper's date, Beratungsfolge and when it was
 * read, and its agenda items), with its reference and name, for a list of papers at once: three
 * statements for up to a few hundred papers instead of three per paper (the committee page checks every
 * paper of its queue and coming agendas). The one reading of a Beratungsfolge: the motion page
 * (queries.ts) and the derived columns (derive.ts) assemble their stations here too.
 */
import type Database from 'better-sqlite3';
import type { ResultCode, RoleCode } from '../../scrapers/shared/codes';
import type { PaperAgendaItem } from '../domain/agenda-steps';
import type { Paper, SequenceSource, Station, StationMeeting } from '../domain/paper';
import { ownPageSql } from './merge';
import { loadPaperAgendas } from './queries-agenda';
import type { RawRow } from './raw-rows';
import { declareStatements } from './registry';
import type { consultationMeetings, consultations } from './schema';

export interface ProgressPaper {
  id: number;
  reference: string | null;
  name: string | null;
  /** the paper as progress() reads it: date, Beratungsfolge and when it was read */
  paper: Paper;
  /** the agenda items that name it (progress()'s `agenda` option) */
  agenda: PaperAgendaItem[];
}

/** A station as stationsSql reads it. */
export type StationDbRow = Pick<RawRow<typeof consultations>, 'id' | 'paper_id' | 'organization' | 'role' | 'role_code' | 'station_status'>;
/** A meeting row of a station as meetingsSql reads it. */
export type MeetingDbRow = Pick<RawRow<typeof consultationMeetings>,
  'consultation_id' | 'date' | 'name' | 'meeting_external_id' | 'agenda_item_external_id' | 'result' | 'result_code'>
  & {
    /** the linked meeting's cancelled flag, null when the row links no meeting */
    cancelled: number | null;
    /** the date the row lists (its `date` is the linked meeting's where that has one) */
    listed_date: string | null;
  };

/** The reads of a Beratungsfolge for the papers `where` picks (`where` gets the paper id column to test). */
export const stationsSql = (where: (paperId: string) => string) => `SELECT id, paper_id, organization, role, role_code, station_status
  FROM consultations WHERE ${where('paper_id')} ORDER BY paper_id, position`;
// a row linked to a meeting (by SILFDNR / OParl id) is dated by that meeting, as an agenda item is (queries-agenda.ts)
export const meetingsSql = (where: (paperId: string) => string) => `SELECT m.consultation_id, COALESCE(mt.date, m.date) AS date, m.date AS listed_date,
  m.name, m.meeting_external_id, m.agenda_item_external_id, m.result, m.result_code, mt.cancelled
  FROM consultations c JOIN consultation_meetings m ON m.consultation_id = c.id
  LEFT JOIN meetings mt ON mt.id = m.meeting_id
  WHERE ${where('c.paper_id')} ORDER BY m.consultation_id, m.position`;

/** The Beratungsfolgen of the station and meeting rows (stationsSql and meetingsSql's), by paper id. */
export function toStations(stations: readonly StationDbRow[], meetings: readonly MeetingDbRow[]): Map<number, Station[]> {
  const rows = new Map<number, Station['meetings']>();
  for (const m of meetings) {
    let l = rows.get(m.consultation_id);
    if (!l) rows.set(m.consultation_id, (l = []));
    const row: StationMeeting = {
      date: m.date, name: m.name, meetingSourceId: m.meeting_external_id, agendaItemSourceId: m.agenda_item_external_id,
      result: m.result, resultCode: m.result_code as ResultCode,
    };
    if (m.cancelled === 1) row.cancelled = true;
    if (m.listed_date != null && m.listed_date !== m.date) row.listedDate = m.listed_date;
    l.push(row);
  }
  const out = new Map<number, Station[]>();
  for (const c of stations) {
    let l = out.get(c.paper_id);
    if (!l) out.set(c.paper_id, (l = []));
    l.push({
      organization: c.organization, role: c.role, roleCode: c.role_code as RoleCode | null, stationStatus: c.station_status,
      meetings: rows.get(c.id) ?? [],
    });
  }
  return out;
}

/**
 * SQL: where the Beratungsfolge of the paper row `alias` is known from (domain/paper.ts SequenceSource), for a paper
 * none of whose fields came from its own page or OParl object (merge.ts OWN_FACETS — an own page that lists no
 * Beratungsfolge says so itself): 'agenda' where it was merged from agenda appearances, 'unknown' where there is none
 * (a list row, an agenda that no longer names it, its items' documents); NULL otherwise, and for a row with no
 * provenance at all.
 */
export const sequenceSql = (alias: string) => `CASE WHEN json_extract(${alias}.provenance, '$.consultation') IS NOT NULL
    AND json_extract(${alias}.provenance, '$.consultation') <> 'agenda' THEN NULL
  WHEN ${ownPageSql(alias)} THEN NULL
  WHEN json_extract(${alias}.provenance, '$.consultation') = 'agenda' THEN 'agenda'
  WHEN EXISTS (SELECT 1 FROM json_each(${alias}.provenance)) THEN 'unknown' END`;

/** The domain SequenceSource from sequenceSql's value. */
export function toSequence(v: string | null | undefined): SequenceSource | undefined {
  return v === 'agenda' || v === 'unknown' ? v : undefined;
}

/** The domain Paper of each paper row (its date, when it was read, where its Beratungsfolge is known from) with its Beratungsfolge, by id, with the row. */
export function toPapers<P extends { id: number; date: string | null; data_as_of: string | null; sequence?: string | null }>(
  papers: readonly P[], stations: readonly StationDbRow[], meetings: readonly MeetingDbRow[],
): Map<number, { row: P; paper: Paper }> {
  const byPaper = toStations(stations, meetings);
  const out = new Map<number, { row: P; paper: Paper }>();
  for (const p of papers) {
    const paper: Paper = { date: p.date, consultation: byPaper.get(p.id) ?? [], dataAsOf: p.data_as_of };
    const sequence = toSequence(p.sequence);
    if (sequence) paper.sequence = sequence;
    out.set(p.id, { row: p, paper });
  }
  return out;
}

function prepare(sqlite: Database.Database) {
  const ids = 'SELECT value FROM json_each(?)';
  return {
    papers: sqlite.prepare<[string], { id: number; reference: string | null; name: string | null; date: string | null; data_as_of: string | null; sequence: string | null }>(
      `SELECT p.id, p.reference, p.name, p.date, p.data_as_of, ${sequenceSql('p')} AS sequence FROM papers p WHERE p.id IN (${ids})`,
    ),
    stations: sqlite.prepare<[string], StationDbRow>(stationsSql((id) => `${id} IN (${ids})`)),
    meetings: sqlite.prepare<[string], MeetingDbRow>(meetingsSql((id) => `${id} IN (${ids})`)),
  };
}

// raw SQL: the bulk reads of the committee and meeting pages and of derive.ts (bench: fresh renders)
const stmts = declareStatements('queries-progress', prepare);

/** The papers with these ids (those that exist), by id. */
export function loadProgressPapers(sqlite: Database.Database, ids: Iterable<number>): Map<number, ProgressPaper> {
  const out = new Map<number, ProgressPaper>();
  const list = [...new Set(ids)];
  if (list.length === 0) return out;
  const s = stmts(sqlite);
  const json = JSON.stringify(list);
  const assembled = toPapers(s.papers.all(json), s.stations.all(json), s.meetings.all(json));
  const agendas = loadPaperAgendas(sqlite, assembled.keys());
  for (const [id, { row, paper }] of assembled) out.set(id, { id, reference: row.reference, name: row.name, paper, agenda: agendas.get(id) ?? [] });
  return out;
}

/** The Beratungsfolge of one paper (the motion page's), in page order. */
export function loadStations(sqlite: Database.Database, paperId: number): Station[] {
  const s = stmts(sqlite);
  const json = JSON.stringify([paperId]);
  return toStations(s.stations.all(json), s.meetings.all(json)).get(paperId) ?? [];
}
