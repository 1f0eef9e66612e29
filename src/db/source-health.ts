/**
 * Data health per source, for /health and the web app: when each crawled source was last synced
 * successfully, and its last failure — so nobody reads stale data without knowing.
 */
import type Database from 'better-sqlite3';
import { stmt } from './registry';

export interface SourceHealth {
  key: string;
  name: string;
  system: string | null;
  isDemo: boolean;
  /** ISO time of the last crawl that finished, or null (never crawled: imported pages or the demo) */
  lastSuccessAt: string | null;
  lastFailureAt: string | null;
  /** one line: what went wrong last */
  lastFailure: string | null;
  /** the failure is newer than the last success */
  failing: boolean;
  /** a crawl is running or stopped half-way (resumable) */
  crawlInProgress: boolean;
  /** hours since the last successful sync at `now`, or null */
  hoursSinceSuccess: number | null;
}

export function loadSourceHealth(sqlite: Database.Database, now: string): SourceHealth[] {
  const rows = stmt(sqlite, `SELECT s.key, s.name, s.system, s.is_demo, COALESCE(y.last_success_at, s.last_sync_at) AS last_success_at,
        y.last_failure_at, y.last_failure,
        EXISTS (SELECT 1 FROM crawl_runs r WHERE r.source_id = s.id AND r.status IN ('running', 'stopped')) AS in_progress
      FROM sources s LEFT JOIN source_sync y ON y.source_id = s.id ORDER BY s.name`)
    .all() as { key: string; name: string; system: string | null; is_demo: number; last_success_at: string | null; last_failure_at: string | null; last_failure: string | null; in_progress: number }[];
  const at = Date.parse(now);
  return rows.map((r) => ({
    key: r.key,
    name: r.name,
    system: r.system,
    isDemo: !!r.is_demo,
    lastSuccessAt: r.last_success_at,
    lastFailureAt: r.last_failure_at,
    lastFailure: r.last_failure,
    failing: !!r.last_failure_at && (!r.last_success_at || r.last_failure_at > r.last_success_at),
    crawlInProgress: !!r.in_progress,
    hoursSinceSuccess: r.last_success_at && !Number.isNaN(at) ? Math.max(0, Math.round((at - Date.parse(r.last_success_at)) / 36e5)) : null,
  }));
}
