/** Read queries for the server and the CLI. Prepared once per connection; rows → records. */
import type Database from 'better-sqlite3';
import type { ConsultationRecord, PaperRecord } from '../../scrapers/records';
import type { ResultCode, RoleCode } from '../../scrapers/shared/codes';
import type { DatedPaper } from '../domain/data-age';
import { declareStatements } from './registry';

export interface PaperMeta {
  id: number;
  sourceKey: string;
  sourceName: string;
  isDemo: boolean;
  firstSeenAt: string;
  updatedAt: string;
  /** when its data was last read from the RIS (papers.data_as_of), null when not known */
  dataAsOf: string | null;
}

export interface StoredPaper {
  meta: PaperMeta;
  /** the record, with `dataAsOf` where it is known (progress() counts durations up to it) */
  record: PaperRecord & DatedPaper;
}

interface PaperDbRow {
  id: number; source_key: string; source_name: string; is_demo: number; first_seen_at: string; updated_at: string;
  source_record_id: string | null; system: string; system_version: string | null; url: string | null;
  reference: string | null; name: string | null; paper_type: string | null; public: number | null;
  status_text: string | null; originator: string; under_direction_of: string; date: string | null;
  related_references: string; files: string; text: string; data_as_of: string | null;
}

function prepare(sqlite: Database.Database) {
  return {
    paper: sqlite.prepare<[number], PaperDbRow>(`SELECT p.*, s.key AS source_key, s.name AS source_name, s.is_demo
      FROM papers p JOIN sources s ON s.id = p.source_id WHERE p.id = ?`),
    stations: sqlite.prepare<[number], { id: number; organization: string | null; role: string | null; role_code: string | null; station_status: string | null }>(
      'SELECT id, organization, role, role_code, station_status FROM consultations WHERE paper_id = ? ORDER BY position',
    ),
    meetings: sqlite.prepare<[number], { consultation_id: number; date: string | null; name: string | null; meeting_source_id: string | null; agenda_item_source_id: string | null; result: string | null; result_code: string }>(
      `SELECT m.consultation_id, m.date, m.name, m.meeting_source_id, m.agenda_item_source_id, m.result, m.result_code
       FROM consultation_meetings m JOIN consultations c ON c.id = m.consultation_id WHERE c.paper_id = ? ORDER BY c.position, m.position`,
    ),
    count: sqlite.prepare<[], number>('SELECT COUNT(*) FROM papers').pluck(),
  };
}

const stmts = declareStatements('queries', prepare);

/** Loads one paper with its Beratungsfolge as a record, or null. */
export function loadPaper(sqlite: Database.Database, id: number): StoredPaper | null {
  const s = stmts(sqlite);
  const r = s.paper.get(id);
  if (!r) return null;
  const stations = s.stations.all(id);
  const byStation = new Map<number, ConsultationRecord['meetings']>();
  for (const m of s.meetings.all(id)) {
    const list = byStation.get(m.consultation_id) ?? [];
    list.push({
      date: m.date,
      name: m.name,
      meetingSourceId: m.meeting_source_id,
      agendaItemSourceId: m.agenda_item_source_id,
      result: m.result,
      resultCode: m.result_code as ResultCode,
    });
    byStation.set(m.consultation_id, list);
  }
  const record: PaperRecord & DatedPaper = {
    type: 'Paper',
    format: 1,
    system: r.system as PaperRecord['system'],
    systemVersion: r.system_version,
    sourceId: r.source_record_id,
    url: r.url,
    reference: r.reference,
    name: r.name,
    paperType: r.paper_type,
    public: r.public === null ? null : r.public === 1,
    statusText: r.status_text,
    originator: JSON.parse(r.originator),
    underDirectionOf: JSON.parse(r.under_direction_of),
    date: r.date,
    relatedReferences: JSON.parse(r.related_references),
    consultation: stations.map((c) => ({
      organization: c.organization,
      role: c.role,
      roleCode: c.role_code as RoleCode | null,
      stationStatus: c.station_status,
      meetings: byStation.get(c.id) ?? [],
    })),
    files: JSON.parse(r.files),
    text: JSON.parse(r.text),
  };
  if (r.data_as_of != null) record.dataAsOf = r.data_as_of;
  return {
    meta: {
      id: r.id,
      sourceKey: r.source_key,
      sourceName: r.source_name,
      isDemo: r.is_demo === 1,
      firstSeenAt: r.first_seen_at,
      updatedAt: r.updated_at,
      dataAsOf: r.data_as_of,
    },
    record,
  };
}

/** How many motions the database holds (the CLI loads the demo into an empty one). */
export function paperCount(sqlite: Database.Database): number {
  return stmts(sqlite).count.get()!;
}
