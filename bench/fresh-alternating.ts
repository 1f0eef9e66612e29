/**
 * The fresh-render growth with the machine's drift taken out (bench/alternating.ts, which `npm run bench`
 * runs on its smallest and largest databases): two databases, any two, each behind the bench's server
 * child, and one client taking them in turns round by round over the motion, committee and
 * meeting pages the bench loads (bench/serve.ts samplePages, the same seed), every request with `?_r=N`.
 * Prints, writes nothing.
 *
 *   npx tsx bench/fresh-alternating.ts --db A.sqlite,B.sqlite [--routes committee,meeting,motion] [--rounds 10] [--seed 1]
 */
import Database from 'better-sqlite3';
import { benchAlternating, WARM_ROUNDS } from './alternating';
import { BENCH_TODAY } from './generate';
import { Random } from './random';
import { describeError, samplePages, type RouteName } from './serve';
import { optionReader } from './options';

const ROUTES: Record<string, { route: RouteName; path: string; ids: 'papers' | 'committees' | 'meetings' }> = {
  motion: { route: 'motion-fresh', path: '/papers/', ids: 'papers' },
  committee: { route: 'committee-fresh', path: '/organizations/', ids: 'committees' },
  meeting: { route: 'meeting-fresh', path: '/meetings/', ids: 'meetings' },
};

function site(file: string, seed: number, routes: string[]) {
  const db = new Database(file, { readonly: true });
  try {
    const pages = samplePages(db, new Random(seed));
    const motions = db.prepare('SELECT COUNT(*) FROM papers').pluck().get() as number;
    const paths: Partial<Record<RouteName, string[]>> = {};
    for (const r of routes) paths[ROUTES[r].route] = pages[ROUTES[r].ids].map((id) => `${ROUTES[r].path}${id}`);
    return { file, motions, paths };
  } finally {
    db.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const value = optionReader(argv);
  const files = value('db', '').split(',').filter(Boolean);
  const routes = value('routes', 'committee,meeting,motion').split(',');
  const rounds = Number(value('rounds', '10'));
  const seed = Number(value('seed', '1'));
  if (files.length !== 2 || routes.some((r) => !ROUTES[r]) || !(rounds >= 1) || !Number.isInteger(seed)) {
    process.stderr.write(`fresh-alternating: give --db SMALL,LARGE (and --routes of ${Object.keys(ROUTES).join(', ')}; --rounds N ≥ 1, after ${WARM_ROUNDS} warm-up rounds; --seed N)\n`);
    return 2;
  }
  const sites = [site(files[0], seed, routes), site(files[1], seed, routes)] as const;
  const figures = await benchAlternating(sites, { routes: routes.map((r) => ROUTES[r].route), today: BENCH_TODAY, rounds });
  const lines = [`| page | p50 ms ${files.map((f) => f.split('/').pop()).join(' / ')} | growth | requests each |`, '|---|---|---|---|'];
  for (const row of figures.rows) lines.push(`| ${row.route} | ${row.p50[0].toFixed(2)} / ${row.p50[1].toFixed(2)} | ${(row.p50[1] / row.p50[0]).toFixed(2)}× | ${row.requests} |`);
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`fresh-alternating: ${describeError(err)}\n`);
    process.exit(1);
  },
);
