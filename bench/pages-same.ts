/**
 * Do the committee and meeting pages answer the same as another checkout's? Both apps serve the same
 * database in this one process (this checkout's and the other's `createApp`, the other a `git worktree
 * add` of an older commit with `node_modules` linked), and every sampled page is requested from both
 * as HTML, as page 2 of its queue (`?seite=2`) and as JSON, with the same Host header; status and body
 * must be equal byte for byte. A check for changes that must not change what a page shows (exit 1 on
 * a difference, the first few printed). The database must be derived for `--today` already, or a copy:
 * the first request of a new day derives and writes.
 *
 *   npx tsx bench/pages-same.ts --base DIR --db A.sqlite[,B.sqlite] [--today 2026-10-01] [--pages 300]
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import type express from 'express';
import { openDb } from '../src/db/connection';
import { createApp } from '../src/server/app';
import { createHttpServer } from '../src/server/http-server';
import { BENCH_TODAY } from './generate';
import { describeError } from './serve';
import { optionReader } from './options';

const PAGES = [
  "SELECT '/organizations/' || id FROM organizations ORDER BY id",
  "SELECT '/meetings/' || id FROM meetings ORDER BY id",
];

type AppFactory = (sqlite: Database.Database, opts: { today: () => string }) => express.Express;

function listen(app: express.Express): Promise<number> {
  return new Promise((resolve) => {
    const server = createHttpServer(app).listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function get(port: number, p: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path: p, headers: { host: '127.0.0.1:9999' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve(`${res.statusCode}\n${body}`));
    }).on('error', reject);
  });
}

async function compare(file: string, base: { openDb: typeof openDb; createApp: AppFactory }, today: string, pages: number): Promise<number> {
  const ro = new Database(file, { readonly: true });
  const paths: string[] = [];
  for (const sql of PAGES) {
    const all = ro.prepare(sql).pluck().all() as string[];
    const step = Math.max(1, Math.floor(all.length / pages));
    paths.push(...all.filter((_, i) => i % step === 0));
  }
  ro.close();
  const old = await listen(base.createApp(base.openDb(file).sqlite, { today: () => today }));
  const now = await listen(createApp(openDb(file).sqlite, { today: () => today }));
  let differ = 0;
  let answers = 0;
  for (const p of paths) {
    for (const variant of ['', '?seite=2', '.json']) {
      const [a, b] = [await get(old, p + variant), await get(now, p + variant)];
      answers++;
      if (a === b) continue;
      if (++differ <= 3) {
        let i = 0;
        while (a[i] === b[i]) i++;
        process.stdout.write(`differs: ${p}${variant} at ${i}:\n  ${JSON.stringify(a.slice(i - 60, i + 60))}\n  ${JSON.stringify(b.slice(i - 60, i + 60))}\n`);
      }
    }
  }
  process.stdout.write(`${file}: ${answers} answers compared, ${differ} differ\n`);
  return differ;
}

async function main(argv: string[]): Promise<number> {
  const value = optionReader(argv);
  const dir = value('base', '');
  const files = value('db', '').split(',').filter(Boolean);
  const pages = Number(value('pages', '300'));
  if (!dir || !files.length || !(pages > 0)) {
    process.stderr.write('pages-same: give --base DIR (another checkout) and --db A.sqlite[,B.sqlite]\n');
    return 2;
  }
  const base = {
    openDb: ((await import(path.resolve(dir, 'src/db/connection'))) as { openDb: typeof openDb }).openDb,
    createApp: ((await import(path.resolve(dir, 'src/server/app'))) as { createApp: AppFactory }).createApp,
  };
  let differ = 0;
  for (const f of files) differ += await compare(f, base, value('today', BENCH_TODAY), pages);
  return differ ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`pages-same: ${describeError(err)}\n`);
    process.exit(1);
  },
);
