/**
 * The OParl section of the bench (issue 14), runnable on its own: `npm run bench -- --only oparl`.
 *  - serve: at 100,000 motions, an OParl list page of 100 papers (64 pages spread over the largest
 *    body's paper list, by cursor) and an OParl Paper object (64 papers spread over it), against the
 *    bare Express route of the same server child, at c=10: ratio to the bare route's req/s and p99.
 *    The clients send `Accept-Encoding: gzip, deflate`, as OParl clients do (Python requests — Meine
 *    Stadt Transparent's importer —, the OParl validator, curl --compressed), and get gzip; the same
 *    pages again from clients that send none (identity), for comparison; then the same pages with a
 *    query parameter of their own per request (every request renders: informational, as the
 *    fresh-render rows of bench/serve.ts).
 *  - walk: ratsradar's crawler (the OParl plan, rate limit off) reads every body of a 10,000-motion
 *    database from the OParl server child into a fresh database; seconds, pages, and what it imported.
 */
import http from 'node:http';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDb } from '../src/db/connection';
import { crawl } from '../src/ingest/crawl/crawler';
import { findSource, saveSource } from '../src/ingest/crawl/sources';
import { buildDatabase } from './generate';
import { clientHeaders, runLoad, type ClientEncoding, type LoadResult } from './load';
import { Random } from './random';
import { ask, startChild, waitForIdle } from './serve';
import type { MemoryFigures } from './memory';

type OparlRoute = 'oparl-list' | 'oparl-list-omit' | 'oparl-paper' | 'oparl-list-fresh' | 'oparl-paper-fresh';

export interface OparlRow extends LoadResult {
  route: 'bare' | OparlRoute | `${OparlRoute}-identity`;
  connections: number;
  ratio: number;
  /** what the clients sent: Accept-Encoding gzip, or none */
  encoding: ClientEncoding;
}

export interface OparlBenchResult {
  serveMotions: number;
  /** the size of the first list page (bytes of JSON) */
  listPageBytes: number;
  /** the same page as a gzip client gets it (bytes on the wire) */
  listPageGzipBytes: number;
  /** what a gzip client receives per answer, mean over the row's 64 pages: the body and the header lines */
  wire: { list: WireBytes; paper: WireBytes };
  rows: OparlRow[];
  serveMemory: MemoryFigures | null;
  walk: { motions: number; bodies: number; seconds: number; pages: number; papers: number; meetings: number; agendaItems: number };
}

const LABELS: Record<'bare' | OparlRoute, string> = {
  bare: 'bare Express route', 'oparl-list': 'OParl list page, 100 papers', 'oparl-list-omit': 'OParl list page, 100 papers, omit_internal',
  'oparl-paper': 'OParl Paper object',
  'oparl-list-fresh': 'OParl list page (fresh render)', 'oparl-paper-fresh': 'OParl Paper object (fresh render)',
};

/** A row's label, with what its clients accepted. */
export function oparlLabel(route: OparlRow['route']): string {
  if (route === 'bare') return LABELS.bare;
  const identity = route.endsWith('-identity');
  return `${LABELS[route.replace(/-identity$/, '') as OparlRoute]}, ${identity ? 'identity (client sends no Accept-Encoding)' : 'gzip'}`;
}

interface Options { dir: string; seed: number; today: string; seconds: number; serveMotions: number; walkMotions: number; log: (l: string) => void }

/** 64 list pages (first page and pages after cursors spread over the list) and 64 paper objects of the largest body. */
function targets(file: string, seed: number): { list: string[]; paper: string[] } {
  const db = new Database(file, { readonly: true });
  try {
    const body = db.prepare('SELECT s.id, s.key FROM sources s JOIN papers p ON p.source_id = s.id GROUP BY s.id ORDER BY COUNT(*) DESC LIMIT 1').get() as { id: number; key: string };
    const ids = db.prepare('SELECT id FROM papers WHERE source_id = ? ORDER BY id').pluck().all(body.id) as number[];
    const keys = db.prepare('SELECT entity_key FROM papers WHERE source_id = ?').pluck().all(body.id) as string[];
    const rnd = new Random(seed);
    const base = `/oparl/v1.1/bodies/${encodeURIComponent(body.key)}`;
    const cursors = rnd.sample(ids.slice(0, Math.max(1, ids.length - 100)), 63);
    return {
      list: [`${base}/papers`, ...cursors.map((c) => `${base}/papers?after=${c}`)],
      paper: rnd.sample(keys, 64).map((k) => `${base}/papers/${encodeURIComponent(k)}`),
    };
  } finally {
    db.close();
  }
}

export interface WireBytes {
  body: number;
  headers: number;
}

/** The bytes of an answer as they come over the wire (node:http does not decompress), with its status and the length of its header block. */
function wire(port: number, p: string, encoding: ClientEncoding): Promise<{ status: number; body: Buffer; headerBytes: number }> {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path: p, headers: clientHeaders(encoding) }, (res) => {
      const chunks: Buffer[] = [];
      // "HTTP/1.1 200 OK\r\n", "Name: value\r\n" per header line (rawHeaders: name, value, …), and the empty line
      const headerBytes = `HTTP/1.1 ${res.statusCode} ${res.statusMessage}\r\n`.length + 2 + res.rawHeaders.reduce((n, v) => n + v.length + 2, 0);
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headerBytes }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

