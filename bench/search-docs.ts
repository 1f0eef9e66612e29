/**
 * Bench section "search" (issue 13): search over motions and their documents at 1,000 and 100,000
 * motions with one document of about 2 pages each (bench/search-docs-generate.ts, generated once and
 * kept under bench/data/). For the three most common words of the document text:
 *  - served: /suche?q=<word> through the real app in a child process (bench/serve-child.ts), requests
 *    one after the other (c=1) for `seconds`; finished answers are kept per data stamp by the server
 *    (src/server/response-cache.ts), so this is what a reader gets on a repeated search;
 *  - fresh: the same searches through the data functions with no cache, in this process — the rows and
 *    their snippets ("where it matched") alone, and the whole page's data (also facets and the
 *    "gefunden in" counts): what the first reader after a data change waits for (informational).
 * Index size per document, and growth 1k → 100k of the p50s.
 *
 * Run alone: `npx tsx bench/search-docs.ts [--sizes 1000,100000] [--seconds 3] [--seed 1]`
 * (or `npm run bench -- --only search`); prints Markdown, writes bench/results-search.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { searchMatchExpression } from '../src/db/fts-query';
import { listCount, listFacets, listMatchIds, listPage, type ListSpec } from '../src/db/queries-lists';
import { loadMatchPlaces } from '../src/db/queries-search';
import { loadPrefixTerms } from '../src/db/search-terms';
import { projectRoot } from '../src/util/paths';
import { BENCH_TODAY } from './generate';
import { runLoad } from './load';
import { searchDatabase, type SearchDatabase } from './search-docs-generate';
import { describeError, startChild, stopChild } from './serve';
import { optionReader } from './options';

export interface Percentiles {
  p50: number;
  p99: number;
  n: number;
}

export interface SearchSizeResult {
  db: SearchDatabase;
  served: Percentiles & { reqPerSec: number; non2xx: number };
  /** the bare Express route of the same child at c=1 just before: how busy the machine is */
  bare: Percentiles;
  freshRows: Percentiles;
  freshPage: Percentiles;
  /** matches per common word */
  totals: Record<string, number>;
}

export interface SearchBenchResult {
  date: string;
  sizes: SearchSizeResult[];
  seconds: number;
}

function percentiles(ms: number[]): Percentiles {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
  return { p50: at(50), p99: at(99), n: s.length };
}

const now = () => Number(process.hrtime.bigint()) / 1e6;

/** The search's data with no cache: page rows + where they matched; then facets and "gefunden in" counts. */
function freshRuns(file: string, words: string[], rounds: number): { rows: number[]; page: number[]; totals: Record<string, number> } {
  const db = new Database(file, { readonly: true });
  const rows: number[] = [];
  const page: number[] = [];
  const totals: Record<string, number> = {};
  try {
    for (let r = 0; r < rounds; r++) {
      for (const word of words) {
        const t0 = now();
        const expand = (prefix: string) => loadPrefixTerms(db, prefix);
        const match = searchMatchExpression(word, null, expand)!;
        const spec: ListSpec = { match, filters: {}, sort: 'relevance', exactReference: word, rows: 'both' };
        // as src/server/views/list-data.ts: the matching ids read once, the total and facets count them
        const ids = listMatchIds(db, match, 'both');
        const result = listPage(db, { ...spec, matchIds: ids }, 25, 0);
        loadMatchPlaces(db, match, result.rows.map((x) => x.id));
        const t1 = now();
        listFacets(db, { ...spec, matchIds: ids });
        for (const scope of ['titel', 'text', 'dokumente'] as const) {
          const scoped = searchMatchExpression(word, scope, expand)!;
          const rows = scope === 'dokumente' ? 'documents' : 'papers';
          listCount(db, { ...spec, match: scoped, rows, matchIds: listMatchIds(db, scoped, rows) });
        }
        const t2 = now();
        rows.push(t1 - t0);
        page.push(t2 - t0);
        totals[word] = result.total;
      }
    }
  } finally {
    db.close();
  }
  return { rows, page, totals };
}

