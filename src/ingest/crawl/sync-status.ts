/** source_sync: each source's last successful sync and its last failure, written at the end of a run. */
import type Database from 'better-sqlite3';
import type { CrawlReport } from './report';

/** Errors that say why a run failed whatever else went wrong: a RIS that moved to another generation. */
const DECISIVE = ['system-changed'];

/** Why a run failed, in one line: its decisive or else its most frequent error, and an example. */
export function failureSummary(r: CrawlReport): string {
  const [kind, n] = Object.entries(r.errors).sort((a, b) => Number(DECISIVE.includes(b[0])) - Number(DECISIVE.includes(a[0])) || b[1] - a[1])[0] ?? ['error', 0];
  const sample = r.errorSamples.find((s) => s.error === kind);
  return `${n}× ${kind}${sample ? ` (${sample.url}: ${sample.message})` : ''}`;
}

export function recordSync(sqlite: Database.Database, sourceId: number, runId: number, r: CrawlReport, now: string): void {
  sqlite.prepare('INSERT OR IGNORE INTO source_sync (source_id) VALUES (?)').run(sourceId);
  if (r.status === 'done') {
    sqlite.prepare('UPDATE source_sync SET last_success_at = ?, last_success_run_id = ?, last_run_at = ? WHERE source_id = ?').run(now, runId, now, sourceId);
    sqlite.prepare('UPDATE sources SET last_sync_at = ? WHERE id = ?').run(now, sourceId);
  } else {
    sqlite.prepare('UPDATE source_sync SET last_failure_at = ?, last_failure = ?, last_run_at = ? WHERE source_id = ?').run(now, failureSummary(r), now, sourceId);
  }
}

/** A crawl that ended in an exception (unreachable, a bug): recorded as the source's last failure. */
export function recordFailure(sqlite: Database.Database, sourceId: number, message: string, now: string): void {
  sqlite.prepare('INSERT OR IGNORE INTO source_sync (source_id) VALUES (?)').run(sourceId);
  sqlite.prepare('UPDATE source_sync SET last_failure_at = ?, last_failure = ?, last_run_at = ? WHERE source_id = ?').run(now, message, now, sourceId);
}
