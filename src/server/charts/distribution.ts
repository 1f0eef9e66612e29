/**
 * A strip plot per row (city): the values as dots on a common day scale (d3-scale) — one dot per
 * occupied bin of at most MAX_DOTS bins across the scale, its area growing with how many values it holds —,
 * the box from the first to the third quartile, and the median marked with a bold line and its number.
 */
import { scaleLinear } from 'd3-scale';
import type { Spread } from '../../domain/dashboard-stats';
import { CHART_WIDTH } from './bars';
import { formatNumber } from '../../domain/german-format';
import { bottomAxis, esc, frame, num } from './svg';

const ROW = 56;
const TOP = 6;

/** Dots per row at most: a city with thousands of decisions stays a readable (and small) picture. */
export const MAX_DOTS = 80;

export interface DistributionRow {
  label: string;
  /** value → how many times it occurs */
  histogram: { value: number; count: number }[];
  spread: Spread;
}

export function distribution(id: string, title: string, desc: string, rows: DistributionRow[], unit: string): string {
  const max = Math.max(1, ...rows.map((r) => r.spread.max));
  const x = scaleLinear().domain([0, max]).nice().range([10, CHART_WIDTH - 16]);
  const body: string[] = [];
  rows.forEach((r, i) => {
    const y = TOP + i * ROW;
    const mid = y + 34;
    body.push(`<text x="0" y="${y + 12}" class="label">${esc(r.label)}</text>`);
    const s = r.spread;
    body.push(`<rect x="${num(x(s.q1))}" y="${mid - 10}" width="${num(Math.max(1, x(s.q3) - x(s.q1)))}" height="20" fill="#dce6f2" stroke="#1f5fa8"/>`);
    const width = Math.max(1, Math.ceil(max / MAX_DOTS));
    const bins = new Map<number, number>();
    for (const h of r.histogram) bins.set(Math.floor(h.value / width), (bins.get(Math.floor(h.value / width)) ?? 0) + h.count);
    [...bins].forEach(([bin, count], j) => {
      // a fixed, repeatable offset (no randomness): neighbouring dots stay apart
      const dy = ((j % 3) - 1) * 4;
      const v = width === 1 ? bin : bin * width + width / 2;
      body.push(`<circle cx="${num(x(v))}" cy="${mid + dy}" r="${num(Math.min(8, 2.5 * Math.sqrt(count)))}" fill="#1f5fa8" fill-opacity="0.6"/>`);
    });
    body.push(`<line x1="${num(x(s.median))}" x2="${num(x(s.median))}" y1="${mid - 13}" y2="${mid + 13}" stroke="#111" stroke-width="3"/>`);
    const labelX = x(s.median);
    const anchor = labelX > CHART_WIDTH - 90 ? 'end' : 'start';
    body.push(`<text x="${num(labelX + (anchor === 'start' ? 5 : -5))}" y="${y + 12}" text-anchor="${anchor}" class="value">Median ${esc(formatNumber(Math.round(s.median)))}</text>`);
  });
  const axisY = TOP + rows.length * ROW + 2;
  body.push(bottomAxis(x.ticks(5), x, axisY, unit));
  return frame(id, CHART_WIDTH, axisY + 40, title, desc, body.join(''));
}
