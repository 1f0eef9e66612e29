/**
 * The fresh-render growth with the machine's drift taken out: a 1k and a 100k database (any two) each
 * behind the bench's server child, and one keep-alive client that alternates request by request between
 * them — the motion, committee and meeting pages the bench loads (bench/serve.ts samplePages, the same
 * seed), each request with `?_r=N` so that every one renders. A change of the machine's speed falls on
 * both sizes alike, which two runs minutes apart (the bench's rows) do not give: on this 2-core VM the
 * same page's p50 moved by a third between such runs. The absolute figures are above the bench's (the
 * two servers share the cores' caches), so only the growth is read from them. Not one of the bench's
 * targets; prints, writes nothing.
 *
 *   npx tsx bench/fresh-alternating.ts --db A.sqlite,B.sqlite [--routes committee,meeting,motion] [--rounds 12] [--seed 1]
 */
import http from 'node:http';
import Database from 'better-sqlite3';
import { BENCH_TODAY } from './generate';
import { Random } from './random';
import { describeError, samplePages, startChild, stopChild } from './serve';
import { optionReader } from './options';

const ROUTES: Record<string, { path: string; ids: 'papers' | 'committees' | 'meetings' }> = {
  motion: { path: '/papers/', ids: 'papers' },
  committee: { path: '/organizations/', ids: 'committees' },
  meeting: { path: '/meetings/', ids: 'meetings' },
};
/** rounds over the pages before the measured ones (JIT, page cache) */
const WARM_ROUNDS = 2;

function pagesOf(file: string, seed: number) {
  const db = new Database(file, { readonly: true });
  try {
    return samplePages(db, new Random(seed));
  } finally {
    db.close();
  }
}

/** One request's milliseconds, from sending to the last byte (the body is counted and dropped). */
function timed(port: number, agent: http.Agent, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    http.get({ host: '127.0.0.1', port, path, agent }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve(Number(process.hrtime.bigint() - t0) / 1e6) : reject(new Error(`${path} answers ${res.statusCode}`))));
    }).on('error', reject);
  });
}

const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

async function main(argv: string[]): Promise<number> {
  const value = optionReader(argv);
  const files = value('db', '').split(',').filter(Boolean);
  const routes = value('routes', 'committee,meeting,motion').split(',');
  const rounds = Number(value('rounds', '12'));
  const seed = Number(value('seed', '1'));
  if (files.length !== 2 || routes.some((r) => !ROUTES[r]) || !(rounds > WARM_ROUNDS) || !Number.isInteger(seed)) {
    process.stderr.write(`fresh-alternating: give --db SMALL,LARGE (and --routes of ${Object.keys(ROUTES).join(', ')}; --rounds N > ${WARM_ROUNDS}; --seed N)\n`);
    return 2;
  }
  const sites = files.map((file) => ({ file, pages: pagesOf(file, seed), agent: new http.Agent({ keepAlive: true, maxSockets: 1 }) }));
  const children = [];
  try {
    for (const s of sites) children.push(await startChild(s.file, BENCH_TODAY));
    const lines = [`| page | p50 ms ${files.map((f) => f.split('/').pop()).join(' / ')} | growth | requests each |`, '|---|---|---|---|'];
    let n = 0;
    for (const route of routes) {
      const { path, ids } = ROUTES[route];
      const lists = sites.map((s) => s.pages[ids]);
      const width = Math.max(...lists.map((l) => l.length));
      const ms: number[][] = sites.map(() => []);
      for (let round = 0; round < rounds; round++) {
        for (let i = 0; i < width; i++) {
          n++;
          for (const [k, s] of sites.entries()) {
            const t = await timed(children[k].port, s.agent, `${path}${lists[k][i % lists[k].length]}?_r=${n}`);
            if (round >= WARM_ROUNDS) ms[k].push(t);
          }
        }
      }
      const [a, b] = ms.map(p50);
      lines.push(`| ${route} | ${a.toFixed(2)} / ${b.toFixed(2)} | ${(b / a).toFixed(2)}× | ${ms[0].length} |`);
    }
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  } finally {
    for (const c of children) await stopChild(c.child);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`fresh-alternating: ${describeError(err)}\n`);
    process.exit(1);
  },
);
