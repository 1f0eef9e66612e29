/**
 * The crawl journal in SQLite: runs (crawl_runs) and the URLs each has planned (crawl_queue).
 * A URL enters a run once (unique index: nothing twice); it is marked done in the same transaction that
 * imports its page (nothing lost), so a crawl killed at any moment resumes where it stood.
 */
import type Database from 'better-sqlite3';
import { stmt } from '../../db/registry';

export type RunMode = 'full' | 'incremental';
export type RunStatus = 'running' | 'stopped' | 'done' | 'failed';
export type EntryState = 'pending' | 'done' | 'failed' | 'skipped';

export interface RunRow {
  id: number;
  sourceId: number;
  mode: RunMode;
  status: RunStatus;
  since: string | null;
  until: string | null;
  today: string;
  startedAt: string;
  pid: number | null;
  heartbeatAt: string | null;
}

export interface QueueEntry {
  id: number;
  url: string;
  kind: string;
  parentUrl: string | null;
  attempts: number;
}

export interface Planned {
  url: string;
  kind: string;
}

const RUN_COLUMNS = `id, source_id AS sourceId, mode, status, since, until, today, started_at AS startedAt, pid, heartbeat_at AS heartbeatAt`;

export function findOpenRun(sqlite: Database.Database, sourceId: number): RunRow | null {
  return (stmt(sqlite, `SELECT ${RUN_COLUMNS} FROM crawl_runs WHERE source_id = ? AND status IN ('running', 'stopped') ORDER BY id DESC LIMIT 1`)
    .get(sourceId) as RunRow | undefined) ?? null;
}

export function lastFinishedRun(sqlite: Database.Database, sourceId: number): RunRow | null {
  return (stmt(sqlite, `SELECT ${RUN_COLUMNS} FROM crawl_runs WHERE source_id = ? AND status = 'done' ORDER BY id DESC LIMIT 1`)
    .get(sourceId) as RunRow | undefined) ?? null;
}

/**
 * The pages that failed (not: were skipped as final, e.g. a 404) in the source's last finished run:
 * an incremental run plans them again, whatever the database holds for them — a paper whose own page
 * failed can have a placeholder row (from an agenda) whose state looks final, and would never be asked
 * for again. A page that fails again is planned by the next run again.
 */
export function failedInLastRun(sqlite: Database.Database, sourceId: number): Planned[] {
  return stmt(sqlite, `SELECT url, kind FROM crawl_queue WHERE state = 'failed' AND run_id =
      (SELECT id FROM crawl_runs WHERE source_id = ? AND status IN ('done', 'failed') ORDER BY id DESC LIMIT 1) ORDER BY id`)
    .all(sourceId) as Planned[];
}

export function startRun(
  sqlite: Database.Database,
  r: { sourceId: number; mode: RunMode; since: string | null; until: string | null; today: string; now: string; pid: number },
): number {
  return Number(
    stmt(sqlite, `INSERT INTO crawl_runs (source_id, mode, status, since, until, today, started_at, pid, heartbeat_at)
        VALUES (?, ?, 'running', ?, ?, ?, ?, ?, ?)`)
      .run(r.sourceId, r.mode, r.since, r.until, r.today, r.now, r.pid, r.now).lastInsertRowid,
  );
}

/** Takes a run over for this process (a resumed run, or a new one). */
export function claimRun(sqlite: Database.Database, runId: number, pid: number, now: string): void {
  stmt(sqlite, `UPDATE crawl_runs SET status = 'running', pid = ?, heartbeat_at = ? WHERE id = ?`).run(pid, now, runId);
}

export function heartbeat(sqlite: Database.Database, runId: number, now: string): void {
  stmt(sqlite, 'UPDATE crawl_runs SET heartbeat_at = ? WHERE id = ?').run(now, runId);
}

