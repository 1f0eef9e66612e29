/**
 * Counts per month as lines (d3-shape's line, d3-scale's point and linear scales): each series with its
 * own dash and marker shape, so that they stay apart without colour.
 */
import { scaleLinear, scalePoint } from 'd3-scale';
import { line } from 'd3-shape';
import { formatDate } from '../../domain/german-format';
import { CHART_WIDTH } from './bars';
import { esc, frame, num } from './svg';

export interface TimelineSeries {
  label: string;
  values: number[];
  color: string;
  marker: 'circle' | 'square';
  dash: string | null;
}

const HEIGHT = 220;
const LEFT = 30;
const BOTTOM = 40;

export function timeline(id: string, title: string, desc: string, months: string[], series: TimelineSeries[]): string {
  const x = scalePoint<string>().domain(months).range([LEFT + 6, CHART_WIDTH - 8]);
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const y = scaleLinear().domain([0, max]).nice().range([HEIGHT - BOTTOM, 8]);
  const body: string[] = [];
  for (const t of y.ticks(4)) {
    if (!Number.isInteger(t)) continue;
    body.push(`<line x1="${LEFT}" x2="${CHART_WIDTH}" y1="${num(y(t))}" y2="${num(y(t))}" stroke="#ddd"/><text x="${LEFT - 4}" y="${num(y(t) + 4)}" text-anchor="end" class="tick">${t}</text>`);
  }
  const every = Math.max(1, Math.ceil(months.length / 6));
  months.forEach((m, i) => {
    if (i % every !== 0 && i !== months.length - 1) return;
    body.push(`<text x="${num(x(m) ?? 0)}" y="${HEIGHT - BOTTOM + 18}" text-anchor="middle" class="tick">${esc(formatDate(m, 'monthShort'))}</text>`);
  });
  for (const s of series) {
    const path = line<number>().x((_v, i) => x(months[i]) ?? 0).y((v) => y(v))(s.values) ?? '';
    body.push(`<path d="${path}" fill="none" stroke="${s.color}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`);
    s.values.forEach((v, i) => {
      const cx = x(months[i]) ?? 0;
      const cy = y(v);
      const tip = `<title>${esc(`${formatDate(months[i], 'monthShort')}: ${s.label} ${v}`)}</title>`;
      body.push(s.marker === 'circle'
        ? `<circle cx="${num(cx)}" cy="${num(cy)}" r="3" fill="${s.color}">${tip}</circle>`
        : `<rect x="${num(cx - 3)}" y="${num(cy - 3)}" width="6" height="6" fill="${s.color}">${tip}</rect>`);
    });
  }
  body.push(`<line x1="${LEFT}" x2="${CHART_WIDTH}" y1="${HEIGHT - BOTTOM}" y2="${HEIGHT - BOTTOM}" stroke="#555"/>`);
  return frame(id, CHART_WIDTH, HEIGHT, title, desc, body.join(''));
}
