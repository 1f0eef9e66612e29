/**
 * `npm run bench`: every benchmark of issue 6 in one run (about 15 minutes on 2 cores) — parse,
 * import and end-to-end ingest, generated databases at 1k/10k/100k motions served under autocannon,
 * growth, memory — then the targets marked met / not met. Writes bench/results.json and
 * bench/results.md and prints the Markdown. Numbers are ratios to baselines measured in the same run.
 *
 * Options: --sizes 1000,10000,100000  --connections 1,10,50  --seconds 2  --seed 1
 *          --import-motions 2000  --import-batch 100  --memory-motions 100000  --budget 570  --quick  --keep
 *          --only extract   (one section alone: prints its rows, writes no results files)
 *          --only oparl  (one section alone: the OParl rows of issue 14, bench/oparl.ts; writes bench/results-oparl.md)
 *          --import-mixes 500,2000,10000  (the import ratio at each size)  --only import  (that section alone: prints its rows)
 *          --search-sizes 1000,100000 (the search section, bench/search-docs.ts; its databases are cached
 *          under bench/data/)  --only search (that section alone: prints, writes bench/results-search.json)
 * BENCH_CORPUS overrides the corpus folder (default ../shared/corpus); BENCH_PROFILE=<dir> makes the
 * server children write CPU profiles there.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { refreshDerived } from '../src/db/derive';
import { projectRoot } from '../src/util/paths';
import { BENCH_TODAY, buildDatabase } from './generate';
import { benchDashboard, type DashboardFigures } from './dashboard';
import { benchImport, benchIngest, type ImportBenchResult } from './import';
import { benchExtract, renderExtract } from './extract';

/** the extraction section: generated PDFs of 1–8 pages, and the size of the big one */
const EXTRACT_FILES = 48;
const EXTRACT_BIG_PAGES = 500;
/**
 * The served databases spread their motions over as few cities as 1 (generate.ts minCities), not 3 as the
 * import mixes do: a city deals with 1,000 motions a year, over a year at least, so 1,000 motions in three
 * cities made meetings of 8.5 agenda items and committee queues of 7 motions against 20 and 37 in each
 * city at 100,000 — the growth 1k → 100k compared pages of different length (bench/HISTORY.md, 2026-12-07).
 */
const SERVED_MIN_CITIES = 1;
import { describeMachine } from './machine';
import { benchImportMemory } from './memory-import';
import { benchOparl, renderOparl } from './oparl';
import { benchParse } from './parse';
import { renderImportMixes, renderReport } from './report';
import type { BenchResults, BuildFigures, DeriveFigures } from './results';
import { benchSearch, renderSearchReport } from './search-docs';
import { benchServe, describeError, type ServeResult } from './serve';
import { benchAlternating, type AlternatingFigures, type AlternatingSite } from './alternating';
import { GROWTH_ROUTES, judgeTargets } from './targets';
import { optionReader } from './options';

interface RunOptions {
  sizes: number[];
  connections: number[];
  seconds: number;
  seed: number;
  importMotions: number;
  importBatch: number;
  memoryMotions: number;
  budget: number;
  keep: boolean;
  /** a short run for trying things out: prints, writes no results files */
  quick: boolean;
  searchSizes: number[];
  /** the import is measured at each of these sizes (mixes: small cities are agenda-heavy) */
  importMixes: number[];
  /** one section alone ("extract": prints its rows, writes no results files; "oparl": writes bench/results-oparl.md), or null for all */
  only: string | null;
}

const SECTIONS = ['extract', 'oparl', 'search', 'import'];

/** Removes a generated SQLite database with its WAL and shared-memory files. */
function removeDatabase(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
}

/** The import against the raw insert at every size of --import-mixes, best of 3 rounds each. */
function benchImportMixes(opts: RunOptions, today: string, dir: string, log: (line: string) => void): ImportBenchResult[] {
  return opts.importMixes.map((motions) => {
    const r = benchImport({ motions, seed: opts.seed, today, batch: opts.importBatch, rounds: 3, dir });
    log(`import of ${motions} motions: ${r.recordsPerSec.toFixed(0)} records/s, raw ${r.rawRecordsPerSec.toFixed(0)} records/s (${(r.ratio * 100).toFixed(1)} %)`);
    return r;
  });
}

