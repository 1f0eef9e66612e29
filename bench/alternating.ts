/**
 * Growth from the smallest to the largest database with the machine's drift taken out: both databases
 * each behind the bench's server child at the same time, and one keep-alive client that takes them in
 * turns, round by round — all the pages of a route at one size (64 requests, a fraction of a second),
 * then the same at the other — over the routes and pages the serve rows loaded (a fresh route's every
 * request with `?_r=N`, so that every one renders). A change of the machine's speed that lasts longer
 * than a round falls on both sizes alike. Two runs minutes apart — what the serve rows of each size are —
 * do not give that: on this 2-core VM the same page's p50 moved by a third between such runs
 * (bench/HISTORY.md), so their quotient measured the machine as much as the code.
 *
 * Round by round, not request by request: with the servers taking turns at every request, each request
 * found its server's caches cold from the other's work and paid some 0.3–0.6 ms for it (a motion page
 * rendered fresh at 1k: 1.8 ms from one server alone, 2.1–2.4 ms taking turns per request, 1.7 ms per
 * round); a cost added to both sizes alike pulls their quotient towards 1 — a committee page's growth
 * of 1.60× read as 1.33–1.49×. Per round, the figures at each size are those of the server alone.
 */
import http from 'node:http';
import { uniquePath } from './load';
import { isFreshRoute, startChild, stopChild, type RouteName } from './serve';

/** rounds over the pages before the measured ones (JIT, SQLite's page cache, the response cache) */
export const WARM_ROUNDS = 2;
/** measured rounds over each route's pages (and at least this many requests per size) */
export const ALTERNATING_ROUNDS = 10;
const MIN_REQUESTS = 320;

export interface AlternatingRow {
  route: RouteName;
  /** p50 ms at the smaller and the larger size */
  p50: [number, number];
  /** requests measured per size */
  requests: number;
}

export interface AlternatingFigures {
  motions: [number, number];
  rows: AlternatingRow[];
}

export interface AlternatingSite {
  file: string;
  motions: number;
  /** each route's paths (bench/serve.ts's, as loaded by the serve rows) */
  paths: Partial<Record<RouteName, string[]>>;
}

/** One request's milliseconds, from sending to the last byte (the body is read and dropped). */
function timed(port: number, agent: http.Agent, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    http.get({ host: '127.0.0.1', port, path, agent }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve(Number(process.hrtime.bigint() - t0) / 1e6) : reject(new Error(`${path} answers ${res.statusCode}`))));
    }).on('error', reject);
  });
}

/**
 * The milliseconds of each target's requests, the targets taking turns round by round (a round: one
 * target's requests over the longest list of paths, a shorter list wrapping around, at least
 * MIN_REQUESTS / `rounds` of them; then the next target's): WARM_ROUNDS rounds first (not kept), then
 * `rounds` rounds; every path made unique (`?_r=N`) when `fresh`.
 */
export async function alternate(targets: readonly { port: number; agent: http.Agent; paths: readonly string[] }[], fresh: boolean, rounds: number): Promise<number[][]> {
  const width = Math.max(...targets.map((t) => t.paths.length));
  const perRound = Math.max(width, Math.ceil(MIN_REQUESTS / rounds));
  const ms: number[][] = targets.map(() => []);
  for (let round = 0; round < WARM_ROUNDS + rounds; round++) {
    for (const [k, t] of targets.entries()) {
      for (let i = 0; i < perRound; i++) {
        const p = t.paths[i % t.paths.length];
        const took = await timed(t.port, t.agent, fresh ? uniquePath(p) : p);
        if (round >= WARM_ROUNDS) ms[k].push(took);
      }
    }
  }
  return ms;
}

export const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

/**
 * The p50 of each route at both sizes, the sizes taking turns round by round (the routes one after
 * the other). A route is measured where both sites have paths for it.
 */
export async function benchAlternating(
  sites: readonly [AlternatingSite, AlternatingSite],
  opts: { routes: readonly RouteName[]; today: string; rounds?: number; log?: (line: string) => void },
): Promise<AlternatingFigures> {
  const rounds = opts.rounds ?? ALTERNATING_ROUNDS;
  const children: Awaited<ReturnType<typeof startChild>>[] = [];
  const agents = sites.map(() => new http.Agent({ keepAlive: true, maxSockets: 1 }));
  const rows: AlternatingRow[] = [];
  try {
    for (const s of sites) children.push(await startChild(s.file, opts.today));
    for (const route of opts.routes) {
      const lists = sites.map((s) => s.paths[route]);
      if (lists.some((l) => !l?.length)) continue;
      const ms = await alternate(children.map((c, k) => ({ port: c.port, agent: agents[k], paths: lists[k]! })), isFreshRoute(route), rounds);
      const row: AlternatingRow = { route, p50: [median(ms[0]), median(ms[1])], requests: ms[0].length };
      rows.push(row);
      opts.log?.(`  alternating ${sites[0].motions} / ${sites[1].motions} motions, ${route}: p50 ${row.p50[0].toFixed(2)} / ${row.p50[1].toFixed(2)} ms (${(row.p50[1] / row.p50[0]).toFixed(2)}×)`);
    }
    return { motions: [sites[0].motions, sites[1].motions], rows };
  } finally {
    for (const a of agents) a.destroy();
    for (const c of children) await stopChild(c.child);
  }
}