export async function benchSearch(opts: { sizes: number[]; seed: number; seconds: number; rounds: number; log: (l: string) => void }): Promise<SearchBenchResult> {
  const t0 = now();
  const dataDir = path.join(projectRoot(), 'bench', 'data');
  const sizes: SearchSizeResult[] = [];
  for (const motions of opts.sizes) {
    const db = searchDatabase(dataDir, motions, opts.seed, BENCH_TODAY, opts.log);
    opts.log(`search: ${motions} motions, ${db.documents} documents, ${db.pages} pages ${db.reused ? '(reused)' : `(built in ${db.buildSeconds.toFixed(0)} s)`}; words ${db.commonWords.join(', ')}`);
    const fresh = freshRuns(db.file, db.commonWords, opts.rounds);
    const { child, port } = await startChild(db.file, BENCH_TODAY);
    let served: SearchSizeResult['served'];
    let bare: Percentiles;
    try {
      const paths = db.commonWords.map((w) => `/suche?q=${encodeURIComponent(w)}`);
      for (const p of paths) await fetch(`http://127.0.0.1:${port}${p}`).then((r) => r.text());
      const b = await runLoad(port, ['/__bare'], 1, opts.seconds);
      bare = { p50: b.p50, p99: b.p99, n: b.responses };
      const load = await runLoad(port, paths, 1, opts.seconds);
      served = { p50: load.p50, p99: load.p99, n: load.responses, reqPerSec: load.reqPerSec, non2xx: load.non2xx };
    } finally {
      await stopChild(child);
    }
    sizes.push({ db, served, bare, freshRows: percentiles(fresh.rows), freshPage: percentiles(fresh.page), totals: fresh.totals });
    opts.log(`search: ${motions} motions: served p50 ${served.p50.toFixed(2)} ms, p99 ${served.p99.toFixed(2)} ms (bare route p50 ${bare.p50.toFixed(2)} ms, ${served.non2xx} non-2xx); fresh rows p50 ${percentiles(fresh.rows).p50.toFixed(1)} ms`);
  }
  return { date: new Date().toISOString(), sizes, seconds: (now() - t0) / 1000 };
}

const ms = (v: number) => (v < 10 ? v.toFixed(2) : v.toFixed(0));
const mb = (b: number) => (b / 1048576).toFixed(0);

export function renderSearchReport(r: SearchBenchResult): string {
  const lines = [
    `Search bench of ${r.date} (${r.seconds.toFixed(0)} s)`,
    '',
    '| motions | documents (pages) | most common words (matches) | served p50 / p99 ms (c=1) | bare route p50 / p99 ms (c=1) | fresh: rows + snippets p50 / p99 ms | fresh: whole page data p50 / p99 ms | index per document | document tables per document |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const s of r.sizes) {
    const d = s.db;
    const words = d.commonWords.map((w) => `${w} (${s.totals[w]})`).join(', ');
    const perDoc = (d.ftsBytesWith - d.ftsBytesWithout) / d.documents;
    lines.push(
      `| ${d.motions.toLocaleString('en')} | ${d.documents.toLocaleString('en')} (${d.pages.toLocaleString('en')}) | ${words} | ${ms(s.served.p50)} / ${ms(s.served.p99)} | ${ms(s.bare.p50)} / ${ms(s.bare.p99)} | ` +
        `${ms(s.freshRows.p50)} / ${ms(s.freshRows.p99)} | ${ms(s.freshPage.p50)} / ${ms(s.freshPage.p99)} | ${(perDoc / 1024).toFixed(1)} KB (index ${mb(d.ftsBytesWith)} MB) | ${(d.documentTableBytes / d.documents / 1024).toFixed(1)} KB |`,
    );
  }
  if (r.sizes.length >= 2) {
    const [a, b] = [r.sizes[0], r.sizes[r.sizes.length - 1]];
    lines.push('', `Growth ${a.db.motions.toLocaleString('en')} → ${b.db.motions.toLocaleString('en')} (p50): served ${(b.served.p50 / a.served.p50).toFixed(2)}×, fresh rows + snippets ${(b.freshRows.p50 / a.freshRows.p50).toFixed(2)}×, fresh whole page ${(b.freshPage.p50 / a.freshPage.p50).toFixed(2)}×`);
  }
  return `${lines.join('\n')}\n`;
}

async function main(argv: string[]): Promise<number> {
  const value = optionReader(argv);
  const sizes = value('sizes', '1000,100000').split(',').map(Number);
  const seconds = Number(value('seconds', '3'));
  const seed = Number(value('seed', '1'));
  const rounds = Number(value('rounds', '5'));
  if ([...sizes, seconds, seed, rounds].some((v) => !(v > 0) || !Number.isFinite(v))) {
    process.stderr.write('bench search: every option needs a positive number\n');
    return 2;
  }
  const t0 = now();
  const log = (line: string) => process.stderr.write(`[${((now() - t0) / 1000).toFixed(0).padStart(3)} s] ${line}\n`);
  const result = await benchSearch({ sizes, seed, seconds, rounds, log });
  fs.writeFileSync(path.join(projectRoot(), 'bench', 'results-search.json'), `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(renderSearchReport(result));
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (err: unknown) => {
      process.stderr.write(`bench search: ${describeError(err)}\n`);
      process.exitCode = 1;
    },
  );
}
