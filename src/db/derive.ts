/**
 * Stores what src/domain/progress derives for a day (state, current and next station, last activity)
 * in the papers table, so that lists filter and sort in SQL. Run after each import and once a day
 * (the server refreshes stale rows when it starts and when the day changes).
 */
import type Database from 'better-sqlite3';
import type { ConsultationRecord, PaperRecord } from '../../scrapers/records';
import type { ResultCode, RoleCode } from '../../scrapers/shared/codes';
import { progress } from '../domain/progress';

/** The derived columns of one paper for `today` (named as the UPDATE below binds them). */
export interface DerivedColumns {
  state: string;
  currentOrganization: string | null;
  nextOrganization: string | null;
  nextRole: string | null;
  nextDate: string | null;
  lastActivity: string | null;
}

/** What refreshDerived stores for a paper record on `today`. Pure. */
export function derivedColumns(record: PaperRecord, today: string): DerivedColumns {
  const pr = progress(record, today);
  const current = pr.currentStation != null ? pr.stations[pr.currentStation] : null;
  return {
    state: pr.state,
    currentOrganization: current?.organization ?? null,
    nextOrganization: pr.next?.organization ?? null,
    nextRole: pr.next?.role ?? null,
    nextDate: pr.next?.date ?? null,
    lastActivity: pr.lastActivity ?? null,
  };
}

const CHUNK = 1000;

interface StationDbRow {
  id: number; paper_id: number; organization: string | null; role: string | null; role_code: string | null; station_status: string | null;
}
interface MeetingDbRow {
  consultation_id: number; date: string | null; name: string | null; meeting_source_id: string | null;
  agenda_item_source_id: string | null; result: string | null; result_code: string;
}

const cache = new WeakMap<Database.Database, ReturnType<typeof prepare>>();

/** Range reads over a chunk of paper ids: a few statements per thousand papers instead of three per paper. */
function prepare(sqlite: Database.Database) {
  return {
    papers: sqlite.prepare<[number, number], { id: number; date: string | null }>('SELECT id, date FROM papers WHERE id BETWEEN ? AND ?'),
    stations: sqlite.prepare<[number, number], StationDbRow>(`SELECT id, paper_id, organization, role, role_code, station_status
      FROM consultations WHERE paper_id BETWEEN ? AND ? ORDER BY paper_id, position`),
    meetings: sqlite.prepare<[number, number], MeetingDbRow>(`SELECT m.consultation_id, m.date, m.name, m.meeting_source_id,
      m.agenda_item_source_id, m.result, m.result_code FROM consultations c JOIN consultation_meetings m ON m.consultation_id = c.id
      WHERE c.paper_id BETWEEN ? AND ? ORDER BY m.consultation_id, m.position`),
    update: sqlite.prepare(`UPDATE papers SET state=@state, current_organization=@currentOrganization,
      next_organization=@nextOrganization, next_role=@nextRole, next_date=@nextDate, last_activity=@lastActivity,
      derived_on=@today WHERE id=@id`),
  };
}

function stmts(sqlite: Database.Database) {
  let s = cache.get(sqlite);
  if (!s) cache.set(sqlite, (s = prepare(sqlite)));
  return s;
}

/** What progress() reads of a paper (its date and Beratungsfolge), for the papers with ids in [lo, hi]. */
function loadProgressInputs(sqlite: Database.Database, lo: number, hi: number): Map<number, PaperRecord> {
  const s = stmts(sqlite);
  const rows = new Map<number, ConsultationRecord['meetings']>();
  for (const m of s.meetings.all(lo, hi)) {
    let list = rows.get(m.consultation_id);
    if (!list) rows.set(m.consultation_id, (list = []));
    list.push({
      date: m.date, name: m.name, meetingSourceId: m.meeting_source_id, agendaItemSourceId: m.agenda_item_source_id,
      result: m.result, resultCode: m.result_code as ResultCode,
    });
  }
  const out = new Map<number, PaperRecord>();
  for (const p of s.papers.all(lo, hi)) {
    out.set(p.id, {
      type: 'Paper', format: 1, system: 'allris3', systemVersion: null, sourceId: null, url: null, reference: null, name: null,
      paperType: null, public: null, statusText: null, originator: [], underDirectionOf: [], date: p.date, relatedReferences: [],
      consultation: [], files: [], text: [],
    });
  }
  for (const c of s.stations.all(lo, hi)) {
    out.get(c.paper_id)?.consultation.push({
      organization: c.organization, role: c.role, roleCode: c.role_code as RoleCode | null, stationStatus: c.station_status,
      meetings: rows.get(c.id) ?? [],
    });
  }
  return out;
}

/**
 * Re-derives every paper whose derived_on is not `today` (or every paper with `all`), in one
 * transaction, reading the papers in chunks of id ranges. Returns how many papers it looked at.
 */
export function refreshDerived(sqlite: Database.Database, today: string, opts: { all?: boolean } = {}): number {
  const ids = sqlite
    .prepare(opts.all ? 'SELECT id FROM papers ORDER BY id' : 'SELECT id FROM papers WHERE derived_on IS NULL OR derived_on <> ? ORDER BY id')
    .pluck()
    .all(...(opts.all ? [] : [today])) as number[];
  const { update } = stmts(sqlite);
  const run = sqlite.transaction(() => {
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      const records = loadProgressInputs(sqlite, chunk[0], chunk[chunk.length - 1]);
      for (const id of chunk) {
        const record = records.get(id);
        if (record) update.run({ id, today, ...derivedColumns(record, today) });
      }
    }
  });
  // IMMEDIATE: take the write lock first (waiting busy_timeout for it), so a concurrent import can never
  // turn this read-then-write transaction into SQLITE_BUSY (a deferred one cannot wait for a newer snapshot)
  run.immediate();
  return ids.length;
}