/** Mean body and header bytes a gzip client receives for these pages. */
async function meanWire(port: number, paths: string[]): Promise<WireBytes> {
  let body = 0;
  let headers = 0;
  for (const p of paths) {
    const w = await wire(port, p, 'gzip');
    body += w.body.length;
    headers += w.headerBytes;
  }
  return { body: body / paths.length, headers: headers / paths.length };
}

type ServeFigures = { rows: OparlRow[]; memory: MemoryFigures | null; listPageBytes: number; listPageGzipBytes: number; wire: OparlBenchResult['wire'] };

/** The serve rows on a database built before (exported for measuring one change on one database: bench/oparl.ts's callers build it). */
export async function benchServeOparl(o: Options, file: string): Promise<ServeFigures> {
  const { child, port } = await startChild(file, o.today);
  child.removeAllListeners('exit');
  try {
    const t = targets(file, o.seed);
    const check = await wire(port, t.list[0], 'identity');
    const page = JSON.parse(check.body.toString('utf8')) as { data: unknown[] };
    const listPageBytes = check.body.length;
    const listPageGzipBytes = (await wire(port, t.list[0], 'gzip')).body.length;
    const wireBytes = { list: await meanWire(port, t.list), paper: await meanWire(port, t.paper) };
    if (check.status !== 200 || page.data.length !== 100) throw new Error(`${t.list[0]} answers ${check.status} with ${page.data?.length} papers`);
    const drain = () => waitForIdle(port);
    const omit = t.list.map((p) => `${p}${p.includes('?') ? '&' : '?'}omit_internal=true`);
    // every page once, so that the cached rows measure the steady state (as the motion route's 64 pages of bench/serve.ts)
    for (const p of [...t.list, ...omit, ...t.paper]) for (const e of ['gzip', 'identity'] as const) await wire(port, p, e);
    for (const p of [['/__bare'], t.list, omit, t.paper]) {
      await runLoad(port, p, 4, 0.5, false, { encoding: 'gzip', discardBodies: true });
      await drain();
    }
    const rows: OparlRow[] = [];
    const c = 10;
    const bare: LoadResult[] = [];
    const measured: [OparlRow['route'], string[], boolean, ClientEncoding][] = [
      ['oparl-list', t.list, false, 'gzip'], ['oparl-list-identity', t.list, false, 'identity'], ['oparl-list-omit', omit, false, 'gzip'],
      ['oparl-paper', t.paper, false, 'gzip'], ['oparl-paper-identity', t.paper, false, 'identity'],
      ['oparl-list-fresh', t.list, true, 'gzip'], ['oparl-paper-fresh', t.paper, true, 'gzip'],
    ];
    const block: OparlRow[] = [];
    for (const [route, paths, unique, encoding] of measured) {
      // the row's pages once more, right before it: the identity list pages (476 KiB each) fill the
      // response cache's 48 MiB, so pages warmed at the start may have been dropped since, and a row
      // would otherwise count its first 64 renders (1 % of its requests: its p99)
      if (!unique) for (const p of paths) await wire(port, p, encoding);
      bare.push(await runLoad(port, ['/__bare'], c, Math.max(1, o.seconds / 2), false, { encoding, discardBodies: true }));
      await drain();
      const res = await runLoad(port, paths, c, o.seconds, unique, { encoding, discardBodies: true });
      await drain();
      block.push({ route, connections: c, ratio: 0, encoding, ...res });
      o.log(`  oparl ${o.serveMotions} motions, c=${c}, ${route}: ${res.reqPerSec.toFixed(0)} req/s (bare ${bare[bare.length - 1].reqPerSec.toFixed(0)}), p50 ${res.p50.toFixed(2)} ms, p99 ${res.p99.toFixed(2)} ms${res.non2xx ? `, ${res.non2xx} non-2xx` : ''}`);
    }
    const median = [...bare].sort((a, b) => a.reqPerSec - b.reqPerSec)[Math.floor((bare.length - 1) / 2)];
    rows.push({ route: 'bare', connections: c, ratio: 1, encoding: 'gzip', ...median });
    for (const b of block) rows.push({ ...b, ratio: b.reqPerSec / median.reqPerSec });
    const { memory } = await ask<{ memory: MemoryFigures }>(child, 'stats');
    return { rows, memory, listPageBytes, listPageGzipBytes, wire: wireBytes };
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.send({ type: 'stop' });
    await exited;
  }
}

