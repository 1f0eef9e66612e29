/**
 * Bulk reads of what progress() needs (a paper's date and Beratungsfolge), with its reference and
 * name, for a list of papers at once: three statements for up to a few hundred papers instead of
 * three per paper (the committee page checks every paper of its queue and coming agendas).
 */
import type Database from 'better-sqlite3';
import type { ConsultationRecord, PaperRecord } from '../../scrapers/records';
import type { ResultCode, RoleCode } from '../../scrapers/shared/codes';

export interface ProgressPaper {
  id: number;
  reference: string | null;
  name: string | null;
  /** the paper as far as progress() reads it: date and consultation (other fields empty) */
  record: PaperRecord;
}

interface StationDbRow {
  id: number; paper_id: number; organization: string | null; role: string | null; role_code: string | null; station_status: string | null;
}
interface MeetingDbRow {
  consultation_id: number; date: string | null; name: string | null; meeting_source_id: string | null;
  agenda_item_source_id: string | null; result: string | null; result_code: string;
}

const cache = new WeakMap<Database.Database, ReturnType<typeof prepare>>();

function prepare(sqlite: Database.Database) {
  const ids = 'SELECT value FROM json_each(?)';
  return {
    papers: sqlite.prepare<[string], { id: number; reference: string | null; name: string | null; date: string | null }>(
      `SELECT id, reference, name, date FROM papers WHERE id IN (${ids})`,
    ),
    stations: sqlite.prepare<[string], StationDbRow>(`SELECT id, paper_id, organization, role, role_code, station_status
      FROM consultations WHERE paper_id IN (${ids}) ORDER BY paper_id, position`),
    meetings: sqlite.prepare<[string], MeetingDbRow>(`SELECT m.consultation_id, m.date, m.name, m.meeting_source_id,
      m.agenda_item_source_id, m.result, m.result_code FROM consultations c JOIN consultation_meetings m ON m.consultation_id = c.id
      WHERE c.paper_id IN (${ids}) ORDER BY m.consultation_id, m.position`),
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
  const rows = new Map<number, ConsultationRecord['meetings']>();
  for (const m of s.meetings.all(json)) {
    let l = rows.get(m.consultation_id);
    if (!l) rows.set(m.consultation_id, (l = []));
    l.push({
      date: m.date, name: m.name, meetingSourceId: m.meeting_source_id, agendaItemSourceId: m.agenda_item_source_id,
      result: m.result, resultCode: m.result_code as ResultCode,
    });
  }
  for (const p of s.papers.all(json)) {
    out.set(p.id, {
      id: p.id,
      reference: p.reference,
      name: p.name,
      record: {
        type: 'Paper', format: 1, system: 'allris3', systemVersion: null, sourceId: null, url: null, reference: p.reference, name: p.name,
        paperType: null, public: null, statusText: null, originator: [], underDirectionOf: [], date: p.date, relatedReferences: [],
        consultation: [], files: [], text: [],
      },
    });
  }
  for (const c of s.stations.all(json)) {
    out.get(c.paper_id)?.record.consultation.push({
      organization: c.organization, role: c.role, roleCode: c.role_code as RoleCode | null, stationStatus: c.station_status,
      meetings: rows.get(c.id) ?? [],
    });
  }
  return out;
}
