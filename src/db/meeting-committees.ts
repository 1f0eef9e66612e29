/**
 * Calendar meetings whose calendar names no committee (most ALLRIS calendars give a title only) take the
 * committee their title names, where the source knows that committee by name — from an organization, a
 * station of a Beratungsfolge or another meeting (src/domain/meeting-committee.ts: exact names only, never
 * a guess). Run by the link step, before meetings are linked to their committee and meeting rows to their
 * meeting: a meeting named so links like one whose page named its committee. A meeting whose page is read
 * later gets the committee that page names (the import writes it over this one).
 *
 * The import runs it after every batch, over every unnamed meeting of the source: a name the source was
 * found not to know is remembered per connection until a batch brings that name (its stations, committees,
 * meetings), so a batch asks the database only about names it has not been asked about.
 */
import type Database from 'better-sqlite3';
import { committeeFromTitle } from '../domain/meeting-committee';
import { declareStatements } from './registry';

const IDS = 'SELECT value FROM json_each(?)';

// raw SQL: run with the link step of every import batch that wrote meetings, papers or organizations
const stmts = declareStatements('meeting-committees', (sqlite) => ({
  unnamed: sqlite.prepare<[number], { id: number; name: string }>(
    'SELECT id, name FROM meetings WHERE source_id = ? AND organization IS NULL AND organization_id IS NULL AND name IS NOT NULL',
  ),
  organization: sqlite.prepare<[number, string], number>('SELECT 1 FROM organizations WHERE source_id = ? AND name = ? LIMIT 1').pluck(),
  station: sqlite.prepare<[string, number], number>(
    'SELECT 1 FROM consultations c JOIN papers p ON p.id = c.paper_id WHERE c.organization = ? AND p.source_id = ? LIMIT 1',
  ).pluck(),
  meeting: sqlite.prepare<[number, string], number>('SELECT 1 FROM meetings WHERE source_id = ? AND organization = ? LIMIT 1').pluck(),
  name: sqlite.prepare<[string, number]>('UPDATE meetings SET organization = ? WHERE id = ? AND organization IS NULL'),
  /** the committee names a batch wrote: its papers' stations, its organizations, its meetings' committees */
  batchNames: sqlite.prepare<[string, string, string], string>(`SELECT organization FROM consultations WHERE paper_id IN (${IDS}) AND organization IS NOT NULL
    UNION SELECT name FROM organizations WHERE id IN (${IDS}) AND name IS NOT NULL
    UNION SELECT organization FROM meetings WHERE id IN (${IDS}) AND organization IS NOT NULL`).pluck(),
}));

/** per connection and source: names found not to be the source's (until a batch brings them) */
const UNKNOWN = new WeakMap<Database.Database, Map<number, Set<string>>>();

/** What a batch wrote, as far as names are concerned (null: remember nothing, ask about every name — a whole relink). */
export interface NamingBatch {
  papers: Iterable<number>;
  organizations: Iterable<number>;
  meetings: Iterable<number>;
}

/** Names the source's meetings without a committee by their titles; returns the ids of those named. */
export function nameMeetingsByTitle(sqlite: Database.Database, sourceId: number, batch: NamingBatch | null = null): number[] {
  const s = stmts(sqlite);
  const rows = s.unnamed.all(sourceId);
  if (!rows.length) return [];
  let unknown = new Set<string>();
  if (batch) {
    const bySource = UNKNOWN.get(sqlite) ?? new Map<number, Set<string>>();
    UNKNOWN.set(sqlite, bySource);
    unknown = bySource.get(sourceId) ?? unknown;
    bySource.set(sourceId, unknown);
    const json = (ids: Iterable<number>) => JSON.stringify([...ids]);
    for (const n of s.batchNames.all(json(batch.papers), json(batch.organizations), json(batch.meetings))) unknown.delete(n);
  }
  const isKnown = (name: string): boolean => {
    if (unknown.has(name)) return false;
    const k = s.organization.get(sourceId, name) !== undefined || s.station.get(name, sourceId) !== undefined || s.meeting.get(sourceId, name) !== undefined;
    if (!k) unknown.add(name);
    return k;
  };
  // a calendar repeats its titles month by month ("Sitzung des Ortsbeirates Zewen"): each is read once
  const byTitle = new Map<string, string | null>();
  const named: number[] = [];
  for (const r of rows) {
    let committee = byTitle.get(r.name);
    if (committee === undefined) {
      committee = committeeFromTitle(r.name, isKnown);
      byTitle.set(r.name, committee);
    }
    if (committee && s.name.run(committee, r.id).changes) named.push(r.id);
  }
  return named;
}
