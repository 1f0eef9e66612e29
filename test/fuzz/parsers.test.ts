/**
 * The parser fuzz test in `npm test`: a fixed number of mutated corpus pages (every page in turn, so
 * every parser: all ALLRIS page kinds and OParl) with a logged seed. Each parse must end in a record
 * or a typed error — never another exception, a hang (a generous bound: a guard, not a speed test),
 * or a worker out of its capped heap. The slowest parses are printed.
 * Reproduce: FUZZ_SEED=<seed> FUZZ_ITERATIONS=<n> npx jest test/fuzz; longer runs: `npm run fuzz`.
 */
import { formatSummary, runFuzz } from './driver';
import { loadFuzzPages } from './fuzz-core';

const SEED = Number(process.env.FUZZ_SEED ?? 20260922);
const ITERATIONS = Number(process.env.FUZZ_ITERATIONS ?? 3000);
const HUGE_EVERY = Number(process.env.FUZZ_HUGE_EVERY ?? 100);

describe('parser fuzzing (quick run)', () => {
  test('the corpus gives the fuzzer every page kind to mutate', () => {
    const pages = loadFuzzPages().map((p) => p.page);
    expect(pages.length).toBeGreaterThanOrEqual(60);
    for (const kind of ['vo020', 'vo040', 'to010', 'to020', 'si010', 'au020', 'fr010', 'fr020', 'startpage', 'si010-ajax', 'oparl1.0', 'oparl1.1']) {
      expect(pages.some((p) => p.includes(kind))).toBe(true);
    }
  });

  test(`seed ${SEED}, ${ITERATIONS} mutated pages: every parse ends in a record or a typed error`, async () => {
    process.stdout.write(`fuzz: seed ${SEED}, ${ITERATIONS} iterations, a megabyte-sized page every ${HUGE_EVERY}\n`);
    const summary = await runFuzz({ seed: SEED, iterations: ITERATIONS, hugeEvery: HUGE_EVERY, workers: 2, hangMs: 60000, memoryMb: 1536 });
    const lines = formatSummary(summary, HUGE_EVERY);
    process.stdout.write(`${lines.join('\n')}\n`);
    expect(summary.done).toBe(ITERATIONS);
    // the mutations reach the parsers: records and every typed error occur
    const outcomes = Object.keys(summary.outcomes);
    expect(outcomes).toEqual(expect.arrayContaining(['record:Paper', 'record:Meeting', 'record:Organization', 'error:LayoutChangedError', 'error:NotARisPageError']));
    expect(summary.problems.map((p) => `${p.kind} #${p.iteration} ${p.page} [${p.steps.join(',')}]: ${p.detail.split('\n')[0]}`)).toEqual([]);
  }, 240_000);
});
