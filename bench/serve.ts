/**
 * Section 3 (serve) for one database: forks bench/serve-child.ts, finds the pages to load (motions,
 * committees, meetings, searches, feeds — routes that do not exist yet are "n/a"), and runs autocannon
 * on each at every concurrency, with the bare route measured before and after each block as the
 * baseline of the ratios. Ends with the child's peak RSS.
 *
 * The server keeps finished answers by ETag (src/server/response-cache.ts), and the routes rotate over
 * 64 pages each, so most of their requests are answered from that cache. The "fresh render" rows load
 * the motion, committee and meeting pages again with a query parameter of their own per request
 * (?_r=N, which the routes ignore but the cache key includes): every request renders. They run at
 * c ≤ FRESH_MAX_CONNECTIONS only, after the other runs (so that their misses do not evict the other
 * routes' answers), with the ratio to the same concurrency's bare median; bench/targets.ts judges the
 * motion, committee and meeting rows at c=1 (freshTargets), the other targets on the normal routes.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { runLoad, uniquePath, type LoadResult } from './load';
import type { MemoryFigures } from './memory';
import { Random } from './random';

/** the same pages as motion, committee and meeting, each request with a URL of its own: rendered every time */
export const FRESH_ROUTES = ['motion-fresh', 'committee-fresh', 'meeting-fresh', 'calendar-fresh'] as const;
export type FreshRouteName = (typeof FRESH_ROUTES)[number];
export const ROUTES = ['bare', 'start', 'motion', 'committee', 'meeting', 'search-common', 'search', 'feed', 'dashboard', 'calendar', ...FRESH_ROUTES] as const;
export type RouteName = (typeof ROUTES)[number];
/** the fresh-render rows are measured at these concurrencies only (not at c=50: the bench stays under 10 minutes) */
export const FRESH_MAX_CONNECTIONS = 10;

const FRESH_OF: Record<FreshRouteName, RouteName> = { 'motion-fresh': 'motion', 'committee-fresh': 'committee', 'meeting-fresh': 'meeting', 'calendar-fresh': 'calendar' };

export function isFreshRoute(r: RouteName): r is FreshRouteName {
  return (FRESH_ROUTES as readonly string[]).includes(r);
}

export const ROUTE_LABELS: Record<RouteName, string> = {
  bare: 'bare Express route', start: 'start page /', motion: 'motion /papers/:id', committee: 'committee /organizations/:id',
  meeting: 'meeting /meetings/:id', 'search-common': 'search, most common words', search: 'search, mixed queries', feed: 'feed (Atom)', dashboard: 'dashboard /dashboard',
  calendar: 'meeting calendar /sitzungen',
  'motion-fresh': 'motion (fresh render)', 'committee-fresh': 'committee (fresh render)', 'meeting-fresh': 'meeting (fresh render)',
  'calendar-fresh': 'meeting calendar (fresh render)',
};

export interface RouteFigures extends LoadResult {
  route: RouteName;
  connections: number;
  /** req/s relative to the bare route in the same block */
  ratio: number;
}

export interface ServeResult {
  motions: number;
  routes: RouteFigures[];
  /** routes that do not exist (yet), with why */
  missing: Partial<Record<RouteName, string>>;
  /** the bare route's req/s over its runs at each concurrency (one before every route) */
  bare: { connections: number; min: number; median: number; max: number }[];
  memory: MemoryFigures;
  seconds: number;
}

