/**
 * Shared parts of the dashboard's server-rendered SVG charts: escaping (every label is scraped text),
 * the accessible frame (role="img", <title>, <desc>), and one fill per state — a colour and a pattern,
 * so that the states stay apart in greyscale print and for colour-blind readers.
 */
import { formatNumber } from '../../domain/german-format';
import type { PaperState } from '../../domain/states';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for SVG content and attribute values: markup characters escaped. */
export function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** A number for an SVG attribute: at most one decimal, never NaN. */
export function num(n: number): string {
  return Number.isFinite(n) ? String(Math.round(n * 10) / 10) : '0';
}

/** Colours of the states (WCAG contrast ≥ 3:1 against white for every bar) and the pattern drawn over each. */
export const STATE_FILLS: Record<PaperState, { color: string; pattern: 'none' | 'diagonal' | 'back' | 'cross' | 'dots' | 'horizontal' | 'vertical' | 'grid' }> = {
  submitted: { color: '#5b6b7a', pattern: 'dots' },
  'in-deliberation': { color: '#1f5fa8', pattern: 'none' },
  scheduled: { color: '#6a3d9a', pattern: 'vertical' },
  decided: { color: '#1b7a3a', pattern: 'diagonal' },
  'decided-amended': { color: '#3d6b12', pattern: 'back' },
  rejected: { color: '#b3261e', pattern: 'cross' },
  noted: { color: '#7a5c00', pattern: 'horizontal' },
  closed: { color: '#2f6f6a', pattern: 'grid' },
  withdrawn: { color: '#8a4b08', pattern: 'dots' },
  stopped: { color: '#444444', pattern: 'cross' },
  stalled: { color: '#9c2f6e', pattern: 'back' },
};

const PATTERN_PATHS: Record<string, string> = {
  diagonal: 'M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4',
  back: 'M-2,6 l4,4 M0,0 l8,8 M6,-2 l4,4',
  cross: 'M0,0 l8,8 M8,0 l-8,8',
  horizontal: 'M0,4 h8',
  vertical: 'M4,0 v8',
  grid: 'M0,4 h8 M4,0 v8',
};

/** <defs> with one pattern per state, ids prefixed (several charts share one page). */
export function stateDefs(prefix: string): string {
  const parts = Object.entries(STATE_FILLS).map(([state, f]) => {
    const id = `${prefix}-${state}`;
    if (f.pattern === 'none') return `<pattern id="${id}" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="${f.color}"/></pattern>`;
    const mark = f.pattern === 'dots'
      ? '<circle cx="4" cy="4" r="1.6" fill="#ffffff"/>'
      : `<path d="${PATTERN_PATHS[f.pattern]}" stroke="#ffffff" stroke-width="1.6"/>`;
    return `<pattern id="${id}" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="${f.color}"/>${mark}</pattern>`;
  });
  return `<defs>${parts.join('')}</defs>`;
}

export function stateFill(prefix: string, state: string): string {
  return state in STATE_FILLS ? `url(#${prefix}-${state})` : '#777777';
}

/** A small swatch for the HTML legend: the same colour and pattern as in the chart. */
export function stateSwatch(state: string): string {
  const prefix = `sw-${state}`;
  return `<svg class="swatch" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">${stateDefs(prefix)}<rect width="16" height="16" fill="${stateFill(prefix, state)}" stroke="#222" stroke-width="1"/></svg>`;
}

/** The outer <svg> of a chart: a fixed viewBox that scales to the column's width, a title and a description for screen readers. */
export function frame(id: string, width: number, height: number, title: string, desc: string, body: string): string {
  return `<svg class="chart" id="${id}" viewBox="0 0 ${width} ${num(height)}" role="img" aria-labelledby="${id}-t ${id}-d" preserveAspectRatio="xMinYMin meet">`
    + `<title id="${id}-t">${esc(title)}</title><desc id="${id}-d">${esc(desc)}</desc>${body}</svg>`;
}

/** Bottom axis ticks of a linear scale: tick lines, labels, and the axis line. */
export function bottomAxis(ticks: number[], x: (n: number) => number, y: number, unit: string): string {
  const parts = ticks.map((t) => `<g transform="translate(${num(x(t))},${num(y)})"><line y2="5" stroke="#555"/><text y="18" text-anchor="middle" class="tick">${esc(formatNumber(t))}</text></g>`);
  const [a, b] = [x(ticks[0] ?? 0), x(ticks[ticks.length - 1] ?? 0)];
  return `<line x1="${num(a)}" x2="${num(b)}" y1="${num(y)}" y2="${num(y)}" stroke="#555"/>${parts.join('')}`
    + (unit ? `<text x="${num(b)}" y="${num(y + 34)}" text-anchor="end" class="tick">${esc(unit)}</text>` : '');
}
