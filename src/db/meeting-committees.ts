/**
 * Calendar meetings whose calendar names no committee (most ALLRIS calendars give a title only) take the
 * committee their title names, where the source knows that committee by name — from an organization, a
 * station of a Beratungsfolge or another meeting (src/domain/meeting-committee.ts: exact names only, never
 * a guess). Run by the link step, before meetings are linked to their committee and meeting rows to their
 * meeting: a meeting named so links like one whose page named its committee. A meeting whose page is read
 * later gets the committee that page names (the import writes it over this one).
 */
import type Database from 'better-sqlite3';
import { committeeFromTitle } from '../domain/meeting-committee';
import { declareStatements } from './registry';

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
}));

/** Names the source's meetings without a committee by their titles; returns the ids of those named. */
export function nameMeetingsByTitle(sqlite: Database.Database, sourceId: number): number[] {
  const s = stmts(sqlite);
  const rows = s.unnamed.all(sourceId);
  if (!rows.length) return [];
  const known = new Map<string, boolean>();
  const isKnown = (name: string): boolean => {
    let k = known.get(name);
    if (k === undefined) {
      k = s.organization.get(sourceId, name) !== undefined || s.station.get(name, sourceId) !== undefined || s.meeting.get(sourceId, name) !== undefined;
      known.set(name, k);
    }
    return k;
  };
  const named: number[] = [];
  for (const r of rows) {
    const committee = committeeFromTitle(r.name, isKnown);
    if (committee && s.name.run(committee, r.id).changes) named.push(r.id);
  }
  return named;
}
