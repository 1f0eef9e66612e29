/**
 * `ratsradar scrape`: one run of a source's crawl plan, through the journal. A run is new (full the
 * first time, incremental after a successful one) or the source's unfinished run resumed — killed,
 * or stopped by --max-requests. Workers take the oldest pending URL; each page is done in one
 * transaction (visit.ts). At the end: the report, the source's sync status, the derived states.
 */
import type Database from 'better-sqlite3';
import { programFromUrl } from '../../../scrapers/detect';
import { refreshDerived } from '../../db/derive';
import { nowIso } from '../../util/clock';
import { Fetcher, type FetcherOptions, type FetchEvent } from '../fetch/fetcher';
import {
  claimRun, enqueue, failedInLastRun, findOpenRun, finishRun, heartbeat, HEARTBEAT_MS, heldByOther, lastFinishedRun, nextPending, pendingCount, startRun,
  type Planned, type RunRow,
} from './journal';
import { Allris3Plan } from './allris3-plan';
import { Allris4Plan } from './allris4-plan';
import { OparlPlan } from './oparl-plan';
import type { CrawlPlan, PlanContext } from './plan';
import { emptyReport, type CrawlReport } from './report';
import { saveSource, sourceHosts, type SourceConfig } from './sources';
import { recordSync } from './sync-status';
import { visit } from './visit';
import { defaultFullWindow, incrementalCalendarWindow, incrementalMeetingWindow, type Window } from './window';
import { stmt } from '../../db/registry';
import { documentsToRetry } from '../../db/documents';
import { ExtractPool, type PoolOptions } from '../documents/extract-pool';
import { DOCUMENT_KIND } from './visit-document';

export interface CrawlObserver {
  /** a page is done; `done` of `total` journal entries */
  progress?(done: number, total: number, url: string, outcome: string): void;
  fetchEvent?(e: FetchEvent): void;
}

export interface CrawlOptions {
  source: SourceConfig;
  storeDir: string;
  failuresDir: string;
  userAgent: string;
  today: string;
  /** the window of a full run (default: six months back, two ahead) */
  since?: string;
  until?: string;
  /** a full run even when the source was crawled before */
  full?: boolean;
  maxRequests?: number;
  rate?: number;
  concurrency?: number;
  /** send every request to this server (the replay server) */
  via?: string;
  /** pages to crawl besides the plan's roots (a new run only) */
  seeds?: string[];
  /** fetcher knobs for tests (timeouts, backoff) */
  fetcher?: Partial<FetcherOptions>;
  now?: () => string;
  pid?: number;
  observer?: CrawlObserver;
  /** asked before each page: true stops the run after the pages in flight (status "stopped", resumable) */
  shouldStop?: () => boolean;
  /** fetch and read the motions' documents (default true; --no-documents: false) */
  documents?: boolean;
  /** the extraction pool's knobs (tests: a short time limit) */
  extraction?: PoolOptions;
}

/** Another process is crawling this source right now. */
export class CrawlBusyError extends Error {}

export function planFor(system: SourceConfig['system']): CrawlPlan {
  switch (system) {
    case 'allris3': return new Allris3Plan();
    case 'allris4': return new Allris4Plan();
    case 'oparl': return new OparlPlan();
  }
}

const SEED_KINDS: Record<string, string> = {
  vo020: 'paper', to010: 'meeting', to020: 'item', si010: 'calendar', au020: 'committee', pa020: 'committee', gr020: 'committee',
  fr010: 'faction-list', fr020: 'faction', vo040: 'paper-list', start: 'start',
};

/** The journal kind of a page named by URL (a seed). */
export function kindOfUrl(system: SourceConfig['system'], url: string): string {
  if (/\/oparl\b/i.test(url) || (system === 'oparl' && !programFromUrl(url))) return 'oparl';
  const program = programFromUrl(url);
  if (program === 'si010' && system === 'allris4') return 'calendar-ajax';
  return (program && SEED_KINDS[program]) ?? 'page';
}

