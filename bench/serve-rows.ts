/**
 * A few serve rows on their own, without the rest of `npm run bench`: builds a generated database (or
 * reuses one with --db), serves it as the bench does and loads only the routes named (beside the bare
 * route), then prints their figures and the calendar's target. Nothing is written to bench/results.*.
 *
 *   npx tsx bench/serve-rows.ts --motions 100000 --routes calendar,calendar-fresh [--db FILE] [--connections 1,10] [--seconds 2]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BENCH_TODAY, buildDatabase } from './generate';
import { benchServe, describeError, ROUTE_LABELS, ROUTES, type RouteName } from './serve';
import { calendarTarget } from './targets';

async function main(argv: string[]): Promise<number> {
  const value = (name: string, fallback: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
  };
  const motions = Number(value('motions', '100000'));
  const routes = value('routes', 'calendar,calendar-fresh').split(',') as RouteName[];
  const connections = value('connections', '1,10').split(',').map(Number);
  const seconds = Number(value('seconds', '2'));
  const unknown = routes.filter((r) => !(ROUTES as readonly string[]).includes(r));
  if (!(motions > 0) || !(seconds > 0) || connections.some((c) => !(c > 0)) || unknown.length) {
    process.stderr.write(`serve-rows: bad options${unknown.length ? ` (unknown routes: ${unknown.join(', ')})` : ''}\n`);
    return 2;
  }
  const log = (line: string) => process.stderr.write(`${line}\n`);
  let file = value('db', '');
  let dir: string | null = null;
  if (!file) {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ratsradar-rows-'));
    file = path.join(dir, `serve-${motions}.sqlite`);
    const b = buildDatabase(file, { seed: 1, motions, today: BENCH_TODAY });
    log(`built ${motions} motions: ${b.meetings} meetings, ${b.agendaItems} agenda items`);
  }
  try {
    const r = await benchServe(file, { motions, today: BENCH_TODAY, seed: 1, connections, seconds, log, only: routes });
    for (const [route, why] of Object.entries(r.missing)) if (routes.includes(route as RouteName)) log(`${route}: n/a (${why})`);
    const rows = r.routes.map((f) => `| ${ROUTE_LABELS[f.route]} | ${f.connections} | ${f.reqPerSec.toFixed(0)} | ${f.p50.toFixed(2)} | ${f.p99.toFixed(2)} | ${f.route === 'bare' ? '1' : f.ratio.toFixed(2)} |`);
    const t = calendarTarget(r, `${motions.toLocaleString('en')} motions`);
    process.stdout.write(['| route | c | req/s | p50 ms | p99 ms | ratio to bare |', '|---|---|---|---|---|---|', ...rows, '', `${t.target}: ${t.measured} — ${t.status}`, ''].join('\n'));
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
