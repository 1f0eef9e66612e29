/**
 * Horizontal bar charts, server-rendered SVG (d3-scale for the geometry, d3-shape's stack for stacked
 * bars): one row per item, its label above its bar (so that long committee and city names stay readable
 * on a phone), the value at the bar's end. Labels are escaped (svg.ts).
 */
import { scaleLinear } from 'd3-scale';
import { stack } from 'd3-shape';
import { bottomAxis, esc, frame, num, stateDefs, stateFill } from './svg';

export const CHART_WIDTH = 400;
const ROW = 42;
const BAR = 18;
const TOP = 6;
const VALUE_ROOM = 44;
/** room left of an axis's 0, so that its label is not cut */
const AXIS_LEFT = 10;

export interface StackedRow {
  label: string;
  counts: Record<string, number>;
}

/** Stacked bars: one bar per row, one segment per key (a state), filled with the key's colour and pattern. */
export function stackedBars(id: string, title: string, desc: string, rows: StackedRow[], keys: string[], keyLabel: (k: string) => string): string {
  const totals = rows.map((r) => keys.reduce((n, k) => n + (r.counts[k] ?? 0), 0));
  const x = scaleLinear().domain([0, Math.max(1, ...totals)]).range([0, CHART_WIDTH - VALUE_ROOM]);
  const series = stack<StackedRow, string>().keys(keys).value((r, k) => r.counts[k] ?? 0)(rows);
  const body: string[] = [stateDefs(id)];
  rows.forEach((r, i) => {
    const y = TOP + i * ROW;
    body.push(`<text x="0" y="${y + 12}" class="label">${esc(r.label)}</text>`);
    for (const s of series) {
      const [a, b] = s[i];
      if (b <= a) continue;
      body.push(`<rect x="${num(x(a))}" y="${y + 17}" width="${num(x(b) - x(a))}" height="${BAR}" fill="${stateFill(id, s.key)}" stroke="#ffffff" stroke-width="0.5">`
        + `<title>${esc(`${r.label}: ${keyLabel(s.key)} ${b - a}`)}</title></rect>`);
    }
    body.push(`<text x="${num(x(totals[i]) + 4)}" y="${y + 31}" class="value">${totals[i]}</text>`);
  });
  return frame(id, CHART_WIDTH, TOP + rows.length * ROW + 4, title, desc, body.join(''));
}

export interface BarItem {
  label: string;
  value: number;
  /** a state (filled with its colour and pattern) or null for the neutral fill */
  state?: string | null;
  /** text at the bar's end; the value when absent */
  valueText?: string;
}

/** Simple bars, one per item, on a common scale with an axis below (`unit` names it). */
export function bars(id: string, title: string, desc: string, items: BarItem[], unit: string): string {
  const max = Math.max(1, ...items.map((i) => i.value));
  const x = scaleLinear().domain([0, max]).nice().range([AXIS_LEFT, CHART_WIDTH - VALUE_ROOM - 20]);
  const body: string[] = [stateDefs(id)];
  items.forEach((item, i) => {
    const y = TOP + i * ROW;
    const fill = item.state ? stateFill(id, item.state) : '#1f5fa8';
    body.push(`<text x="0" y="${y + 12}" class="label">${esc(item.label)}</text>`);
    body.push(`<rect x="${AXIS_LEFT}" y="${y + 17}" width="${num(Math.max(1, x(item.value) - AXIS_LEFT))}" height="${BAR}" fill="${fill}"><title>${esc(`${item.label}: ${item.valueText ?? item.value}`)}</title></rect>`);
    body.push(`<text x="${num(x(item.value) + 4)}" y="${y + 31}" class="value">${esc(item.valueText ?? String(item.value))}</text>`);
  });
  const axisY = TOP + items.length * ROW + 4;
  body.push(bottomAxis(x.ticks(4), x, axisY, unit));
  return frame(id, CHART_WIDTH, axisY + 40, title, desc, body.join(''));
}
