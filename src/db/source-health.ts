/**
 * Data health per source, for /health and the web app: when each crawled source was last synced
 * successfully, and its last failure — so nobody reads stale data without knowing.
 */
import type Database from 'better-sqlite3';
import { and, asc, eq, exists, inArray, sql } from 'drizzle-orm';
import type { Db } from './app-schema';
import { declareStatements } from './registry';
import { sources } from './schema';
import { crawlRuns, sourceSync } from './schema-crawl';

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

// /health and the start page's data age: not hot, so drizzle's typed prepared query, declared once
const healthStmts = declareStatements('source-health', (_sqlite: Database.Database, db: Db) => ({
  sources: db.select({
    key: sources.key, name: sources.name, system: sources.system, isDemo: sources.isDemo,
    lastSuccessAt: sql<string | null>`COALESCE(${sourceSync.lastSuccessAt}, ${sources.lastSyncAt})`,
    lastFailureAt: sourceSync.lastFailureAt, lastFailure: sourceSync.lastFailure,
    inProgress: exists(db.select({ one: sql`1` }).from(crawlRuns).where(and(eq(crawlRuns.sourceId, sources.id), inArray(crawlRuns.status, ['running', 'stopped'])))),
  }).from(sources).leftJoin(sourceSync, eq(sourceSync.sourceId, sources.id)).orderBy(asc(sources.name)).prepare(),
}));

export function loadSourceHealth(sqlite: Database.Database, now: string): SourceHealth[] {
  const rows = healthStmts(sqlite).sources.all();
  const at = Date.parse(now);
  return rows.map((r) => ({
    key: r.key,
    name: r.name,
    system: r.system,
    isDemo: r.isDemo,
    lastSuccessAt: r.lastSuccessAt,
    lastFailureAt: r.lastFailureAt,
    lastFailure: r.lastFailure,
    failing: !!r.lastFailureAt && (!r.lastSuccessAt || r.lastFailureAt > r.lastSuccessAt),
    crawlInProgress: !!r.inProgress,
    hoursSinceSuccess: r.lastSuccessAt && !Number.isNaN(at) ? Math.max(0, Math.round((at - Date.parse(r.lastSuccessAt)) / 36e5)) : null,
  }));
}