/** Words of the motion titles by frequency (what "the most common words" are for this database). */
function commonWords(db: Database.Database): string[] {
  const counts = new Map<string, number>();
  const names = db.prepare('SELECT name FROM papers WHERE name IS NOT NULL ORDER BY id LIMIT 20000').pluck().all() as string[];
  for (const n of names) {
    for (const w of n.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (w.length >= 3) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([w]) => w);
}

/**
 * The calendar's pages: all cities and one city, each in the generated day's month and the months around
 * it, and single committees (up to 64 in all).
 */
function calendarPaths(db: Database.Database, rnd: Random): string[] {
  const today = (db.prepare('SELECT derived_on FROM papers WHERE derived_on IS NOT NULL LIMIT 1').pluck().get() as string | undefined) ?? '2026-10-01';
  const [y, m] = today.split('-').map(Number);
  const months = [-2, -1, 0, 1, 2].map((d) => {
    const i = y * 12 + (m - 1) + d;
    return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
  });
  const cities = db.prepare('SELECT key FROM sources ORDER BY id').pluck().all() as string[];
  const committees = db.prepare(`SELECT s.key || ':' || o.name FROM organizations o JOIN sources s ON s.id = o.source_id
    WHERE o.kind IN ('committee', 'parliament') ORDER BY o.id`).pluck().all() as string[];
  const paths = ['/sitzungen', ...months.map((mo) => `/sitzungen?monat=${mo}`)];
  for (const c of rnd.sample(cities, Math.min(8, cities.length))) paths.push(...months.slice(1, 4).map((mo) => `/sitzungen?stadt=${encodeURIComponent(c)}&monat=${mo}`));
  for (const g of rnd.sample(committees, Math.min(64 - paths.length, committees.length))) paths.push(`/sitzungen?gremium=${encodeURIComponent(g)}`);
  return paths.slice(0, 64);
}

interface Targets {
  paths: Partial<Record<RouteName, string[]>>;
  missing: Partial<Record<RouteName, string>>;
}

async function status(port: number, p: string): Promise<{ status: number; body: string; etag: string | null }> {
  const res = await fetch(`http://127.0.0.1:${port}${p}`);
  return { status: res.status, body: await res.text(), etag: res.headers.get('etag') };
}

/** The ids of the motion, committee and meeting pages the routes load: 64 of each, drawn with `rnd` (in this order). */
export function samplePages(db: Database.Database, rnd: Random): { papers: number[]; committees: number[]; meetings: number[] } {
  const spread = (sql: string, n: number) => {
    const ids = db.prepare(sql).pluck().all() as number[];
    return rnd.sample(ids, Math.min(n, ids.length));
  };
  const papers = spread('SELECT id FROM papers', 64);
  const committees = spread("SELECT id FROM organizations WHERE kind IN ('committee', 'parliament')", 64);
  const meetings = spread('SELECT id FROM meetings', 64);
  return { papers, committees, meetings };
}

/** The paths each route is loaded with (deterministic for a seed), after checking that they answer 200. */
async function findTargets(file: string, port: number, seed: number): Promise<Targets> {
  const db = new Database(file, { readonly: true });
  const rnd = new Random(seed);
  const { papers, committees, meetings } = samplePages(db, rnd);
  const words = commonWords(db);
  const calendar = calendarPaths(db, rnd);
  const references = db.prepare('SELECT reference FROM papers WHERE reference IS NOT NULL ORDER BY id DESC LIMIT 3').pluck().all() as string[];
  db.close();
  const q = (s: string) => `/suche?q=${encodeURIComponent(s)}`;
  const paths: Targets['paths'] = {
    bare: ['/__bare'],
    start: ['/'],
    dashboard: ['/dashboard', '/dashboard?thema=alle'],
    motion: papers.map((id) => `/papers/${id}`),
    committee: committees.map((id) => `/organizations/${id}`),
    meeting: meetings.map((id) => `/meetings/${id}`),
    'search-common': words.slice(0, 3).map(q),
    calendar,
    search: [...words.slice(0, 2), words[Math.floor(words.length / 2)], 'digi', 'digitaltag 2026', 'sondermittel antrag', ...references].map(q),
  };
  const missing: Targets['missing'] = {};
  for (const route of ROUTES) {
    const list = paths[route];
    if (!list) continue;
    const probe = await status(port, list[0]);
    if (probe.status === 404) {
      missing[route] = `${list[0].split('?')[0]} answers 404`;
      delete paths[route];
    } else if (probe.status !== 200) {
      missing[route] = `${list[0]} answers ${probe.status}`;
      delete paths[route];
    }
  }
  const feeds = new Set<string>();
  for (const p of paths.motion?.slice(0, 16) ?? []) {
    const { body } = await status(port, p);
    for (const m of body.matchAll(/<link\b[^>]*\brel="alternate"[^>]*>/g)) {
      const href = /href="([^"]+)"/.exec(m[0])?.[1];
      if (href && /atom|rss/i.test(m[0]) && href.startsWith('/')) feeds.add(href.replace(/&amp;/g, '&'));
    }
  }
  if (feeds.size > 0) paths.feed = [...feeds];
  else missing.feed = 'no <link rel="alternate"> Atom feed on the motion pages';
  // fresh renders: the unique parameter must be ignored by the page (same body) and be part of the
  // response cache's key, the ETag (different ETags), else the rows would measure cache hits
  for (const fresh of FRESH_ROUTES) {
    const list = paths[FRESH_OF[fresh]];
    if (!list) {
      missing[fresh] = missing[FRESH_OF[fresh]] ?? 'not measured';
      continue;
    }
    const plain = await status(port, list[0]);
    const a = await status(port, uniquePath(list[0]));
    const b = await status(port, uniquePath(list[0]));
    if (a.status !== 200 || b.status !== 200 || a.body !== plain.body) missing[fresh] = `${list[0]} with ?_r=N answers ${a.status} or another page`;
    else if (a.etag != null && a.etag === b.etag) missing[fresh] = 'the response cache key (ETag) ignores the query: every request would be a cache hit';
    else paths[fresh] = list;
  }
  return { paths, missing };
}

