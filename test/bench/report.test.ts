/**
 * The bench report (bench/report.ts) and targets (bench/targets.ts) with the "fresh render" rows
 * (bench/serve.ts; the motion, committee and meeting rows are judged), the import at several sizes,
 * and the unique URLs (bench/load.ts) those rows load.
 */
import type { AddressInfo } from 'node:net';
import express from 'express';
import { runLoad, UNIQUE_PARAM, uniquePath } from '../../bench/load';
import { FRESH_NOTE, renderReport } from '../../bench/report';
import type { AlternatingFigures } from '../../bench/alternating';
import type { BenchResults } from '../../bench/results';
import { ROUTE_LABELS, type RouteFigures, type RouteName, type ServeResult } from '../../bench/serve';
import { judgeTargets } from '../../bench/targets';

function fig(route: RouteName, connections: number, reqPerSec: number, p50: number, ratio: number): RouteFigures {
  return { route, connections, reqPerSec, p50, p99: p50 * 4, mean: p50, responses: reqPerSec * 2, non2xx: 0, errors: 0, ratio };
}

function serve(motions: number, committeeP50: number, withFresh: boolean, committeeFreshP50 = 3.2): ServeResult {
  const routes: RouteFigures[] = [];
  for (const c of [1, 10]) {
    routes.push(fig('bare', c, 10000, 0.1, 1));
    for (const r of ['start', 'motion', 'committee', 'meeting', 'search-common', 'search', 'feed'] as const) {
      routes.push(fig(r, c, 7000, r === 'committee' ? committeeP50 : 0.2, 0.7));
    }
  }
  if (withFresh) {
    for (const c of [1, 10]) {
      routes.push(fig('motion-fresh', c, 800, 1.2, 0.08), fig('committee-fresh', c, 300, committeeFreshP50, 0.03), fig('meeting-fresh', c, 1200, 0.8, 0.12));
    }
  }
  return {
    motions, routes, missing: {}, memory: { peakMb: 200, rssMb: 180 }, seconds: 60,
    bare: [1, 10].map((c) => ({ connections: c, min: 9000, median: 10000, max: 11000 })),
  };
}

function results(withFresh: boolean, committeeFresh: [number, number] = [3.2, 3.2]): Omit<BenchResults, 'targets'> {
  return {
    date: '2026-12-05T00:00:00.000Z',
    machine: { nproc: 2, cpu: 'test cpu', ramGb: 8, node: 'v20', platform: 'Linux', loadStart: 1, loadEnd: 1 },
    options: { sizes: [1000, 100000], connections: [1, 10], seconds: 2, seed: 1, today: '2026-10-01' },
    seconds: 500,
    parse: { files: 50, pages: 2000, pagesPerSec: 900, floorPagesPerSec: 2000, ratio: 2.2, refused: [] },
    import: { motions: 2000, records: 5000, batch: 100, recordsPerSec: 6000, rawRecordsPerSec: 10000, ratio: 0.6, deriveSeconds: 1 },
    ingest: { files: 66, pages: 2046, pagesPerSec: 400, refused: 0 },
    builds: [],
    derive: null,
    serve: [serve(1000, 0.2, withFresh, committeeFresh[0]), serve(100000, 0.25, withFresh, committeeFresh[1])],
    importMemory: null,
  };
}

