/** The records table: every imported record kept as a facet of its entity (see schema.ts `records`). */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Facet } from './merge';

export type Outcome = 'inserted' | 'updated' | 'unchanged';

/** Canonical JSON (sorted keys) so that equal records hash equally. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function hashOf(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

const cache = new WeakMap<Database.Database, ReturnType<typeof prepare>>();

function prepare(sqlite: Database.Database) {
  return {
    find: sqlite.prepare<[number, string, string, string], { id: number; record_hash: string }>(
      'SELECT id, record_hash FROM records WHERE source_id = ? AND kind = ? AND entity_key = ? AND facet = ?',
    ),
    insert: sqlite.prepare(
      `INSERT INTO records (source_id, kind, entity_key, facet, record, record_hash, first_seen_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    update: sqlite.prepare('UPDATE records SET record = ?, record_hash = ?, updated_at = ? WHERE id = ?'),
    all: sqlite.prepare<[number, string, string], { facet: string; record: string }>(
      'SELECT facet, record FROM records WHERE source_id = ? AND kind = ? AND entity_key = ?',
    ),
    any: sqlite.prepare<[number, string, string], { n: number }>(
      'SELECT COUNT(*) AS n FROM records WHERE source_id = ? AND kind = ? AND entity_key = ?',
    ),
  };
}

function stmts(sqlite: Database.Database) {
  let s = cache.get(sqlite);
  if (!s) cache.set(sqlite, (s = prepare(sqlite)));
  return s;
}

/** Stores one facet; 'inserted' when the entity had no facet before, 'updated' when this facet is new or changed. */
export function saveFacet(
  sqlite: Database.Database,
  sourceDbId: number,
  kind: string,
  key: string,
  facet: string,
  record: unknown,
  now: string,
): Outcome {
  const s = stmts(sqlite);
  const hash = hashOf(record);
  const existing = s.find.get(sourceDbId, kind, key, facet);
  if (existing) {
    if (existing.record_hash === hash) return 'unchanged';
    s.update.run(JSON.stringify(record), hash, now, existing.id);
    return 'updated';
  }
  const entityExisted = s.any.get(sourceDbId, kind, key)!.n > 0;
  s.insert.run(sourceDbId, kind, key, facet, JSON.stringify(record), hash, now, now);
  return entityExisted ? 'updated' : 'inserted';
}

export function loadFacets<T>(sqlite: Database.Database, sourceDbId: number, kind: string, key: string): Facet<T>[] {
  return stmts(sqlite)
    .all.all(sourceDbId, kind, key)
    .map((r) => ({ facet: r.facet, record: JSON.parse(r.record) as T }));
}
