/**
 * Cities (sources) and their committees for /staedte and /gremien: the numbers of a city (motions by
 * state, coming meetings), every committee a city knows — organization rows, the committees of its
 * Beratungsfolgen and of its meetings, one entry per name — with its members count. Bounded per source.
 */
import type Database from 'better-sqlite3';
import { asc } from 'drizzle-orm';
import type { Db } from './app-schema';
import { sources } from './schema';
import { declareStatements } from './registry';

/** A city (a sources row) as the city and committee pages list it. */
export type CityRow = Pick<typeof sources.$inferSelect, 'id' | 'key' | 'name' | 'isDemo' | 'system'>;

export interface CityNumbers {
  papers: number;
  byState: { state: string | null; count: number }[];
  /** meetings from today on that are not cancelled */
  comingMeetings: number;
  /** meetings from today on that are cancelled (not among comingMeetings) */
  cancelledComingMeetings: number;
  meetings: number;
}

export interface CommitteeName {
  name: string;
  /** the organization row by this name (committees before factions), when there is one */
  organizationId: number | null;
  kind: string | null;
  /** the day it ended (a former faction), where its source says so */
  endDate: string | null;
  members: number;
}

export interface PastMeetingRow {
  id: number;
  name: string | null;
  organization: string | null;
  date: string;
  start: string | null;
  /** the meeting is cancelled (meetings.cancelled) */
  cancelled: boolean;
}

/** at most this many committees per city (a RIS lists some dozens) */
export const COMMITTEES_MAX = 500;

function prepare(sqlite: Database.Database, db: Db) {
  return {
    // not hot (some dozen rows): drizzle's typed query
    sources: db
      .select({ id: sources.id, key: sources.key, name: sources.name, isDemo: sources.isDemo, system: sources.system })
      .from(sources).orderBy(asc(sources.name), asc(sources.key)).prepare(),
    byState: sqlite.prepare<[number], { state: string | null; count: number }>(
      'SELECT state, COUNT(*) AS count FROM papers WHERE source_id = ? GROUP BY state ORDER BY count DESC, state',
    ),
    meetings: sqlite.prepare<{ today: string; source: number }, { coming: number; cancelled: number; all: number }>(
      `SELECT COALESCE(SUM(date >= @today AND cancelled = 0), 0) AS coming, COALESCE(SUM(date >= @today AND cancelled = 1), 0) AS cancelled,
        COUNT(*) AS "all" FROM meetings WHERE source_id = @source`,
    ),
    // one entry per name: organization rows (a committee before a faction of the same name), the committees
    // of the city's Beratungsfolgen and of its meetings
    committees: sqlite.prepare<{ source: number; limit: number }, CommitteeName>(
      `WITH names(name) AS (
         SELECT name FROM organizations WHERE source_id = @source AND name IS NOT NULL
         UNION SELECT c.organization FROM papers p JOIN consultations c ON c.paper_id = p.id WHERE p.source_id = @source AND c.organization IS NOT NULL
         UNION SELECT organization FROM meetings WHERE source_id = @source AND organization IS NOT NULL
       )
       SELECT n.name, o.id AS organizationId, o.kind, o.end_date AS endDate,
         (SELECT COUNT(*) FROM memberships ms WHERE ms.organization_id = o.id) AS members
       FROM names n LEFT JOIN organizations o ON o.id = (SELECT id FROM organizations WHERE source_id = @source AND name = n.name
         ORDER BY (kind IN ('committee', 'parliament', 'organization')) DESC, id LIMIT 1)
       WHERE trim(n.name) <> ''
       ORDER BY n.name LIMIT @limit`,
    ),
    sourceName: sqlite.prepare<[string], string>('SELECT name FROM sources WHERE key = ?').pluck(),
    past: sqlite.prepare<{ source: number; today: string; limit: number }, Omit<PastMeetingRow, 'cancelled'> & { cancelled: number }>(
      `SELECT m.id, m.name, COALESCE(o.name, m.organization) AS organization, m.date, m.start, m.cancelled FROM meetings m
       LEFT JOIN organizations o ON o.id = m.organization_id
       WHERE m.source_id = @source AND m.date < @today ORDER BY m.date DESC, m.start DESC, m.id DESC LIMIT @limit`,
    ),
  };
}

const stmts = declareStatements('queries-cities', prepare);

/** Every source, by name. */
export function loadCities(sqlite: Database.Database): CityRow[] {
  return stmts(sqlite).sources.all();
}

export function loadCityNumbers(sqlite: Database.Database, sourceId: number, today: string): CityNumbers {
  const s = stmts(sqlite);
  const byState = s.byState.all(sourceId);
  const m = s.meetings.get({ today, source: sourceId })!;
  return { papers: byState.reduce((n, r) => n + r.count, 0), byState, comingMeetings: m.coming, cancelledComingMeetings: m.cancelled, meetings: m.all };
}

/** The committees (and factions) a city knows, by name. */
export function loadCommitteeNames(sqlite: Database.Database, sourceId: number): CommitteeName[] {
  return stmts(sqlite).committees.all({ source: sourceId, limit: COMMITTEES_MAX });
}

/** The city's latest meetings before `today`, newest first. */
export function loadPastCityMeetings(sqlite: Database.Database, sourceId: number, today: string, limit: number): PastMeetingRow[] {
  return stmts(sqlite).past.all({ source: sourceId, today, limit }).map((m) => ({ ...m, cancelled: m.cancelled === 1 }));
}

/** The name of the source (city) with this key, or null when there is none. */
export function sourceNameOf(sqlite: Database.Database, key: string): string | null {
  return stmts(sqlite).sourceName.get(key) ?? null;
}
