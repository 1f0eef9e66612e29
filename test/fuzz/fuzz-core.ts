/**
 * One fuzz iteration, fully determined by (run seed, iteration number): pick a corpus page
 * (round-robin, so every page and so every parser gets its share), mutate it, sometimes give it a
 * wrong or no URL, parse it, and classify the outcome. A parse must end in a record or a typed
 * error (LayoutChangedError, NotARisPageError, UnsupportedPageError); anything else is a failure.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parsePage } from '../../scrapers/parse';
import { LayoutChangedError, NotARisPageError, UnsupportedPageError } from '../../scrapers/errors';
import { ALL_CASES } from '../helpers/cases';
import { CORPUS } from '../helpers/tmp';
import { iterationSeed, mulberry32 } from './prng';
import { mutatePage } from './mutate';

export interface FuzzPage {
  /** path under ../shared/corpus */
  page: string;
  url: string | null;
  bytes: Buffer;
}

export interface IterationResult {
  iteration: number;
  page: string;
  url: string | null;
  steps: string[];
  size: number;
  ms: number;
  /** "record:Paper", "error:LayoutChangedError", … or "FAIL" */
  outcome: string;
  /** for failures: the error's name, message and stack */
  failure?: string;
}

const RECORD_TYPES = new Set(['Paper', 'Meeting', 'AgendaItem', 'MeetingList', 'Organization', 'System', 'Body', 'List', 'Person', 'File']);

/** Every page of the corpus with its URL where the test cases know it (the rest get null). */
export function loadFuzzPages(): FuzzPage[] {
  const urls = new Map(ALL_CASES.map((c) => [c.page, c.url]));
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) return walk(p);
      return /\.(html?|xml|json)$/i.test(e.name) ? [p] : [];
    });
  return walk(CORPUS)
    .sort()
    .map((file) => {
      const page = path.relative(CORPUS, file).split(path.sep).join('/');
      return { page, url: urls.get(page) ?? null, bytes: fs.readFileSync(file) };
    });
}

/** Checks that a returned record is a record: a known type, format 1, JSON without cycles. Returns a problem or null. */
export function recordProblem(record: unknown): string | null {
  if (record === null || typeof record !== 'object') return `parser returned ${typeof record}, not a record`;
  const r = record as { type?: unknown; format?: unknown };
  if (typeof r.type !== 'string' || !RECORD_TYPES.has(r.type)) return `record has unknown type ${String(r.type)}`;
  if (r.format !== 1) return `record has format ${String(r.format)}`;
  try {
    JSON.stringify(record);
  } catch (err) {
    return `record is not JSON: ${(err as Error).message}`;
  }
  return null;
}

export interface IterationInput {
  page: FuzzPage;
  url: string | null;
  bytes: Buffer;
  steps: string[];
}

/** Every `hugeEvery`-th iteration makes a megabyte-sized page (0: never). */
export function isHugeIteration(iteration: number, hugeEvery: number): boolean {
  return hugeEvery > 0 && iteration % hugeEvery === hugeEvery - 1;
}

/** The mutated input of one iteration; a huge one starts with a megabyte-sized mutation. */
export function iterationInput(pages: FuzzPage[], runSeed: number, iteration: number, huge: boolean): IterationInput {
  const rng = mulberry32(iterationSeed(runSeed, iteration));
  const page = pages[iteration % pages.length];
  const donors = pages.map((p) => p.bytes);
  const { bytes, steps } = mutatePage(page.bytes, rng, { donors }, huge);
  let url = page.url;
  const u = rng.next();
  if (u < 0.1) {
    url = rng.pick(pages).url; // the URL of another page kind: the wrong parser must fail cleanly
    steps.push('otherUrl');
  } else if (u < 0.2) {
    url = null;
    steps.push('noUrl');
  }
  return { page, url, bytes, steps };
}

export function runInput(input: IterationInput, iteration: number, clock: () => number = () => performance.now()): IterationResult {
  const base = { iteration, page: input.page.page, url: input.url, steps: input.steps, size: input.bytes.length };
  const t0 = clock();
  try {
    const record = parsePage(input.bytes, input.url);
    const ms = clock() - t0;
    const problem = recordProblem(record);
    if (problem) return { ...base, ms, outcome: 'FAIL', failure: problem };
    return { ...base, ms, outcome: `record:${(record as { type: string }).type}` };
  } catch (err) {
    const ms = clock() - t0;
    if (err instanceof LayoutChangedError || err instanceof NotARisPageError || err instanceof UnsupportedPageError) {
      return { ...base, ms, outcome: `error:${err.name}` };
    }
    const e = err instanceof Error ? err : new Error(String(err));
    return { ...base, ms, outcome: 'FAIL', failure: `${e.name}: ${e.message}\n${e.stack ?? ''}` };
  }
}
