/**
 * The dashboard at each generated size, in-process on the served database, `runs` times each; p50, p99:
 * - fresh render: the page rendered anew (five SVG charts + template) from the data the route keeps per
 *   data stamp (memoByData, as the lists keep theirs) — what a request costs that the response cache
 *   does not answer;
 * - cold: dashboardData counted again as well (every aggregate; what the first request after a change
 *   of the data costs).
 * The served route with its caches is measured by bench/serve.ts like every other route ("dashboard").
 *
 * Alone: `npx tsx bench/dashboard.ts [1000,10000,100000]` builds the databases in a temporary folder
 * and prints the rows (the whole `npm run bench` runs them at its sizes).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { dashboardData } from '../src/db/queries-dashboard';
import { monthsBefore } from '../src/domain/dashboard-stats';
import { createRenderer } from '../src/server/render';
import { loadTopics } from '../src/server/topics-file';
import { TIMELINE_MONTHS, toDashboardView } from '../src/server/views/dashboard-view';
import { topicListSpec } from '../src/server/views/list-data';
import { BENCH_TODAY, buildDatabase } from './generate';

export interface DashboardFigures {
  motions: number;
  runs: number;
  /** fresh render of /dashboard (default topic, every city) from the kept data, ms */
  p50: number;
  p99: number;
  /** cold: the data counted again too, default topic / every motion (?thema=alle), ms */
  coldP50: number;
  coldP99: number;
  allColdP50: number;
  allColdP99: number;
}

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

export function benchDashboard(file: string, motions: number, today: string, runs = 40): DashboardFigures {
  const db = new Database(file, { readonly: true });
  db.pragma('cache_size = -65536');
  const render = createRenderer();
  const topics = loadTopics();
  const fromMonth = monthsBefore(today, TIMELINE_MONTHS - 1);
  const cities = db.prepare('SELECT key, name FROM sources ORDER BY name').all() as { key: string; name: string }[];
  const time = (topicId: string | null, cold: boolean) => {
    const topic = topicId ? topics.topics.find((t) => t.id === topicId)! : null;
    const spec = topicListSpec(topic, {}, 'activity');
    const params = { topic, topicParam: topic ? null : 'alle', source: null };
    const kept = dashboardData(db, spec, today, fromMonth);
    const ms: number[] = [];
    for (let i = 0; i < runs + 3; i++) {
      const t0 = process.hrtime.bigint();
      const data = cold ? dashboardData(db, spec, today, fromMonth) : kept;
      const html = render('dashboard', toDashboardView(params, topics, cities, data, today, fromMonth));
      if (html.length < 1000) throw new Error('the dashboard rendered almost nothing');
      if (i >= 3) ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    return ms.sort((a, b) => a - b);
  };
  try {
    const fresh = time(topics.defaultId, false);
    const cold = time(topics.defaultId, true);
    const allCold = time(null, true);
    return {
      motions, runs, p50: percentile(fresh, 0.5), p99: percentile(fresh, 0.99), coldP50: percentile(cold, 0.5), coldP99: percentile(cold, 0.99),
      allColdP50: percentile(allCold, 0.5), allColdP99: percentile(allCold, 0.99),
    };
  } finally {
    db.close();
  }
}

if (require.main === module) {
  const sizes = (process.argv[2] ?? '1000,10000,100000').split(',').map(Number);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ratsradar-bench-dashboard-'));
  try {
    for (const motions of sizes) {
      const file = path.join(dir, `d-${motions}.sqlite`);
      buildDatabase(file, { seed: 1, motions, today: BENCH_TODAY });
      const f = benchDashboard(file, motions, BENCH_TODAY);
      process.stdout.write(`${motions} motions: fresh render p50 ${f.p50.toFixed(2)} ms, p99 ${f.p99.toFixed(2)} ms; cold p50 ${f.coldP50.toFixed(2)} ms (every motion ${f.allColdP50.toFixed(2)} ms)\n`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
