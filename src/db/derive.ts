/**
 * Stores what src/domain/progress derives for a day (state, current and next station, last activity)
 * in the papers table, so that lists filter and sort in SQL. Run after each import and once a day
 * (the server refreshes stale rows when it starts and when the day changes).
 */
import type Database from 'better-sqlite3';
import type { PaperRecord } from '../../scrapers/records';
import { progress } from '../domain/progress';
import { loadPaper } from './queries';

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

/** Re-derives every paper whose derived_on is not `today` (or every paper with `all`). Returns how many rows changed. */
export function refreshDerived(sqlite: Database.Database, today: string, opts: { all?: boolean } = {}): number {
  const ids = sqlite
    .prepare(opts.all ? 'SELECT id FROM papers' : 'SELECT id FROM papers WHERE derived_on IS NULL OR derived_on <> ?')
    .pluck()
    .all(...(opts.all ? [] : [today])) as number[];
  const update = sqlite.prepare(`UPDATE papers SET state=@state, current_organization=@currentOrganization,
    next_organization=@nextOrganization, next_role=@nextRole, next_date=@nextDate, last_activity=@lastActivity,
    derived_on=@today WHERE id=@id`);
  const run = sqlite.transaction(() => {
    for (const id of ids) {
      const stored = loadPaper(sqlite, id);
      if (!stored) continue;
      update.run({ id, today, ...derivedColumns(stored.record, today) });
    }
  });
  run();
  return ids.length;
}
