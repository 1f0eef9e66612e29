/**
 * What the motion page needs to show its originators: the source's factions (to link an originator to
 * its Organization page) and the names of its elected people (so that a person is shown only when known
 * as one; src/domain/originators.ts).
 */
import type Database from 'better-sqlite3';
import { foldName } from '../domain/originators';
import { stmt } from './registry';

export interface OriginatorContext {
  /** folded faction name → organizations.id */
  factions: Map<string, number>;
  elected: Set<string>;
}

export function loadOriginatorContext(sqlite: Database.Database, sourceKey: string): OriginatorContext {
  const factions = stmt<[string], { id: number; name: string }>(sqlite, `SELECT o.id, o.name FROM organizations o JOIN sources s ON s.id = o.source_id
    WHERE s.key = ? AND o.kind IN ('faction', 'group') AND o.name IS NOT NULL ORDER BY o.id`).all(sourceKey);
  const people = stmt<[string], string>(sqlite, 'SELECT p.name FROM people p JOIN sources s ON s.id = p.source_id WHERE s.key = ?').pluck().all(sourceKey);
  const map = new Map<string, number>();
  for (const f of factions) if (!map.has(foldName(f.name))) map.set(foldName(f.name), f.id);
  return { factions: map, elected: new Set(people) };
}

/**
 * The originator names of a source's motions that fold to the same name as `name` (a faction's
 * organization name: "Fraktion BÜNDNIS 90/DIE GRÜNEN" finds motions filed by "Fraktion Bündnis 90/Die
 * Grünen"), `name` itself always among them. Reads every distinct originator of the source once.
 */
export function originatorNamesLike(sqlite: Database.Database, sourceId: number, name: string): string[] {
  const all = stmt<[number], string>(sqlite, `SELECT DISTINCT o.value FROM papers p, json_each(p.originator) o
    WHERE p.source_id = ? AND p.originator != '[]'`).pluck().all(sourceId);
  const folded = foldName(name);
  return [...new Set([name, ...all.filter((n) => typeof n === 'string' && foldName(n) === folded)])];
}
