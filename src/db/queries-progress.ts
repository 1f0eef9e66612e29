/**
 * Bulk reads of what progress() needs (a paper's date, Beratungsfolge and agenda items), with its reference and
 * name, for a list of papers at once: three statements for up to a few hundred papers instead of
 * three per paper (the committee page checks every paper of its queue and coming agendas).
 */
import type Database from 'better-sqlite3';
import type { ConsultationRecord, PaperRecord } from '../../scrapers/records';
import type { ResultCode, RoleCode } from '../../scrapers/shared/codes';
import type { PaperAgendaItem } from '../domain/agenda-steps';
import type { DatedPaper } from '../domain/data-age';
import { loadPaperAgendas } from './queries-agenda';

export interface ProgressPaper {
  id: number;
  reference: string | null;
  name: string | null;
  /** the paper as far as progress() reads it: date, consultation and when it was read (other fields empty) */
  record: PaperRecord & DatedPaper;
  /** the agenda items that name it (progress()'s `agenda` option) */
  agenda: PaperAgendaItem[];
}

export interface StationDbRow {
  id: number; paper_id: number; organization: string | null; role: string | null; role_code: string | null; station_status: string | null;
}
export interface MeetingDbRow {
  consultation_id: number; date: string | null; name: string | null; meeting_external_id: string | null;
  agenda_item_external_id: string | null; result: string | null; result_code: string;
}

/** The reads of a Beratungsfolge for the papers `where` picks (`where` gets the paper id column to test). */
export const stationsSql = (where: (paperId: string) => string) => `SELECT id, paper_id, organization, role, role_code, station_status
  FROM consultations WHERE ${where('paper_id')} ORDER BY paper_id, position`;
export const meetingsSql = (where: (paperId: string) => string) => `SELECT m.consultation_id, m.date, m.name, m.meeting_external_id,
  m.agenda_item_external_id, m.result, m.result_code FROM consultations c JOIN consultation_meetings m ON m.consultation_id = c.id
  WHERE ${where('c.paper_id')} ORDER BY m.consultation_id, m.position`;

/**
 * Paper records as far as progress() reads them (date and consultation; other fields empty), one per
 * paper row, with the row they came from.
 */
export function assembleProgressRecords<P extends { id: number; date: string | null; data_as_of: string | null }>(
  papers: P[], stations: StationDbRow[], meetings: MeetingDbRow[], names: (p: P) => { reference: string | null; name: string | null },
): Map<number, { row: P; record: PaperRecord & DatedPaper }> {
  const rows = new Map<number, ConsultationRecord['meetings']>();
  for (const m of meetings) {
    let l = rows.get(m.consultation_id);
    if (!l) rows.set(m.consultation_id, (l = []));
    l.push({
      date: m.date, name: m.name, meetingSourceId: m.meeting_external_id, agendaItemSourceId: m.agenda_item_external_id,
      result: m.result, resultCode: m.result_code as ResultCode,
    });
  }
  const out = new Map<number, { row: P; record: PaperRecord & DatedPaper }>();
  for (const p of papers) {
    out.set(p.id, { row: p, record: {
      type: 'Paper', format: 1, system: 'allris3', systemVersion: null, sourceId: null, url: null, ...names(p),
      paperType: null, public: null, statusText: null, originator: [], underDirectionOf: [], date: p.date, relatedReferences: [],
      consultation: [], files: [], text: [], dataAsOf: p.data_as_of,
    } });
  }
  for (const c of stations) {
    out.get(c.paper_id)?.record.consultation.push({
      organization: c.organization, role: c.role, roleCode: c.role_code as RoleCode | null, stationStatus: c.station_status,
      meetings: rows.get(c.id) ?? [],
    });
  }
  return out;
}

const cache = new WeakMap<Database.Database, ReturnType<typeof prepare>>();

function prepare(sqlite: Database.Database) {
  const ids = 'SELECT value FROM json_each(?)';
  return {
    papers: sqlite.prepare<[string], { id: number; reference: string | null; name: string | null; date: string | null; data_as_of: string | null }>(
      `SELECT id, reference, name, date, data_as_of FROM papers WHERE id IN (${ids})`,
    ),
    stations: sqlite.prepare<[string], StationDbRow>(stationsSql((id) => `${id} IN (${ids})`)),
    meetings: sqlite.prepare<[string], MeetingDbRow>(meetingsSql((id) => `${id} IN (${ids})`)),
  };
}

function stmts(sqlite: Database.Database) {
  let s = cache.get(sqlite);
  if (!s) cache.set(sqlite, (s = prepare(sqlite)));
  return s;
}

/** The papers with these ids (those that exist), by id. */
export function loadProgressPapers(sqlite: Database.Database, ids: Iterable<number>): Map<number, ProgressPaper> {
  const out = new Map<number, ProgressPaper>();
  const list = [...new Set(ids)];
  if (list.length === 0) return out;
  const s = stmts(sqlite);
  const json = JSON.stringify(list);
  const assembled = assembleProgressRecords(s.papers.all(json), s.stations.all(json), s.meetings.all(json), (p) => ({ reference: p.reference, name: p.name }));
  const agendas = loadPaperAgendas(sqlite, assembled.keys());
  for (const [id, { row, record }] of assembled) out.set(id, { id, reference: row.reference, name: row.name, record, agenda: agendas.get(id) ?? [] });
  return out;
}
