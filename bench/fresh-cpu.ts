/**
 * CPU time per fresh render, several databases side by side: each database behind its own app in this
 * one process, the motion, committee and meeting pages (64 of each, spread evenly over the ids) requested
 * one at a time with `?_r=N` (every request renders), the sizes taking turns round by round, so that a
 * change of the machine's load falls on all of them alike. The figure is the process's CPU time (server
 * and client together) per request, less the bare route's, and its growth from the first database to the
 * last. A check of the fresh-render growth on a shared machine, where wall-clock latencies move with
 * the load between two runs; not one of the bench's targets (those are judged on bench/serve.ts's rows).
 *
 *   npx tsx bench/fresh-cpu.ts --db A.sqlite,B.sqlite [--routes committee,motion,meeting] [--rounds 6]
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import { openDb } from '../src/db/connection';
import { createApp } from '../src/server/app';
import { createHttpServer } from '../src/server/http-server';
import { addBareRoute } from './bare-route';
import { BENCH_TODAY } from './generate';
import { describeError } from './serve';
import { optionReader } from './options';

const PAGES: Record<string, string> = {
  committee: "SELECT '/organizations/' || id FROM organizations WHERE kind IN ('committee', 'parliament') ORDER BY id",
  motion: "SELECT '/papers/' || id FROM papers ORDER BY id",
  meeting: "SELECT '/meetings/' || id FROM meetings ORDER BY id",
};

interface Site {
  port: number;
  paths: Record<string, string[]>;
}

function evenly(db: Database.Database, sql: string, n = 64): string[] {
  const all = db.prepare(sql).pluck().all() as string[];
  const step = Math.max(1, Math.floor(all.length / n));
  return all.filter((_, i) => i % step === 0).slice(0, n);
}

function serveSite(file: string): Promise<Site> {
  const ro = new Database(file, { readonly: true });
  const paths: Record<string, string[]> = { bare: ['/__bare'] };
  for (const [route, sql] of Object.entries(PAGES)) paths[route] = evenly(ro, sql);
  ro.close();
  const { sqlite } = openDb(file);
  // served as `ratsradar serve` serves it (and as bench/serve-child.ts does)
  const app = createApp(sqlite, { today: () => BENCH_TODAY });
  addBareRoute(app);
  return new Promise((resolve) => {
    const server = createHttpServer(app).listen(0, '127.0.0.1', () => resolve({ port: (server.address() as AddressInfo).port, paths }));
  });
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
let counter = 0;

function get(port: number, p: string): Promise<void> {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path: p, agent }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`${p} answers ${res.statusCode}`))));
    }).on('error', reject);
  });
}

async function main(argv: string[]): Promise<number> {
  const value = optionReader(argv);
  const files = value('db', '').split(',').filter(Boolean);
  const routes = value('routes', 'committee,motion,meeting').split(',');
  const rounds = Number(value('rounds', '6'));
  if (files.length < 1 || routes.some((r) => !PAGES[r]) || !(rounds > 0)) {
    process.stderr.write('fresh-cpu: give --db A,B (and --routes of committee, motion, meeting; --rounds N)\n');
    return 2;
  }
  const sites: Site[] = [];
  for (const f of files) sites.push(await serveSite(f));
  const cpu = new Map<string, { ms: number; n: number }>();
  for (let round = -1; round < rounds; round++) {
    for (const route of ['bare', ...routes]) {
      for (const [i, site] of sites.entries()) {
        const c0 = process.cpuUsage();
        for (const p of site.paths[route]) await get(site.port, route === 'bare' ? p : `${p}?_r=${++counter}`);
        const c = process.cpuUsage(c0);
        if (round < 0) continue; // the first round warms up (JIT, page cache)
        const e = cpu.get(`${i} ${route}`) ?? { ms: 0, n: 0 };
        e.ms += (c.user + c.system) / 1000;
        e.n += site.paths[route].length;
        cpu.set(`${i} ${route}`, e);
      }
    }
  }
  const per = (i: number, route: string) => cpu.get(`${i} ${route}`)!.ms / cpu.get(`${i} ${route}`)!.n;
  const lines = ['| page | CPU ms per fresh request, less the bare route (' + files.map((f) => f.split('/').pop()).join(' / ') + ') | growth first → last |', '|---|---|---|'];
  for (const route of routes) {
    const net = sites.map((_, i) => per(i, route) - per(i, 'bare'));
    lines.push(`| ${route} | ${net.map((x) => x.toFixed(3)).join(' / ')} | ${(net[net.length - 1] / net[0]).toFixed(2)}× |`);
  }
  lines.push('', `bare route: ${sites.map((_, i) => per(i, 'bare').toFixed(3)).join(' / ')} ms of CPU per request`);
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`fresh-cpu: ${describeError(err)}\n`);
    process.exit(1);
  },
);