async function benchWalk(o: Options, file: string): Promise<OparlBenchResult['walk']> {
  const served = new Database(file, { readonly: true });
  const sources = served.prepare('SELECT key, name FROM sources ORDER BY id').all() as { key: string; name: string }[];
  served.close();
  const { child, port } = await startChild(file, o.today);
  child.removeAllListeners('exit');
  const { sqlite, close } = openDb(path.join(o.dir, 'oparl-walk.sqlite'));
  try {
    const base = `http://127.0.0.1:${port}`;
    let pages = 0;
    const t0 = process.hrtime.bigint();
    for (const s of sources) {
      saveSource(sqlite, { key: s.key, name: s.name, system: 'oparl', baseUrl: `${base}/`, oparlUrl: `${base}/oparl/v1.1/bodies/${encodeURIComponent(s.key)}` }, true);
      const run = await crawl(sqlite, {
        source: findSource(sqlite, s.key)!, storeDir: path.join(o.dir, 'oparl-walk-store'), failuresDir: path.join(o.dir, 'oparl-walk-failures'),
        userAgent: 'ratsradar-bench/1 (+mailto:bench@example.org)', today: o.today, since: '2000-01-01', until: '2030-12-31', rate: Number.POSITIVE_INFINITY,
      });
      if (run.status !== 'done') throw new Error(`the walk of ${s.key} ended ${run.status}: ${JSON.stringify(run.errors).slice(0, 300)}`);
      pages += sqlite.prepare("SELECT COUNT(*) FROM crawl_queue WHERE run_id = ? AND state = 'done'").pluck().get(run.runId) as number;
    }
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const n = (t: string) => sqlite.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get() as number;
    return { motions: o.walkMotions, bodies: sources.length, seconds, pages, papers: n('papers'), meetings: n('meetings'), agendaItems: n('agenda_items') };
  } finally {
    close();
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.send({ type: 'stop' });
    await exited;
  }
}

export async function benchOparl(o: Options): Promise<OparlBenchResult> {
  const serveFile = path.join(o.dir, `oparl-${o.serveMotions}.sqlite`);
  buildDatabase(serveFile, { seed: o.seed, motions: o.serveMotions, today: o.today });
  o.log(`oparl: built ${o.serveMotions} motions`);
  const serve = await benchServeOparl(o, serveFile);
  const walkFile = path.join(o.dir, `oparl-walk-${o.walkMotions}.sqlite`);
  buildDatabase(walkFile, { seed: o.seed, motions: o.walkMotions, today: o.today });
  o.log(`oparl: built ${o.walkMotions} motions for the walk`);
  const walk = await benchWalk(o, walkFile);
  o.log(`oparl: walk of ${walk.bodies} bodies, ${walk.motions} motions: ${walk.seconds.toFixed(1)} s, ${walk.pages} pages`);
  return { serveMotions: o.serveMotions, listPageBytes: serve.listPageBytes, listPageGzipBytes: serve.listPageGzipBytes, wire: serve.wire, rows: serve.rows, serveMemory: serve.memory, walk };
}

const f2 = (v: number) => v.toFixed(2);
const wireLine = (w: WireBytes) => `${Math.round(w.body).toLocaleString('en')} bytes of body and ${Math.round(w.headers)} of headers`;

/** The Markdown of the section: its targets, the serve table, the walk. */
export function renderOparl(r: OparlBenchResult): string {
  const row = (route: OparlRow['route']) => r.rows.find((x) => x.route === route)!;
  const judge = (route: 'oparl-list' | 'oparl-paper') => {
    const x = row(route);
    return `| ${oparlLabel(route)} at ${r.serveMotions.toLocaleString('en')} motions: ≥ 60 % of the bare route's req/s, p99 < 15 ms at c=10 | ${(x.ratio * 100).toFixed(0)} %, p99 ${f2(x.p99)} ms | ${x.ratio >= 0.6 && x.p99 < 15 ? 'met' : 'not met'} |`;
  };
  return [
    '| target | measured |  |', '|---|---|---|', judge('oparl-list'), judge('oparl-paper'),
    `| full OParl walk of a ${r.walk.motions.toLocaleString('en')}-motion database by the crawler, rate limit off | ${r.walk.seconds.toFixed(1)} s (${r.walk.bodies} bodies, ${r.walk.pages.toLocaleString('en')} pages; ${r.walk.papers.toLocaleString('en')} papers, ${r.walk.meetings.toLocaleString('en')} meetings, ${r.walk.agendaItems.toLocaleString('en')} agenda items imported) | stated |`,
    '', `The first list page is ${(r.listPageBytes / 1024).toFixed(0)} KiB of JSON (100 papers with their consultations and files embedded), ${(r.listPageGzipBytes / 1024).toFixed(1)} KiB as gzip. A gzip client receives per answer, mean over the row's 64 pages: list page ${wireLine(r.wire.list)}; Paper object ${wireLine(r.wire.paper)}. The clients send \`Accept-Encoding: gzip, deflate\` as OParl clients do (Python requests, the OParl validator, curl --compressed), except in the identity rows.`,
    '', '| route | c | req/s | p50 ms | p99 ms | ratio to bare |', '|---|---|---|---|---|---|',
    ...r.rows.map((x) => `| ${oparlLabel(x.route)} | ${x.connections} | ${x.reqPerSec.toFixed(0)} | ${f2(x.p50)} | ${f2(x.p99)} | ${x.route === 'bare' ? '1' : f2(x.ratio)} |`),
    '',
  ].join('\n');
}
