/**
 * A few serve rows on their own, without the rest of `npm run bench`: builds a generated database (or
 * reuses one with --db), serves it as the bench does and loads only the routes named (beside the bare
 * route), then prints their figures and the targets they measure (the calendar, the fresh renders). Nothing is written to bench/results.*.
 *
 *   npx tsx bench/serve-rows.ts --motions 100000 --routes calendar,calendar-fresh [--db FILE] [--connections 1,10] [--seconds 2]
 *   npx tsx bench/serve-rows.ts --motions 1000,100000 --db A,B --routes motion-fresh,committee-fresh,meeting-fresh --connections 1
 *     (several sizes: the fresh renders' targets; their growth from the first size to the last judged as the
 *     bench judges it, with both sizes served at once, bench/alternating.ts, and the own runs beside it)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BENCH_TODAY, buildDatabase } from './generate';
import { benchAlternating, type AlternatingSite } from './alternating';
import { benchServe, describeError, isFreshRoute, ROUTE_LABELS, ROUTES, type RouteName, type ServeResult } from './serve';
import { calendarTarget, freshTargets } from './targets';
import { optionReader } from './options';

async function main(argv: string[]): Promise<number> {
  const value = optionReader(argv);
  // several sizes (comma lists, with --db as many files or none): the fresh rows' growth from the first to the last
  const sizes = value('motions', '100000').split(',').map(Number);
  const routes = value('routes', 'calendar,calendar-fresh').split(',') as RouteName[];
  const connections = value('connections', '1,10').split(',').map(Number);
  const seconds = Number(value('seconds', '2'));
  const files = value('db', '').split(',').filter(Boolean);
  const unknown = routes.filter((r) => !(ROUTES as readonly string[]).includes(r));
  if (sizes.some((m) => !(m > 0)) || !(seconds > 0) || connections.some((c) => !(c > 0)) || unknown.length || (files.length && files.length !== sizes.length)) {
    process.stderr.write(`serve-rows: bad options${unknown.length ? ` (unknown routes: ${unknown.join(', ')})` : ''}\n`);
    return 2;
  }
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const dir = files.length ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'ratsradar-rows-'));
  try {
    const results: ServeResult[] = [];
    const sites: AlternatingSite[] = [];
    for (const [i, motions] of sizes.entries()) {
      let file = files[i];
      if (!file) {
        file = path.join(dir!, `serve-${motions}.sqlite`);
        const b = buildDatabase(file, { seed: 1, motions, today: BENCH_TODAY });
        log(`built ${motions} motions: ${b.meetings} meetings, ${b.agendaItems} agenda items`);
      }
      const r = await benchServe(file, { motions, today: BENCH_TODAY, seed: 1, connections, seconds, log, only: routes });
      for (const [route, why] of Object.entries(r.missing)) if (routes.includes(route as RouteName)) log(`${route}: n/a (${why})`);
      const { paths, ...figures } = r;
      results.push(figures);
      sites.push({ file, motions, paths });
    }
    const fresh = routes.filter(isFreshRoute);
    const alternating = sites.length > 1 && fresh.length
      ? await benchAlternating([sites[0], sites[sites.length - 1]], { routes: fresh, today: BENCH_TODAY, log })
      : null;
    const rows = results.flatMap((r) => r.routes.map((f) =>
      `| ${r.motions} | ${ROUTE_LABELS[f.route]} | ${f.connections} | ${f.reqPerSec.toFixed(0)} | ${f.p50.toFixed(2)} | ${f.p99.toFixed(2)} | ${f.route === 'bare' ? '1' : f.ratio.toFixed(2)} |`));
    const last = results[results.length - 1];
    const judged = [calendarTarget(last, `${last.motions.toLocaleString('en')} motions`), ...freshTargets(results[0], last, alternating)]
      .filter((t) => !t.measured.startsWith('n/a'))
      .map((t) => `${t.target}: ${t.measured} — ${t.status}`);
    process.stdout.write(['| motions | route | c | req/s | p50 ms | p99 ms | ratio to bare |', '|---|---|---|---|---|---|---|', ...rows, '', ...judged, ''].join('\n'));
    return 0;
  } finally {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`serve-rows: ${describeError(err)}\n`);
    process.exitCode = 1;
  },
);