function parseOptions(argv: string[]): RunOptions {
  const quick = argv.includes('--quick');
  const value = optionReader(argv);
  const list = (name: string, fallback: string) => value(name, fallback).split(',').map(Number);
  const o: RunOptions = {
    sizes: list('sizes', quick ? '1000,10000' : '1000,10000,100000'),
    connections: list('connections', '1,10,50'),
    seconds: Number(value('seconds', quick ? '1' : '2')),
    seed: Number(value('seed', '1')),
    importMotions: Number(value('import-motions', quick ? '500' : '2000')),
    importBatch: Number(value('import-batch', '100')),
    memoryMotions: Number(value('memory-motions', quick ? '10000' : '100000')),
    budget: Number(value('budget', quick ? '120' : '570')),
    keep: argv.includes('--keep'),
    quick,
    searchSizes: list('search-sizes', quick ? '1000' : '1000,100000'),
    importMixes: list('import-mixes', quick ? '500,2000' : '500,2000,10000'),
    only: argv.includes('--only') ? value('only', '') : null,
  };
  if (o.only !== null && !SECTIONS.includes(o.only)) throw new Error(`--only takes one of: ${SECTIONS.join(', ')}`);
  const bad = [...o.sizes, ...o.searchSizes, ...o.importMixes, ...o.connections, o.seconds, o.importMotions, o.importBatch, o.memoryMotions, o.budget].some((v) => !(v > 0));
  if (bad) throw new Error('every option needs a positive number (see bench/run.ts)');
  return o;
}

