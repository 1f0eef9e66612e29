/**
 * `ratsradar serve --refresh 6h`: incremental crawls of the configured sources in the background, one
 * source after the other, never two at once — a tick that finds the previous refresh still running is
 * skipped, and a source another process is crawling (`ratsradar scrape`) is left to it. Failures land
 * in source_sync (the data health the web app shows); the server keeps serving.
 */
import path from 'node:path';
import type Database from 'better-sqlite3';
import { nowIso, todayInBerlin } from '../../util/clock';
import { crawl, CrawlBusyError } from './crawler';
import { userAgent } from './command';
import type { CrawlReport } from './report';
import { allSources, loadDbSources, saveSource, type SourceConfig } from './sources';
import { recordFailure } from './sync-status';
import { stmt } from '../../db/registry';

const UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "6h", "30m", "90s", "1d" → milliseconds; null when the text is no duration (at least one second). */
export function parseDuration(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*([smhd])$/i.exec(text.trim());
  if (!m) return null;
  const ms = Number(m[1]) * UNITS[m[2].toLowerCase()];
  return ms >= 1000 ? ms : null;
}

/** The sources to refresh: those crawled before, and those added with `sources add`. */
export function refreshableSources(sqlite: Database.Database): SourceConfig[] {
  const crawled = new Set(stmt(sqlite, 'SELECT DISTINCT s.key FROM crawl_runs r JOIN sources s ON s.id = r.source_id').pluck().all() as string[]);
  for (const s of loadDbSources(sqlite)) crawled.add(s.key);
  return allSources(sqlite).filter((s) => crawled.has(s.key));
}

export interface RefresherOptions {
  intervalMs: number;
  sources: () => SourceConfig[];
  /** crawls one source; `shouldStop` turns true when the server stops (the run stops, resumable) */
  crawlOne: (s: SourceConfig, shouldStop: () => boolean) => Promise<CrawlReport>;
  log: (line: string) => void;
  onError: (s: SourceConfig, err: Error) => void;
}

export class Refresher {
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<void> | null = null;
  private stopping = false;
  /** refreshes started and skipped (a tick while one was running) */
  readonly stats = { started: 0, skipped: 0 };

  constructor(private readonly o: RefresherOptions) {}

  /** The first refresh now, then one every interval. */
  start(): void {
    void this.tick();
    this.timer = setInterval(() => void this.tick(), this.o.intervalMs);
    this.timer.unref();
  }

  /** One refresh of every source, unless one is running. */
  tick(): Promise<void> {
    if (this.current) {
      this.stats.skipped++;
      this.o.log('refresh: the previous refresh is still running; this one is skipped');
      return this.current;
    }
    this.stats.started++;
    this.current = this.runAll().finally(() => {
      this.current = null;
    });
    return this.current;
  }

  private async runAll(): Promise<void> {
    for (const s of this.o.sources()) {
      if (this.stopping) return;
      try {
        const r = await this.o.crawlOne(s, () => this.stopping);
        this.o.log(`refresh ${s.key}: ${r.status}, ${r.pages.fetched} pages fetched (${r.pages.changed} changed, ${r.pages.new} new)`);
      } catch (err) {
        if (err instanceof CrawlBusyError) this.o.log(`refresh ${s.key}: skipped, ${err.message}`);
        else this.o.onError(s, err as Error);
      }
    }
  }

  /** Stops the schedule; a running crawl stops after the page in flight (its run resumes next time). */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.current;
  }
}

/** The refresher of `serve`: crawls into the served database, the page store beside it. */
export function serveRefresher(
  sqlite: Database.Database,
  dbFile: string,
  intervalMs: number,
  opts: { via?: string; rate?: number; log?: (line: string) => void } = {},
): Refresher {
  const store = process.env.RATSRADAR_STORE ?? path.join(path.dirname(dbFile), 'store');
  return new Refresher({
    intervalMs,
    sources: () => refreshableSources(sqlite),
    crawlOne: (source, shouldStop) => crawl(sqlite, {
      source, storeDir: store, failuresDir: path.join(path.dirname(store), 'failures'), userAgent: userAgent(process.env.RATSRADAR_CONTACT),
      today: todayInBerlin(), via: opts.via, rate: opts.rate, shouldStop,
    }),
    log: opts.log ?? ((line) => process.stdout.write(`${line}\n`)),
    onError: (s, err) => {
      recordFailure(sqlite, saveSource(sqlite, s), err.message.split('\n')[0], nowIso());
      process.stderr.write(`ratsradar serve: refresh of ${s.key} failed: ${err.message.split('\n')[0]}\n`);
    },
  });
}