export function finishRun(sqlite: Database.Database, runId: number, status: RunStatus, report: unknown, now: string): void {
  stmt(sqlite, 'UPDATE crawl_runs SET status = ?, finished_at = ?, report = ?, pid = NULL WHERE id = ?')
    .run(status, status === 'stopped' ? null : now, JSON.stringify(report), runId);
}

/** Adds URLs to the run; a URL already in it is left as it is. Returns how many were new. */
export function enqueue(sqlite: Database.Database, runId: number, pages: Planned[], parentUrl: string | null, now: string): number {
  const insert = stmt(sqlite, `INSERT OR IGNORE INTO crawl_queue (run_id, url, kind, parent_url, state, updated_at) VALUES (?, ?, ?, ?, 'pending', ?)`);
  let n = 0;
  for (const p of pages) n += insert.run(runId, p.url, p.kind, parentUrl, now).changes;
  return n;
}

/**
 * The next entry to visit, not in `busy`: the oldest pending page of a list whose paging lives in the RIS's
 * session (ALLRIS 3 vo040 "shownext": its next page must be asked for before the session runs out, not
 * after every page planned before it), else the oldest pending entry.
 */
export function nextPending(sqlite: Database.Database, runId: number, busy: Set<number>): QueueEntry | null {
  const columns = 'id, url, kind, parent_url AS parentUrl, attempts';
  const lists = stmt(sqlite, `SELECT ${columns} FROM crawl_queue WHERE run_id = ? AND state = 'pending' AND kind = 'paper-list' ORDER BY id LIMIT ?`)
    .all(runId, busy.size + 1) as QueueEntry[];
  const list = lists.find((r) => !busy.has(r.id));
  if (list) return list;
  const rows = stmt(sqlite, `SELECT ${columns} FROM crawl_queue WHERE run_id = ? AND state = 'pending' ORDER BY id LIMIT ?`)
    .all(runId, busy.size + 1) as QueueEntry[];
  return rows.find((r) => !busy.has(r.id)) ?? null;
}

export function completeEntry(
  sqlite: Database.Database,
  entryId: number,
  state: Exclude<EntryState, 'pending'>,
  outcome: string,
  error: string | null,
  attempts: number,
  now: string,
): void {
  stmt(sqlite, 'UPDATE crawl_queue SET state = ?, outcome = ?, error = ?, attempts = attempts + ?, updated_at = ? WHERE id = ?')
    .run(state, outcome, error, attempts, now, entryId);
}

export function pendingCount(sqlite: Database.Database, runId: number): number {
  return stmt(sqlite, `SELECT COUNT(*) FROM crawl_queue WHERE run_id = ? AND state = 'pending'`).pluck().get(runId) as number;
}

export function queueCount(sqlite: Database.Database, runId: number): number {
  return stmt(sqlite, 'SELECT COUNT(*) FROM crawl_queue WHERE run_id = ?').pluck().get(runId) as number;
}

/** How often a running crawl writes its heartbeat (crawl_runs.heartbeat_at), besides after every page. */
export const HEARTBEAT_MS = 30_000;
/** A run whose heartbeat is older than this is not held by anyone, whatever its PID says. */
export const STALE_AFTER_MS = 5 * 60_000;

/**
 * Is the run held by another process that is still crawling? Its PID alone does not say so — after a
 * crash or a reboot the PID may belong to an unrelated process, and every crawl would be refused — so
 * the run's heartbeat must also be fresh: written less than STALE_AFTER_MS before `now` (a crawl
 * writes one every HEARTBEAT_MS and after every page).
 */
export function heldByOther(run: RunRow, ownPid: number, now: string): boolean {
  if (run.status !== 'running' || !run.pid || run.pid === ownPid) return false;
  const beat = run.heartbeatAt ? Date.parse(run.heartbeatAt) : Number.NaN;
  const at = Date.parse(now);
  if (Number.isNaN(beat) || Number.isNaN(at) || at - beat > STALE_AFTER_MS) return false;
  try {
    process.kill(run.pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