async function main(): Promise<number> {
  let opts: RunOptions;
  try {
    opts = parseOptions(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`bench: ${(err as Error).message}\n`);
    return 2;
  }
  const root = projectRoot();
  const corpus = path.resolve(process.env.BENCH_CORPUS ?? path.join(root, '..', 'shared', 'corpus'));
  if (!fs.existsSync(corpus)) {
    process.stderr.write(`bench: the corpus folder ${corpus} does not exist (set BENCH_CORPUS)\n`);
    return 2;
  }
  if (opts.only === 'search') {
    const t = process.hrtime.bigint();
    const log = (line: string) => process.stderr.write(`[${(Number(process.hrtime.bigint() - t) / 1e9).toFixed(0).padStart(3)} s] ${line}\n`);
    const search = await benchSearch({ sizes: opts.searchSizes, seed: opts.seed, seconds: Math.max(2, opts.seconds), rounds: 5, log });
    fs.writeFileSync(path.join(root, 'bench', 'results-search.json'), `${JSON.stringify(search, null, 2)}\n`);
    process.stdout.write(renderSearchReport(search));
    return 0;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ratsradar-bench-'));
  const t0 = process.hrtime.bigint();
  const elapsed = () => Number(process.hrtime.bigint() - t0) / 1e9;
  const log = (line: string) => process.stderr.write(`[${elapsed().toFixed(0).padStart(3)} s] ${line}\n`);
  const machine = describeMachine();
  const today = BENCH_TODAY;
  try {
    if (opts.only === 'oparl') {
      const sizes = [...opts.sizes].sort((a, b) => a - b);
      const oparl = await benchOparl({ dir, seed: opts.seed, today, seconds: opts.seconds, serveMotions: sizes[sizes.length - 1],
        walkMotions: sizes.find((n) => n >= 10000) ?? sizes[sizes.length - 1], log });
      const report = `OParl section, run ${new Date().toISOString()} on ${machine.nproc} cores (${machine.cpu}), Node ${machine.node}; load average ${machine.loadStart.toFixed(2)} at the start, ${os.loadavg()[0].toFixed(2)} at the end\n\n${renderOparl(oparl)}`;
      if (!opts.quick) fs.writeFileSync(path.join(root, 'bench', 'results-oparl.md'), report);
      process.stdout.write(report);
      return 0;
    }
    if (opts.only === 'import') {
      const mixes = benchImportMixes(opts, today, dir, log);
      process.stdout.write(`${renderImportMixes(mixes)}\n`);
      return 0;
    }
    if (opts.only === 'extract') {
      process.stdout.write(`${renderExtract(await benchExtract({ dir, files: EXTRACT_FILES, bigPages: EXTRACT_BIG_PAGES, log }))}\n`);
      return 0;
    }
    log(`parse: corpus ${corpus}`);
    const parse = benchParse(corpus, 2000, 2);
    log(`parse: ${parse.pagesPerSec.toFixed(0)} pages/s, floor ${parse.floorPagesPerSec.toFixed(0)} pages/s`);
    const importMixes = benchImportMixes(opts, today, dir, log);
    const imp = importMixes.find((m) => m.motions === opts.importMotions)
      ?? benchImport({ motions: opts.importMotions, seed: opts.seed, today, batch: opts.importBatch, rounds: 3, dir });
    const ingest = benchIngest({ corpus, minPages: 2000, today, dir });
    log(`ingest: ${ingest.pagesPerSec.toFixed(0)} pages/s`);
    const extract = await benchExtract({ dir, files: opts.quick ? 16 : EXTRACT_FILES, bigPages: EXTRACT_BIG_PAGES, log });

    const builds: BuildFigures[] = [];
    const serve: ServeResult[] = [];
    const dashboard: DashboardFigures[] = [];
    const growthSites: AlternatingSite[] = [];
    let derive: DeriveFigures | null = null;
    for (const motions of opts.sizes) {
      const file = path.join(dir, `serve-${motions}.sqlite`);
      // every city as busy at each size (SERVED_MIN_CITIES): the growth compares the same pages with more history and cities around them
      const b = buildDatabase(file, { seed: opts.seed, motions, today, minCities: SERVED_MIN_CITIES });
      builds.push({ motions, meetings: b.meetings, agendaItems: b.agendaItems, consultations: b.consultations,
        generateSeconds: b.generateSeconds, writeSeconds: b.writeSeconds, mb: b.bytes / 1048576 });
      log(`built ${motions} motions: generate ${b.generateSeconds.toFixed(1)} s, write ${b.writeSeconds.toFixed(1)} s, ${(b.bytes / 1048576).toFixed(0)} MB`);
      if (motions === Math.max(...opts.sizes)) {
        const db = new Database(file);
        const d0 = process.hrtime.bigint();
        refreshDerived(db, today, { all: true });
        const seconds = Number(process.hrtime.bigint() - d0) / 1e9;
        const nextDay = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
        const n0 = process.hrtime.bigint();
        const daily = refreshDerived(db, nextDay);
        const nextDaySeconds = Number(process.hrtime.bigint() - n0) / 1e9;
        // back to the generated day, so the served database is as generated
        refreshDerived(db, today);
        db.close();
        derive = { motions, seconds, perMotionMs: (seconds * 1000) / motions, nextDaySeconds, nextDayWritten: daily.written };
        log(`refreshDerived over ${motions} motions: all ${seconds.toFixed(1)} s, next day ${nextDaySeconds.toFixed(2)} s`);
      }
      const dash = benchDashboard(file, motions, today);
      dashboard.push(dash);
      log(`dashboard at ${motions} motions: fresh render p50 ${dash.p50.toFixed(2)} ms, cold p50 ${dash.coldP50.toFixed(2)} ms`);
      const { paths, ...figures } = await benchServe(file, { motions, today, seed: opts.seed, connections: opts.connections, seconds: opts.seconds, log });
      serve.push(figures);
      // the smallest and the largest database stay for the growth measured alternating (below)
      if (motions === Math.min(...opts.sizes) || motions === Math.max(...opts.sizes)) growthSites.push({ file, motions, paths });
      else if (!opts.keep) removeDatabase(file);
    }
    let alternating: AlternatingFigures | null = null;
    growthSites.sort((a, b) => a.motions - b.motions);
    if (growthSites.length === 2) {
      log(`growth: ${growthSites[0].motions} and ${growthSites[1].motions} motions served at once, one client taking them in turns`);
      alternating = await benchAlternating([growthSites[0], growthSites[1]], { routes: GROWTH_ROUTES, today, log });
    }
    if (!opts.keep) for (const s of growthSites) removeDatabase(s.file);

    log(`search: ${opts.searchSizes.join(', ')} motions with documents`);
    const search = await benchSearch({ sizes: opts.searchSizes, seed: opts.seed, seconds: Math.max(2, opts.seconds), rounds: 5, log });

    const maxSeconds = Math.max(20, opts.budget - elapsed() - 25);
    log(`import memory: ${opts.memoryMotions} motions through importRecords in a child process (at most ${maxSeconds.toFixed(0)} s)`);
    const importMemory = await benchImportMemory({ dir, motions: opts.memoryMotions, seed: opts.seed, today, batch: opts.importBatch, maxSeconds, graceSeconds: 15 });
    log(`import memory: peak ${importMemory.peakMb.toFixed(0)} MB after ${importMemory.motionsImported} motions`);

    machine.loadEnd = os.loadavg()[0];
    const partial: Omit<BenchResults, 'targets'> = {
      date: new Date().toISOString(), machine, seconds: elapsed(),
      options: { sizes: opts.sizes, connections: opts.connections, seconds: opts.seconds, seed: opts.seed, today },
      parse, import: imp, importMixes, ingest, extract, builds, derive, serve, alternating, importMemory, dashboard, search,
    };
    const results: BenchResults = { ...partial, targets: judgeTargets(partial) };
    const report = `${renderReport(results)}\n**Search over motions and documents**\n\n${renderSearchReport(search)}`;
    if (!opts.quick) {
      fs.writeFileSync(path.join(root, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
      fs.writeFileSync(path.join(root, 'bench', 'results.md'), report);
    }
    process.stdout.write(report);
    log(`done${opts.quick ? ' (quick: no results files written)' : ': bench/results.json and bench/results.md written'}${opts.keep ? `; databases kept in ${dir}` : ''}`);
    return 0;
  } finally {
    if (!opts.keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`bench: ${describeError(err)}\n`);
    process.exitCode = 1;
  },
);
