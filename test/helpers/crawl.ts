/** Crawling the replayed corpus in tests: a fresh database, store and failures folder per test, a high rate. */
import path from 'node:path';
import type Database from 'better-sqlite3';
import { crawl, type CrawlOptions } from '../../src/ingest/crawl/crawler';
import { findSource } from '../../src/ingest/crawl/sources';

export const TEST_UA = 'ratsradar-test/1 (+mailto:test@example.org)';

export function crawlCorpus(sqlite: Database.Database, dir: string, key: string, via: string, opts: Partial<CrawlOptions> = {}) {
  const source = findSource(sqlite, key);
  if (!source) throw new Error(`no source ${key}`);
  return crawl(sqlite, {
    source, storeDir: path.join(dir, 'store'), failuresDir: path.join(dir, 'failures'), userAgent: TEST_UA, today: '2026-09-20', via,
    rate: 1000, fetcher: { backoffBaseMs: 5, timeoutMs: 1000 }, ...opts,
  });
}

/** The URLs a run fetched successfully (host + path + query), in journal order. */
export function fetchedUrls(sqlite: Database.Database, runId: number): string[] {
  return (sqlite.prepare(`SELECT url FROM crawl_queue WHERE run_id = ? AND state = 'done' ORDER BY id`).pluck().all(runId) as string[]);
}
