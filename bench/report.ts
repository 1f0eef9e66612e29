/** bench/results.json → the Markdown tables (bench/results.md, the README section). */
import type { AlternatingFigures } from './alternating';
import type { ImportBenchResult } from './import';
import type { BenchResults } from './results';
import { renderExtract } from './extract';
import { FRESH_MAX_CONNECTIONS, isFreshRoute, ROUTE_LABELS, ROUTES, type ServeResult } from './serve';

const n0 = (v: number) => Math.round(v).toLocaleString('en');
const f2 = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : '–');
const size = (v: number) => (v >= 1000 && v % 1000 === 0 ? `${v / 1000}k` : String(v));

function table(head: string[], rows: string[][]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function serveTable(s: ServeResult): string {
  const rows: string[][] = [];
  for (const route of ROUTES) {
    const figs = s.routes.filter((r) => r.route === route);
    if (figs.length === 0) {
      rows.push([ROUTE_LABELS[route], 'n/a', '', '', '', s.missing[route] ?? (isFreshRoute(route) ? 'not measured in this run' : '')]);
      continue;
    }
    for (const f of figs) {
      rows.push([ROUTE_LABELS[route], String(f.connections), n0(f.reqPerSec), f2(f.p50), f2(f.p99), route === 'bare' ? '1' : f2(f.ratio)]);
    }
  }
  return table(['route', 'c', 'req/s', 'p50 ms', 'p99 ms', 'ratio to bare'], rows);
}

/** What the fresh-render rows are, under every table that has them. */
export const FRESH_NOTE =
  `The routes above rotate over up to 64 pages each, so after the first round most of their requests are answered from the server's ` +
  `response cache (finished answers kept by ETag, src/server/response-cache.ts). The rows "(fresh render)" load the same motion, ` +
  `committee and meeting pages with a query parameter of their own per request (?_r=N, ignored by the pages but part of the cache key), ` +
  `so every request renders, at c ≤ ${FRESH_MAX_CONNECTIONS}, ratio to the bare median of the same c. ` +
  'The motion, committee and meeting pages are judged rendered fresh too (p50 at c=1 and its growth); the other targets on the normal (cacheable) routes.';

function growthTable(r: BenchResults): string {
  const sizes = [...r.serve].sort((a, b) => a.motions - b.motions);
  const fig = (s: ServeResult, route: string, c: number) => s.routes.find((x) => x.route === route && x.connections === c);
  const across = (route: string, c: number, pick: (f: NonNullable<ReturnType<typeof fig>>) => string) =>
    sizes.map((s) => {
      const f = fig(s, route, c);
      return f ? pick(f) : 'n/a';
    }).join(' / ');
  const sizesText = sizes.map((s) => size(s.motions)).join(' / ');
  const head = ['route', `p50 ms at c=1 (${sizesText})`, `req/s at c=10`, 'ratio to bare at c=10', 'p99 ms at c=10', 'p50 growth'];
  const rows = ROUTES.map((route) => {
    const a = fig(sizes[0], route, 1);
    const b = fig(sizes[sizes.length - 1], route, 1);
    return [
      ROUTE_LABELS[route], across(route, 1, (f) => f2(f.p50)), across(route, 10, (f) => n0(f.reqPerSec)),
      route === 'bare' ? '1' : across(route, 10, (f) => f2(f.ratio)), across(route, 10, (f) => f2(f.p99)),
      a && b ? `${f2(b.p50 / a.p50)}×` : 'n/a',
    ];
  });
  return table(head, rows);
}

/** The growth with both sizes served at once (bench/alternating.ts): what the growth targets are judged on. */
function alternatingSection(a: AlternatingFigures): string {
  const [small, large] = a.motions.map(n0);
  return [
    `**Growth, both sizes served at once** (the ${small} and the ${large} motions database each behind a server child, one client ` +
      'taking them in turns round by round (all the pages of a route at one size, then at the other) over the pages of the rows above, fresh routes with ?_r=N; ' +
      `the growth targets are judged on these: a change of the machine's speed falls on both sizes alike, which the tables above, ` +
      'each size in a run of its own minutes apart, do not give)',
    '',
    table(['route', `p50 ms (${small} / ${large})`, 'p50 growth', 'requests per size'],
      a.rows.map((x) => [ROUTE_LABELS[x.route], `${f2(x.p50[0])} / ${f2(x.p50[1])}`, `${f2(x.p50[1] / x.p50[0])}×`, n0(x.requests)])),
  ].join('\n');
}

/** The import against the raw insert at each size of --import-mixes. */
export function renderImportMixes(mixes: readonly ImportBenchResult[]): string {
  return table(['motions', 'records', 'import records/s', 'raw insert records/s', 'ratio'],
    mixes.map((m) => [n0(m.motions), n0(m.records), n0(m.recordsPerSec), n0(m.rawRecordsPerSec), `${(m.ratio * 100).toFixed(1)} %`]));
}

export function renderReport(r: BenchResults): string {
  const m = r.machine;
  const out: string[] = [];
  out.push(`Run ${r.date} on ${m.nproc} cores (${m.cpu}), ${m.ramGb} GB RAM, Node ${m.node}, ${m.platform}; ` +
    `load average ${f2(m.loadStart)} at the start, ${m.loadEnd === null ? '–' : f2(m.loadEnd)} at the end; ${n0(r.seconds)} s in all.`);
  out.push('', '**Targets**', '', table(['target', 'measured', ''], r.targets.map((t) => [t.target, t.measured, t.status === 'met' ? 'met' : t.status === 'n/a' ? 'n/a' : '**not met**'])));
  out.push('', '**Parse and import** (one core)', '', table(['what', 'rate', 'baseline in the same run', 'ratio'], [
    [`parse: ${r.parse.files} HTML/XML corpus pages × ${r.parse.pages / r.parse.files} (decode + detect + parse)`, `${n0(r.parse.pagesPerSec)} pages/s`,
      `${n0(r.parse.floorPagesPerSec)} pages/s (decode + htmlparser2.parseDocument)`, `${f2(r.parse.ratio)}× the floor's time`],
    [`import: ${n0(r.import.records)} generated records (${n0(r.import.motions)} motions, committees, meetings) via importRecords, ${r.import.batch} per call`,
      `${n0(r.import.recordsPerSec)} records/s`, `${n0(r.import.rawRecordsPerSec)} records/s (the rows it wrote, inserted by prepared INSERTs in one transaction)`, `${(r.import.ratio * 100).toFixed(1)} %`],
    [`end-to-end ingest: ${r.ingest.files} corpus pages × ${r.ingest.pages / r.ingest.files}, bytes → committed rows`, `${n0(r.ingest.pagesPerSec)} pages/s`, '', ''],
  ]));
  if (r.importMixes?.length) out.push('', `**Import at several sizes** (the same measure, ${r.import.batch} records per call, best of 3 each)`, '', renderImportMixes(r.importMixes));
  if (r.extract) out.push('', '**Document extraction**', '', renderExtract(r.extract));
  out.push('', '**Generated databases**', '', table(['motions', 'meetings', 'agenda items', 'stations', 'generate s', 'write s', 'MB'],
    r.builds.map((b) => [n0(b.motions), n0(b.meetings), n0(b.agendaItems), n0(b.consultations), f2(b.generateSeconds), f2(b.writeSeconds), n0(b.mb)])));
  if (r.derive) {
    const daily = r.derive.nextDaySeconds === undefined ? '' : ` The daily refresh (one day on): ${f2(r.derive.nextDaySeconds)} s, ${n0(r.derive.nextDayWritten ?? 0)} rows written.`;
    out.push('', `refreshDerived over all ${n0(r.derive.motions)} motions: ${f2(r.derive.seconds)} s (${f2(r.derive.perMotionMs)} ms per motion).${daily}`);
  }
  for (const s of r.serve) {
    out.push('', `**Serve, ${n0(s.motions)} motions** (autocannon on loopback, ${r.options.seconds} s per run; server peak RSS ${n0(s.memory.peakMb)} MB; ` +
      `the bare row is the median of the bare runs of each concurrency, one before every route)`, '', serveTable(s));
    if (s.routes.some((f) => isFreshRoute(f.route))) out.push('', FRESH_NOTE);
  }
  if (r.serve.length > 1) {
    out.push('', '**Growth**', '', growthTable(r));
    if (r.serve.some((s) => s.routes.some((f) => isFreshRoute(f.route)))) out.push('', FRESH_NOTE);
  }
  if (r.alternating?.rows.length) out.push('', alternatingSection(r.alternating));
  if (r.dashboard?.length) {
    out.push('', '**Dashboard** (in-process, bench/dashboard.ts: fresh render = charts + template from the data kept per data stamp; cold = the data counted again too)', '',
      table(['motions', 'fresh p50 ms', 'fresh p99 ms', 'cold p50 ms', 'cold p99 ms', 'cold, every motion, p50 ms'],
        r.dashboard.map((d) => [n0(d.motions), f2(d.p50), f2(d.p99), f2(d.coldP50), f2(d.coldP99), f2(d.allColdP50)])));
  }
  const im = r.importMemory;
  out.push('', '**Memory** (peak RSS, VmHWM, of child processes)', '', table(['what', 'peak RSS'], [
    ...(im ? [[`import of ${n0(im.motionsPlanned)} motions via importRecords (${im.complete ? 'complete' : `stopped after ${n0(im.motionsImported)} motions`}, ${f2(im.seconds)} s, ${n0(im.records / im.seconds)} records/s${im.complete ? `; refreshDerived ${f2(im.deriveSeconds)} s` : ''})`, `${n0(im.peakMb)} MB`]] : []),
    ...r.serve.map((s) => [`server under load, ${n0(s.motions)} motions`, `${n0(s.memory.peakMb)} MB`]),
  ]));
  return `${out.join('\n')}\n`;
}
