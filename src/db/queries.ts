/** Read queries for the server and the CLI. Prepared once per connection; rows → records. */
import type Database from 'better-sqlite3';
import type { ConsultationRecord, PaperRecord } from '../../scrapers/records';
import type { ResultCode, RoleCode } from '../../scrapers/shared/codes';
import type { DatedPaper } from '../domain/data-age';

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

export interface PaperListRow {
  id: number;
  reference: string | null;
  name: string | null;
  paperType: string | null;
  sourceName: string;
  isDemo: boolean;
  state: string | null;
  currentOrganization: string | null;
  nextOrganization: string | null;
  nextRole: string | null;
  nextDate: string | null;
  lastActivity: string | null;
}

export interface PaperListFilter {
  state?: string | null;
  organization?: string | null;
  limit: number;
  offset: number;
}

interface PaperDbRow {
  id: number; source_key: string; source_name: string; is_demo: number; first_seen_at: string; updated_at: string;
  external_id: string | null; system: string; system_version: string | null; url: string | null;
  reference: string | null; name: string | null; paper_type: string | null; public: number | null;
  status_text: string | null; originator: string; under_direction_of: string; date: string | null;
  related_references: string; files: string; text: string; data_as_of: string | null;
}

const cache = new WeakMap<Database.Database, ReturnType<typeof prepare>>();

function prepare(sqlite: Database.Database) {
  return {
    paper: sqlite.prepare<[number], PaperDbRow>(`SELECT p.*, s.key AS source_key, s.name AS source_name, s.is_demo
      FROM papers p JOIN sources s ON s.id = p.source_id WHERE p.id = ?`),
    stations: sqlite.prepare<[number], { id: number; organization: string | null; role: string | null; role_code: string | null; station_status: string | null }>(
      'SELECT id, organization, role, role_code, station_status FROM consultations WHERE paper_id = ? ORDER BY position',
    ),
    meetings: sqlite.prepare<[number], { consultation_id: number; date: string | null; name: string | null; meeting_external_id: string | null; agenda_item_external_id: string | null; result: string | null; result_code: string }>(
      `SELECT m.consultation_id, m.date, m.name, m.meeting_external_id, m.agenda_item_external_id, m.result, m.result_code
       FROM consultation_meetings m JOIN consultations c ON c.id = m.consultation_id WHERE c.paper_id = ? ORDER BY c.position, m.position`,
    ),
    committees: sqlite.prepare<[], { organization: string }>(
      'SELECT DISTINCT organization FROM consultations WHERE organization IS NOT NULL ORDER BY organization COLLATE NOCASE',
    ),
    stateCounts: sqlite.prepare<[], { state: string | null; n: number }>('SELECT state, COUNT(*) AS n FROM papers GROUP BY state'),
  };
}

function stmts(sqlite: Database.Database) {
  let s = cache.get(sqlite);
  if (!s) cache.set(sqlite, (s = prepare(sqlite)));
  return s;
}

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
      meetingSourceId: m.meeting_external_id,
      agendaItemSourceId: m.agenda_item_external_id,
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
    sourceId: r.external_id,
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

/** One page of the motion list, newest activity first, with the total for pagination. */
export function listPapers(sqlite: Database.Database, f: PaperListFilter): { rows: PaperListRow[]; total: number } {
  const where: string[] = [];
  const params: Record<string, unknown> = { limit: f.limit, offset: f.offset };
  if (f.state) {
    where.push('p.state = @state');
    params.state = f.state;
  }
  if (f.organization) {
    where.push('EXISTS (SELECT 1 FROM consultations c WHERE c.paper_id = p.id AND c.organization = @organization)');
    params.organization = f.organization;
  }
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (sqlite.prepare(`SELECT COUNT(*) AS n FROM papers p ${w}`).get(params) as { n: number }).n;
  const rows = sqlite
    .prepare(
      `SELECT p.id, p.reference, p.name, p.paper_type AS paperType, s.name AS sourceName, s.is_demo AS isDemo, p.state,
        p.current_organization AS currentOrganization, p.next_organization AS nextOrganization, p.next_role AS nextRole,
        p.next_date AS nextDate, p.last_activity AS lastActivity
       FROM papers p JOIN sources s ON s.id = p.source_id ${w}
       ORDER BY COALESCE(p.last_activity, p.date, '') DESC, p.id DESC LIMIT @limit OFFSET @offset`,
    )
    .all(params) as (Omit<PaperListRow, 'isDemo'> & { isDemo: number })[];
  return { rows: rows.map((r) => ({ ...r, isDemo: r.isDemo === 1 })), total };
}

export function listCommittees(sqlite: Database.Database): string[] {
  return stmts(sqlite).committees.all().map((r) => r.organization);
}

export function stateCounts(sqlite: Database.Database): Map<string, number> {
  return new Map(stmts(sqlite).stateCounts.all().map((r) => [r.state ?? 'unknown', r.n]));
}

export function paperCount(sqlite: Database.Database): number {
  return (sqlite.prepare('SELECT COUNT(*) AS n FROM papers').get() as { n: number }).n;
}