describe('bench report with fresh-render rows', () => {
  test('the serve tables have the fresh-render rows at c=1 and c=10, labelled, with ratios, and the note that they are judged', () => {
    const r = results(true);
    const md = renderReport({ ...r, targets: judgeTargets(r) });
    expect(ROUTE_LABELS['committee-fresh']).toBe('committee (fresh render)');
    expect(md).toContain('| committee (fresh render) | 1 | 300 | 3.20 | 12.80 | 0.03 |');
    expect(md).toContain('| committee (fresh render) | 10 | 300 | 3.20 | 12.80 | 0.03 |');
    expect(md).toContain('| motion (fresh render) | 10 | 800 | 1.20 | 4.80 | 0.08 |');
    expect(md).toContain('| meeting (fresh render) | 1 | 1,200 | 0.80 | 3.20 | 0.12 |');
    // the normal rows as before
    expect(md).toContain('| committee /organizations/:id | 10 | 7,000 | 0.25 | 1.00 | 0.70 |');
    expect(FRESH_NOTE).toContain('The motion, committee and meeting pages are judged rendered fresh too');
    expect(FRESH_NOTE).toContain('?_r=N');
    // under both serve tables and the growth table
    expect(md.split(FRESH_NOTE).length - 1).toBe(3);
    // growth has a row for each fresh route too
    expect(md).toMatch(/\| committee \(fresh render\) \| 3\.20 \/ 3\.20 \| 300 \/ 300 \| 0\.03 \/ 0\.03 \| 12\.80 \/ 12\.80 \| 1\.00× \|/);
  });

  test('the fresh motion, committee and meeting rows are judged at c=1: p50 under 2 ms at the largest size, growth within 1.5×; the cacheable targets as before', () => {
    const withFresh = judgeTargets(results(true));
    const without = judgeTargets(results(false));
    const fresh = withFresh.filter((t) => t.target.includes('rendered fresh'));
    expect(fresh.map((t) => [t.target, t.measured, t.status])).toEqual([
      ['motion page rendered fresh at 100,000 motions: p50 < 2 ms (c=1)', 'p50 1.20 ms, p99 4.80 ms', 'met'],
      ['motion page rendered fresh: p50 growth 1,000 → 100,000 motions within 1.5× (c=1)', '1.00× (1.20 ms → 1.20 ms)', 'met'],
      ['committee page rendered fresh at 100,000 motions: p50 < 2 ms (c=1)', 'p50 3.20 ms, p99 12.80 ms', 'not met'],
      ['committee page rendered fresh: p50 growth 1,000 → 100,000 motions within 1.5× (c=1)', '1.00× (3.20 ms → 3.20 ms)', 'met'],
      ['meeting page rendered fresh at 100,000 motions: p50 < 2 ms (c=1)', 'p50 0.80 ms, p99 3.20 ms', 'met'],
      ['meeting page rendered fresh: p50 growth 1,000 → 100,000 motions within 1.5× (c=1)', '1.00× (0.80 ms → 0.80 ms)', 'met'],
    ]);
    // growth past 1.5× fails the row
    const grown = judgeTargets(results(true, [1.2, 1.9])).find((t) => t.target.startsWith('committee page rendered fresh: p50 growth'))!;
    expect([grown.measured, grown.status]).toEqual(['1.58× (1.20 ms → 1.90 ms)', 'not met']);
    // without fresh rows they are n/a; every other target is the same either way
    expect(without.filter((t) => t.target.includes('rendered fresh')).map((t) => t.status)).toEqual(['n/a', 'n/a', 'n/a', 'n/a', 'n/a', 'n/a']);
    expect(withFresh.filter((t) => !t.target.includes('rendered fresh'))).toEqual(without.filter((t) => !t.target.includes('rendered fresh')));
    const committee = withFresh.find((t) => t.target.startsWith('committee page at 100,000 motions: ≥ 60 %'));
    expect(committee).toEqual({ target: "committee page at 100,000 motions: ≥ 60 % of the bare route's req/s", measured: '70 % at c=10', status: 'met' });
    const growth = withFresh.find((t) => t.target.startsWith('growth'))!;
    expect(growth.measured).not.toContain('fresh');
  });

  test('with both sizes served at once (bench/alternating.ts), the growth targets are judged on that run, the own runs shown beside it', () => {
    // own runs: committee fresh 1.20 → 1.90 ms (1.58×); served at once: 2.00 → 2.60 ms (1.30×)
    const alternating: AlternatingFigures = {
      motions: [1000, 100000],
      rows: [
        { route: 'committee-fresh', p50: [2, 2.6], requests: 640 },
        { route: 'meeting-fresh', p50: [1, 1.6], requests: 640 },
        { route: 'committee', p50: [0.2, 0.31], requests: 640 },
      ],
    };
    const r = { ...results(true, [1.2, 1.9]), alternating };
    const t = judgeTargets(r);
    const row = (start: string) => t.find((x) => x.target.startsWith(start))!;
    expect([row('committee page rendered fresh: p50 growth').measured, row('committee page rendered fresh: p50 growth').status]).toEqual([
      '1.30× (2.00 ms → 2.60 ms, both sizes served at once, one client taking them in turns); in runs of their own: 1.58× (1.20 ms → 1.90 ms)', 'met',
    ]);
    // 1.60× served at once fails the row though the own runs say 1.00×
    expect([row('meeting page rendered fresh: p50 growth').measured, row('meeting page rendered fresh: p50 growth').status]).toEqual([
      '1.60× (1.00 ms → 1.60 ms, both sizes served at once, one client taking them in turns); in runs of their own: 1.00× (0.80 ms → 0.80 ms)', 'not met',
    ]);
    // a route the alternating run does not have: judged on the own runs
    expect([row('motion page rendered fresh: p50 growth').measured, row('motion page rendered fresh: p50 growth').status]).toEqual(['1.00× (1.20 ms → 1.20 ms)', 'met']);
    // the absolute p50 at the largest size is still the serve row's
    expect(row('committee page rendered fresh at').measured).toBe('p50 1.90 ms, p99 7.60 ms');
    // the cached routes' growth: committee 1.55× served at once (own runs: 1.25×) fails the row
    expect(row('growth 1,000 → 100,000 motions')).toEqual({
      target: 'growth 1,000 → 100,000 motions: page latency (p50, c=1) within 1.5×',
      measured: 'start 1.00×, motion 1.00×, committee 1.55×, meeting 1.00×, search-common 1.00×, search 1.00×, feed 1.00× (both sizes served at once, one client taking them in turns); ' +
        'in runs of their own: start 1.00×, motion 1.00×, committee 1.25×, meeting 1.00×, search-common 1.00×, search 1.00×, feed 1.00×',
      status: 'not met',
    });
    const md = renderReport({ ...r, targets: t });
    expect(md).toContain('**Growth, both sizes served at once** (the 1,000 and the 100,000 motions database');
    expect(md).toContain('| committee (fresh render) | 2.00 / 2.60 | 1.30× | 640 |');
    expect(md).toContain('| committee /organizations/:id | 0.20 / 0.31 | 1.55× | 640 |');
    // without an alternating run: no such section, the rows as before
    expect(renderReport({ ...results(true), targets: judgeTargets(results(true)) })).not.toContain('both sizes served at once');
  });

  test('the import is judged at every size measured, each against its own raw insert', () => {
    const mix = (motions: number, ratio: number) => ({ motions, records: motions * 2, batch: 100, recordsPerSec: 10000 * ratio, rawRecordsPerSec: 10000, ratio, deriveSeconds: 1 });
    const r = { ...results(false), importMixes: [mix(500, 0.42), mix(2000, 0.54), mix(10000, 0.5)] };
    const imports = judgeTargets(r).filter((t) => t.target.includes('raw prepared insert'));
    expect(imports).toEqual([
      { target: 'import of 500 motions: ≥ 50 % of the raw prepared insert rate', measured: '42 % (4200 vs 10000 records/s)', status: 'not met' },
      { target: 'import of 2,000 motions: ≥ 50 % of the raw prepared insert rate', measured: '54 % (5400 vs 10000 records/s)', status: 'met' },
      { target: 'import of 10,000 motions: ≥ 50 % of the raw prepared insert rate', measured: '50 % (5000 vs 10000 records/s)', status: 'met' },
    ]);
    const md = renderReport({ ...r, targets: judgeTargets(r) });
    expect(md).toContain('| 500 | 1,000 | 4,200 | 10,000 | 42.0 % |');
    // an older result without mixes: its one import figure
    expect(judgeTargets(results(false)).filter((t) => t.target.includes('raw prepared insert')).map((t) => t.target)).toEqual(['import of 2,000 motions: ≥ 50 % of the raw prepared insert rate']);
  });

  test('results without fresh rows (older runs) show them as n/a and no note', () => {
    const r = results(false);
    const md = renderReport({ ...r, targets: judgeTargets(r) });
    expect(md).toContain('| committee (fresh render) | n/a |  |  |  | not measured in this run |');
    expect(md).not.toContain(FRESH_NOTE);
  });
});

describe('unique URLs for fresh renders', () => {
  test('uniquePath adds a counter that never repeats, after an existing query', () => {
    const a = uniquePath('/papers/1');
    const b = uniquePath('/papers/1');
    const c = uniquePath('/suche?q=x');
    expect(a).toMatch(new RegExp(`^/papers/1\\?${UNIQUE_PARAM}=\\d+$`));
    expect(c).toMatch(new RegExp(`^/suche\\?q=x&${UNIQUE_PARAM}=\\d+$`));
    expect(new Set([a, b, c]).size).toBe(3);
  });

  test('runLoad with unique sends every request to a URL of its own, rotating over the paths', async () => {
    const seen: string[] = [];
    const app = express();
    app.get(/.*/, (req, res) => {
      seen.push(req.originalUrl);
      res.send('ok');
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const res = await runLoad((server.address() as AddressInfo).port, ['/a', '/b'], 2, 1, true);
      expect(res.responses).toBeGreaterThan(10);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.every((u) => /^\/[ab]\?_r=\d+$/.test(u))).toBe(true);
      expect(seen.some((u) => u.startsWith('/a?')) && seen.some((u) => u.startsWith('/b?'))).toBe(true);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