/** OParl modified_since of an incremental run: the last successful sync, a day earlier (the overlap). */
export function overlapStart(lastSuccessAt: string): string {
  return new Date(Date.parse(lastSuccessAt) - 24 * 3600 * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function newestPaperId(sqlite: Database.Database, sourceId: number): number | null {
  const v = stmt(sqlite, `SELECT MAX(CAST(external_id AS INTEGER)) FROM papers WHERE source_id = ? AND external_id GLOB '[0-9]*'`)
    .pluck()
    .get(sourceId) as number | null;
  return v ?? null;
}

function contextOf(sqlite: Database.Database, sourceId: number, source: SourceConfig, run: RunRow, report: CrawlReport): PlanContext {
  const full: Window = { from: report.plan.since, to: report.plan.until };
  const incremental = run.mode === 'incremental';
  return {
    sqlite, sourceId, source, mode: run.mode, today: run.today,
    calendarWindow: incremental ? incrementalCalendarWindow(run.today) : full,
    meetingWindow: incremental ? incrementalMeetingWindow(run.today) : full,
    newestPaperId: report.plan.newestPaperId,
    modifiedSince: report.plan.modifiedSince ?? null,
  };
}

export async function crawl(sqlite: Database.Database, o: CrawlOptions): Promise<CrawlReport> {
  const now = o.now ?? nowIso;
  const pid = o.pid ?? process.pid;
  const sourceId = saveSource(sqlite, o.source);
  const plan = planFor(o.source.system);
  let run = findOpenRun(sqlite, sourceId);
  if (run && heldByOther(run, pid, now())) throw new CrawlBusyError(`${o.source.key} is being crawled by process ${run.pid}; wait for it to finish`);
  let report: CrawlReport;
  let ctx: PlanContext;
  if (run) {
    claimRun(sqlite, run.id, pid, now());
    const stored = stmt(sqlite, 'SELECT report FROM crawl_runs WHERE id = ?').pluck().get(run.id) as string | null;
    const window = defaultFullWindow(run.today);
    report = stored ? (JSON.parse(stored) as CrawlReport) : emptyReport(o.source.key, run.id, run.mode, run.startedAt, { newestPaperId: null, since: run.since ?? window.from, until: run.until ?? window.to, modifiedSince: null });
    report.status = 'running';
    ctx = contextOf(sqlite, sourceId, o.source, run, report);
  } else {
    const mode = o.full || !lastFinishedRun(sqlite, sourceId) ? 'full' : 'incremental';
    const retries = mode === 'incremental' ? failedInLastRun(sqlite, sourceId) : [];
    const window = defaultFullWindow(o.today);
    const since = o.since ?? window.from;
    const until = o.until ?? window.to;
    const runId = startRun(sqlite, { sourceId, mode, since, until, today: o.today, now: now(), pid });
    run = findOpenRun(sqlite, sourceId)!;
    const lastSuccess = stmt(sqlite, 'SELECT last_success_at FROM source_sync WHERE source_id = ?').pluck().get(sourceId) as string | undefined;
    const modifiedSince = mode === 'incremental' && lastSuccess ? overlapStart(lastSuccess) : `${since}T00:00:00Z`;
    report = emptyReport(o.source.key, runId, mode, run.startedAt, { newestPaperId: newestPaperId(sqlite, sourceId), since, until, modifiedSince });
    ctx = contextOf(sqlite, sourceId, o.source, run, report);
    const seeds: Planned[] = (o.seeds ?? []).map((url) => ({ url, kind: kindOfUrl(o.source.system, url) }));
    // documents that failed before are fetched again, whatever the pages lead to
    const documents: Planned[] = o.documents === false ? [] : documentsToRetry(sqlite, sourceId).map((url) => ({ url, kind: DOCUMENT_KIND }));
    sqlite.transaction(() => {
      enqueue(sqlite, runId, [...plan.roots(ctx), ...seeds, ...retries, ...documents], null, now());
      stmt(sqlite, 'UPDATE crawl_runs SET report = ? WHERE id = ?').run(JSON.stringify(report), runId);
    }).immediate();
  }
  const runId = run.id;
  const requestsBefore = report.requests;
  const fetcher = new Fetcher({
    userAgent: o.userAgent, allowedHosts: sourceHosts(o.source), via: o.via, rate: o.rate, concurrency: o.concurrency,
    maxRequests: o.maxRequests, onEvent: o.observer?.fetchEvent, ...o.fetcher,
  });
  const saveReport = () => {
    report.requests = requestsBefore + fetcher.requests;
    stmt(sqlite, 'UPDATE crawl_runs SET report = ?, heartbeat_at = ? WHERE id = ?').run(JSON.stringify(report), now(), runId);
  };
  let pool: ExtractPool | null = null;
  const documents = o.documents === false ? null : () => (pool ??= new ExtractPool(o.extraction));
  const env = { sqlite, fetcher, plan, ctx, report, storeDir: o.storeDir, failuresDir: o.failuresDir, runId, now, saveReport, documents };
  const busy = new Set<number>();
  let stopped = false;
  const total = () => stmt(sqlite, 'SELECT COUNT(*) FROM crawl_queue WHERE run_id = ?').pluck().get(runId) as number;
  const doneCount = () => stmt(sqlite, `SELECT COUNT(*) FROM crawl_queue WHERE run_id = ? AND state <> 'pending'`).pluck().get(runId) as number;
  const worker = async (): Promise<void> => {
    for (;;) {
      if (stopped || o.shouldStop?.()) return;
      const entry = nextPending(sqlite, runId, busy);
      if (!entry) {
        if (busy.size === 0) return;
        await new Promise((r) => setTimeout(r, 10));
        continue;
      }
      busy.add(entry.id);
      try {
        if ((await visit(env, entry)) === 'budget') stopped = true;
        else if (o.observer?.progress) {
          const outcome = stmt(sqlite, 'SELECT outcome FROM crawl_queue WHERE id = ?').pluck().get(entry.id) as string;
          o.observer.progress(doneCount(), total(), entry.url, outcome);
        }
      } finally {
        busy.delete(entry.id);
      }
    }
  };
  const workers = Math.max(1, o.concurrency ?? 1) * Math.max(1, sourceHosts(o.source).length);
  // the heartbeat also while one page takes long (retries, a host's Retry-After): the lock's proof of life
  const beating = setInterval(() => {
    try {
      heartbeat(sqlite, runId, now());
    } catch {
      // busy for longer than busy_timeout: the next beat or the next page writes it
    }
  }, HEARTBEAT_MS);
  beating.unref();
  try {
    await Promise.all(Array.from({ length: workers }, () => worker()));
  } finally {
    clearInterval(beating);
    await (pool as ExtractPool | null)?.close();
  }
  heartbeat(sqlite, runId, now());
  report.pending = pendingCount(sqlite, runId);
  report.requests = requestsBefore + fetcher.requests;
  const fetchedAny = report.pages.fetched > 0;
  report.status = report.pending > 0 ? 'stopped' : fetchedAny || Object.keys(report.errors).length === 0 ? 'done' : 'failed';
  report.finishedAt = report.status === 'stopped' ? null : now();
  sqlite.transaction(() => {
    finishRun(sqlite, runId, report.status, report, now());
    if (report.status !== 'stopped') recordSync(sqlite, sourceId, runId, report, now());
  }).immediate();
  refreshDerived(sqlite, ctx.today);
  return report;
}
