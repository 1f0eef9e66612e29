/**
 * papers.data_as_of: when a paper's data was last read from the RIS — the latest read of any page that
 * contributed to it (its own page or OParl object, an OParl list holding it, an agenda naming it).
 * The read time comes from the caller: the fetch time for crawled pages (visit.ts, reparse.ts), the time a
 * saved page states or else its file time (saved-pages.ts), the story day for the demo (demo.ts). An import
 * without a read time leaves it as it is: the import time is never the RIS's time.
 */
import type Database from 'better-sqlite3';
import type { RisRecord } from '../../scrapers/records';
import { paperKey } from './identity';
import { stmt } from './registry';

const UPDATE = `UPDATE papers SET data_as_of = @at, derived_on = NULL
  WHERE source_id = @sourceId AND entity_key = @key AND (data_as_of IS NULL OR data_as_of < @at)`;

/** "2025-12-03T13:52:55+01:00" / a Date's ISO string → "2025-12-03T12:52:55Z"; null when not a date-time. */
export function toInstant(value: string | Date | null | undefined): string | null {
  if (value == null) return null;
  if (typeof value === 'string' && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const ms = typeof value === 'string' ? Date.parse(value) : value.getTime();
  if (Number.isNaN(ms)) return null;
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Moves data_as_of of the papers `keys` (entity keys of one source) forward to `readAt`; an older read
 * never moves it back. A paper whose data_as_of moves is derived again (derived_on NULL): its durations,
 * and so whether it rests, are counted to that day (src/domain/data-age.ts); refreshDerived rewrites only
 * the rows whose derived columns then differ.
 */
export function noteRead(sqlite: Database.Database, sourceId: number, keys: Iterable<string>, readAt: string): void {
  const at = toInstant(readAt);
  if (at == null) return;
  const update = stmt(sqlite, UPDATE);
  for (const key of keys) update.run({ at, sourceId, key });
}

/** The papers a record tells something about: its own paper, the papers of an OParl list, those an agenda names by id. */
export function recordPaperKeys(r: RisRecord): string[] {
  switch (r.type) {
    case 'Paper': {
      const key = paperKey(r);
      return key ? [key] : [];
    }
    case 'List':
      return r.items.flatMap((i) => (i.type === 'Paper' && i.system === 'oparl' ? recordPaperKeys(i) : []));
    case 'Meeting':
      return r.agendaItem.flatMap((a) => {
        const key = a.paperSourceId || a.paperReference
          ? paperKey({ system: r.system, sourceId: a.paperSourceId ?? null, reference: a.paperReference ?? null } as never)
          : null;
        return key ? [key] : [];
      });
    default:
      return [];
  }
}

/** A page read again without a change (same bytes, or 304): its papers' data is as of this read. */
export function noteRecordRead(sqlite: Database.Database, sourceKey: string, record: RisRecord, readAt: string): void {
  const source = stmt<[string], { id: number }>(sqlite, 'SELECT id FROM sources WHERE key = ?').get(sourceKey);
  if (source) noteRead(sqlite, source.id, recordPaperKeys(record), readAt);
}