/**
 * Waits until the server has worked off what the last run left queued (a slow route at c=50 leaves up
 * to 50 requests behind when autocannon stops): until three bare requests in a row answer fast.
 */
export async function waitForIdle(port: number, maxSeconds = 120): Promise<void> {
  const until = Date.now() + maxSeconds * 1000;
  let fast = 0;
  let failures = 0;
  while (fast < 3 && Date.now() < until) {
    const t0 = process.hrtime.bigint();
    try {
      await status(port, '/__bare');
      fast = Number(process.hrtime.bigint() - t0) / 1e6 < 20 ? fast + 1 : 0;
    } catch (err) {
      if (++failures >= 3) throw new Error(`the server does not answer after a run: ${describeError(err)}`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

export function describeError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = (err as Error & { cause?: unknown }).cause;
  return cause ? `${err.message} (${describeError(cause)})` : err.message;
}

export function startChild(file: string, today: string): Promise<{ child: ChildProcess; port: number }> {
  // BENCH_PROFILE=<dir>: the server writes a CPU profile (node --cpu-prof) there when it stops.
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROFILE] : [];
  const child = fork(path.join(__dirname, 'serve-child.ts'), [file, today], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: [...process.execArgv, ...profile],
    // the per-client rate limit on search and feeds (src/server/security) would answer the load with 429s
    env: { ...process.env, RATSRADAR_RATE_LIMIT: '0' },
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the server child exited with ${code}`)));
    child.on('message', (m: { type: string; port?: number }) => {
      if (m.type === 'ready') resolve({ child, port: m.port! });
    });
  });
}

export function ask<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve) => {
    const on = (m: { type: string } & T) => {
      if (m.type === type) {
        child.off('message', on);
        resolve(m);
      }
    };
    child.on('message', on);
    child.send({ type });
  });
}

export interface ServeOptions {
  motions: number;
  today: string;
  seed: number;
  connections: number[];
  seconds: number;
  log: (line: string) => void;
  /** only these routes (and the bare one): bench/serve-rows.ts measures a few rows on their own */
  only?: RouteName[];
}

/** The serve rows of one size, and the paths each route was loaded with (for bench/alternating.ts; not in results.json). */
export async function benchServe(file: string, opts: ServeOptions): Promise<ServeResult & { paths: Partial<Record<RouteName, string[]>> }> {
  const t0 = process.hrtime.bigint();
  const { child, port } = await startChild(file, opts.today);
  child.removeAllListeners('exit');
  child.on('exit', (code, signal) => opts.log(`  the server child exited: code ${code}, signal ${signal}`));
  try {
    const { paths, missing } = await findTargets(file, port, opts.seed);
    const chosen = (r: RouteName) => !opts.only || r === 'bare' || opts.only.includes(r);
    const active = ROUTES.filter((r) => paths[r] && !isFreshRoute(r) && chosen(r));
    const fresh = FRESH_ROUTES.filter((r) => paths[r] && chosen(r));
    const drain = () => waitForIdle(port); // waits until the requests of the last run are answered
    for (const r of active) {
      await runLoad(port, paths[r]!, 4, 0.5); // warm-up: JIT, SQLite page cache, the day's derive
      await drain();
    }
    const routes: RouteFigures[] = [];
    const bare: ServeResult['bare'] = [];
    for (const c of opts.connections) {
      // A short bare run before every route; the route's ratio is to the median of the block's bare
      // runs, which follows the machine's load through the block but not a single outlier.
      const bareRuns: LoadResult[] = [];
      const block: RouteFigures[] = [];
      for (const r of active.filter((x) => x !== 'bare')) {
        bareRuns.push(await runLoad(port, paths.bare!, c, Math.max(1, opts.seconds / 2)));
        await drain();
        const res = await runLoad(port, paths[r]!, c, opts.seconds);
        await drain();
        block.push({ route: r, connections: c, ratio: 0, ...res });
        opts.log(`  ${opts.motions} motions, c=${c}, ${r}: ${res.reqPerSec.toFixed(0)} req/s (bare ${bareRuns[bareRuns.length - 1].reqPerSec.toFixed(0)}), p50 ${res.p50.toFixed(2)} ms, p99 ${res.p99.toFixed(2)} ms${res.non2xx ? `, ${res.non2xx} non-2xx` : ''}`);
      }
      if (bareRuns.length === 0) bareRuns.push(await runLoad(port, paths.bare!, c, opts.seconds));
      const sorted = [...bareRuns].sort((a, b) => a.reqPerSec - b.reqPerSec);
      const median = sorted[Math.floor((sorted.length - 1) / 2)];
      bare.push({ connections: c, min: sorted[0].reqPerSec, median: median.reqPerSec, max: sorted[sorted.length - 1].reqPerSec });
      routes.push({ route: 'bare', connections: c, ratio: 1, ...median });
      for (const b of block) routes.push({ ...b, ratio: b.reqPerSec / median.reqPerSec });
    }
    // the fresh renders, after every other run; ratio to the bare median of the same concurrency
    for (const c of opts.connections.filter((x) => x <= FRESH_MAX_CONNECTIONS)) {
      const base = bare.find((b) => b.connections === c)!.median;
      for (const r of fresh) {
        const res = await runLoad(port, paths[r]!, c, opts.seconds, true);
        await drain();
        routes.push({ route: r, connections: c, ratio: res.reqPerSec / base, ...res });
        opts.log(`  ${opts.motions} motions, c=${c}, ${r}: ${res.reqPerSec.toFixed(0)} req/s (bare median ${base.toFixed(0)}), p50 ${res.p50.toFixed(2)} ms, p99 ${res.p99.toFixed(2)} ms${res.non2xx ? `, ${res.non2xx} non-2xx` : ''}`);
      }
    }
    const { memory } = await ask<{ memory: MemoryFigures }>(child, 'stats');
    return { motions: opts.motions, routes, missing, bare, memory, seconds: Number(process.hrtime.bigint() - t0) / 1e9, paths };
  } finally {
    await stopChild(child);
  }
}

/** Stops a server child started by startChild and waits for it to exit. */
export async function stopChild(child: ChildProcess): Promise<void> {
  child.removeAllListeners('exit');
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.send({ type: 'stop' });
    await exited;
  }
}
