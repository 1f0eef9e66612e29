/** The records table: every imported record kept as a facet of its entity (see schema.ts `records`). */
import { hash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type Database from 'better-sqlite3';
import type { Facet } from './merge';
import { declareStatements } from './registry';

export type Outcome = 'inserted' | 'updated' | 'unchanged';

/** The hash stored beside a text (a facet's JSON, a paper row's columns). */
export function digest(text: string): string {
  return hash('sha256', text, 'hex');
}

/** Whether two JSON texts hold the same value (whatever the order of their objects' keys). */
export function sameJson(a: string, b: string): boolean {
  return a === b || isDeepStrictEqual(JSON.parse(a), JSON.parse(b));
}

/**
 * Whether `value` reads back from its JSON as it is: plain objects and arrays, strings, finite numbers,
 * booleans and null (and, with `undefinedOk`, undefined, which JSON leaves out of objects).
 */
export function isPlainJson(value: unknown, undefinedOk: boolean): boolean {
  switch (typeof value) {
    case 'string': case 'boolean': return true;
    case 'number': return Number.isFinite(value);
    case 'undefined': return undefinedOk;
    case 'object': {
      if (value === null) return true;
      if (Array.isArray(value)) {
        for (const v of value) if (v === undefined || !isPlainJson(v, undefinedOk)) return false;
        return true;
      }
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) return false;
      for (const k in value) if (!isPlainJson((value as Record<string, unknown>)[k], undefinedOk)) return false;
      return true;
    }
    default: return false;
  }
}

function prepare(sqlite: Database.Database) {
  return {
    // the facet itself when it is stored (mine = 1), else any other facet of the entity (mine = 0), else none (mine
    // null); SQLite takes a bare column beside MAX() from the row with the maximum. Only what the index
    // records_identity holds: a facet's row is read (hashOf) only when it is the one saved — the hash comes after
    // the record's JSON, and reading it walks a large record's overflow pages (a paper's own facet, read for every
    // agenda appearance of the paper when this read took the hash of whichever row had the maximum)
    facetOf: sqlite.prepare<[string, number, string, string], { id: number; mine: number | null }>(
      'SELECT id, MAX(facet = ?) AS mine FROM records WHERE source_id = ? AND kind = ? AND entity_key = ?',
    ),
    hashOf: sqlite.prepare<[number], string>('SELECT record_hash FROM records WHERE id = ?').pluck(),
    insert: sqlite.prepare(
      `INSERT INTO records (source_id, kind, entity_key, facet, record, record_hash, first_seen_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    update: sqlite.prepare('UPDATE records SET record = ?, record_hash = ?, updated_at = ? WHERE id = ?'),
    recordOf: sqlite.prepare<[number], string>('SELECT record FROM records WHERE id = ?').pluck(),
    restate: sqlite.prepare('UPDATE records SET record = ?, record_hash = ? WHERE id = ?'),
    one: sqlite.prepare<[number, string, string, string], string>(
      'SELECT record FROM records WHERE source_id = ? AND kind = ? AND entity_key = ? AND facet = ?',
    ).pluck(),
    drop: sqlite.prepare<[number, string, string, string]>('DELETE FROM records WHERE source_id = ? AND kind = ? AND entity_key = ? AND facet = ?'),
    other: sqlite.prepare<[number, string, string, string], number>(
      'SELECT EXISTS (SELECT 1 FROM records WHERE source_id = ? AND kind = ? AND entity_key = ? AND facet <> ?)',
    ).pluck(),
    all: sqlite.prepare<[number, string, string], { facet: string; record: string }>(
      'SELECT facet, record FROM records WHERE source_id = ? AND kind = ? AND entity_key = ?',
    ),
  };
}

// raw SQL: the import's record facets, once per record
const stmts = declareStatements('facets', prepare);

export interface Saved {
  outcome: Outcome;
  /** the entity had facets before this one was saved */
  existed: boolean;
}

/**
 * Stores one facet; 'inserted' when the entity had no facet before, 'updated' when this facet is new or
 * changed. A facet is stored as JSON.stringify gives it, with the hash of that text: the same text is
 * unchanged at once; another text is compared as JSON with the stored one, so that a record whose keys
 * come in another order (another producer, another version) is unchanged too (its text is stored then,
 * so that the next comparison is the quick one again).
 */
export function saveFacet(
  sqlite: Database.Database,
  sourceId: number,
  kind: string,
  key: string,
  facet: string,
  record: unknown,
  now: string,
): Saved {
  const s = stmts(sqlite);
  const text = JSON.stringify(record);
  const textHash = digest(text);
  const found = s.facetOf.get(facet, sourceId, kind, key)!;
  const existing = found.mine === 1 ? found : undefined;
  if (existing) {
    if (s.hashOf.get(existing.id) === textHash) return { outcome: 'unchanged', existed: true };
    if (sameJson(s.recordOf.get(existing.id)!, text)) {
      s.restate.run(text, textHash, existing.id);
      return { outcome: 'unchanged', existed: true };
    }
    s.update.run(text, textHash, now, existing.id);
    return { outcome: 'updated', existed: true };
  }
  s.insert.run(sourceId, kind, key, facet, text, textHash, now, now);
  return found.mine === 0 ? { outcome: 'updated', existed: true } : { outcome: 'inserted', existed: false };
}

/** One stored facet's record, or null. */
export function loadFacet<T>(sqlite: Database.Database, sourceId: number, kind: string, key: string, facet: string): T | null {
  const text = stmts(sqlite).one.get(sourceId, kind, key, facet);
  return text === undefined ? null : (JSON.parse(text) as T);
}

/** Deletes one stored facet; whether there was one. */
export function dropFacet(sqlite: Database.Database, sourceId: number, kind: string, key: string, facet: string): boolean {
  return stmts(sqlite).drop.run(sourceId, kind, key, facet).changes > 0;
}

/** Whether the entity has a stored facet other than `except`. */
export function hasOtherFacets(sqlite: Database.Database, sourceId: number, kind: string, key: string, except: string): boolean {
  return stmts(sqlite).other.get(sourceId, kind, key, except) === 1;
}

export function loadFacets<T>(sqlite: Database.Database, sourceId: number, kind: string, key: string): Facet<T>[] {
  return stmts(sqlite)
    .all.all(sourceId, kind, key)
    .map((r) => ({ facet: r.facet, record: JSON.parse(r.record) as T }));
}
