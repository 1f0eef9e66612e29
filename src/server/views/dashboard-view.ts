/**
 * The dashboard's view model: five charts (server-rendered SVG, src/server/charts) over one topic's
 * motions across cities, each with the table of its numbers beside it (for screen readers, print and
 * the CSV download of the same table). Every number shown comes from src/db/queries-dashboard.ts.
 */
import type { DashboardData } from '../../db/queries-dashboard';
import { DECISION_STATES, ENDED_STATES, fillMonths, groupBy, monthRange, spreadOfHistogram, STALLED_AFTER_DAYS, type Spread } from '../../domain/dashboard-stats';
import { PAPER_STATES, STATE_LABELS, type PaperState } from '../../domain/states';
import type { Topic, TopicSet } from '../../domain/topics';
import { bars, stackedBars } from '../charts/bars';
import { distribution } from '../charts/distribution';
import { formatDate, formatNumber } from '../../domain/german-format';
import { stateSwatch } from '../charts/svg';
import { timeline } from '../charts/timeline';
import { dayDe } from '../to-date';
import { ALL_TOPICS } from './list-params';

export const TIMELINE_MONTHS = 24;
const STALLED_BARS = 12;

export type DashboardTable = 'staedte' | 'dauer' | 'ruhend' | 'ergebnisse' | 'monate';
export const DASHBOARD_TABLES: readonly DashboardTable[] = ['staedte', 'dauer', 'ruhend', 'ergebnisse', 'monate'];

export interface Cell {
  text: string;
  /** what a machine reads (JSON and CSV): the number a numeric cell shows, the ISO day or month (YYYY-MM-DD, YYYY-MM) a date cell shows */
  value?: number | string;
  href?: string;
  /** numbers align right */
  numeric?: boolean;
}

export interface TableView {
  caption: string;
  head: string[];
  rows: Cell[][];
}

export interface ChartView {
  key: DashboardTable;
  heading: string;
  intro: string;
  svg: string | null;
  empty: string;
  legend: { swatch: string; label: string }[];
  table: TableView;
}

export interface DashboardParams {
  topic: Topic | null;
  /** the thema parameter as given, null for the default */
  topicParam: string | null;
  /** sources.key, or null for every city */
  source: string | null;
}

const stateLabel = (s: string) => STATE_LABELS[s as PaperState] ?? s;
const n = (value: number): Cell => ({ text: formatNumber(value), value, numeric: true });
const vorlagen = (count: number) => `${formatNumber(count)} ${count === 1 ? 'Vorlage' : 'Vorlagen'}`;
const days = (value: number) => formatNumber(Math.round(value));

const byName = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, 'de');
const cityName = (data: DashboardData, sourceId: number) => data.sources.get(sourceId)?.name ?? '';

const DECIDED = new Set<string>(DECISION_STATES);
const ENDED = new Set<string>(ENDED_STATES);
const sum = <T>(rows: readonly T[], pick: (r: T) => number) => rows.reduce((a, r) => a + pick(r), 0);
const withState = (data: DashboardData) => data.counts.filter((r): r is typeof r & { state: string } => r.state != null);

function cityStates(data: DashboardData): ChartView {
  const byState = withState(data);
  const present = PAPER_STATES.filter((s) => byState.some((r) => r.state === s));
  const cities = [...groupBy(byState, (r) => r.sourceId)].map(([sourceId, rows]) => ({
    label: cityName(data, sourceId),
    counts: Object.fromEntries(rows.map((r) => [r.state, r.count])) as Record<string, number>,
  })).sort(byName);
  const total = (c: { counts: Record<string, number> }) => Object.values(c.counts).reduce((a, b) => a + b, 0);
  const all = cities.reduce((a, c) => a + total(c), 0);
  return {
    key: 'staedte',
    heading: 'Vorlagen nach Stand und Stadt',
    intro: 'Wo die Vorlagen des Themas in jeder Stadt stehen: ein Balken je Stadt, ein Abschnitt je Stand.',
    svg: cities.length ? stackedBars('chart-staedte', 'Vorlagen nach Stand und Stadt',
      `${vorlagen(all)} in ${cities.length} ${cities.length === 1 ? 'Stadt' : 'Städten'}. ` + cities.map((c) => `${c.label}: ${total(c)}`).join('; ') + '.',
      cities, present, stateLabel) : null,
    empty: 'Keine Vorlagen zu diesem Thema.',
    legend: present.map((s) => ({ swatch: stateSwatch(s), label: stateLabel(s) })),
    table: {
      caption: 'Vorlagen nach Stand und Stadt',
      head: ['Stadt', ...present.map(stateLabel), 'Gesamt'],
      rows: cities.map((c) => [{ text: c.label }, ...present.map((s) => n(c.counts[s] ?? 0)), n(total(c))]),
    },
  };
}

function durations(data: DashboardData): ChartView {
  const cities = [...groupBy(data.durations, (d) => d.sourceId)].map(([sourceId, rows]) => ({
    label: cityName(data, sourceId),
    histogram: rows.map((r) => ({ value: r.days, count: r.count })),
    spread: spreadOfHistogram(rows.map((r) => ({ value: r.days, count: r.count }))) as Spread,
  })).sort(byName);
  const decidedUndated = sum(data.counts.filter((r) => r.state && DECIDED.has(r.state)), (r) => r.noDuration);
  return {
    key: 'dauer',
    heading: 'Dauer von der Vorlage bis zur Entscheidung',
    intro: `Tage vom Datum der Vorlage bis zur letzten Beratung, für entschiedene Vorlagen (${DECISION_STATES.map(stateLabel).join(', ')}). Die Punkte zeigen die Dauern (je größer, desto mehr Vorlagen), der Kasten die mittlere Hälfte, der Strich der Median.`
      + (decidedUndated ? ` Nicht gezählt: ${vorlagen(decidedUndated)} ohne Datum im Ratsinformationssystem.` : ''),
    svg: cities.length ? distribution('chart-dauer', 'Dauer bis zur Entscheidung je Stadt',
      cities.map((c) => `${c.label}: ${vorlagen(c.spread.count)}, Median ${days(c.spread.median)} Tage`).join('; ') + '.', cities, 'Tage') : null,
    empty: 'Noch keine entschiedene Vorlage mit Datum.',
    legend: [],
    table: {
      caption: 'Dauer bis zur Entscheidung in Tagen',
      head: ['Stadt', 'Vorlagen', 'Median', '1. Quartil', '3. Quartil', 'kürzeste', 'längste'],
      rows: cities.map((c) => [{ text: c.label }, n(c.spread.count), n(Math.round(c.spread.median)), n(Math.round(c.spread.q1)),
        n(Math.round(c.spread.q3)), n(c.spread.min), n(c.spread.max)]),
    },
  };
}

function stalled(data: DashboardData): ChartView {
  const shown = data.stalled.slice(0, STALLED_BARS);
  const stalledTotal = sum(data.counts.filter((r) => !(r.state && ENDED.has(r.state))), (r) => r.quiet);
  const more = stalledTotal > data.stalled.length ? ` Die Tabelle zeigt die ${data.stalled.length} ältesten von ${stalledTotal}.` : '';
  return {
    key: 'ruhend',
    heading: `Vorlagen ohne bekannte Bewegung seit mehr als ${STALLED_AFTER_DAYS} Tagen`,
    // known: for a motion read from a list or agendas only, ratsradar does not know that nothing happened (progress rules 6 and 7)
    intro: `Nicht abgeschlossene Vorlagen, bei denen seit mehr als ${STALLED_AFTER_DAYS} Tagen keine Beratung bekannt ist, die älteste zuerst: ${stalledTotal}.${more}`,
    svg: shown.length ? bars('chart-ruhend', 'Vorlagen ohne bekannte Bewegung, die ältesten zuerst',
      `${vorlagen(stalledTotal)} ohne bekannte Bewegung seit mehr als ${STALLED_AFTER_DAYS} Tagen. ` + shown.map((r) => `${r.reference ?? 'ohne Nummer'} (${cityName(data, r.sourceId)}): ${days(r.days)} Tage`).join('; ') + '.',
      shown.map((r) => ({ label: `${r.reference ?? 'ohne Nummer'} · ${cityName(data, r.sourceId)}`, value: r.days, state: r.state, valueText: `${days(r.days)} Tage` })), 'Tage') : null,
    empty: 'Keine Vorlage ohne bekannte Bewegung.',
    legend: [],
    table: {
      caption: 'Vorlagen ohne bekannte Bewegung, die ältesten zuerst',
      head: ['Vorlage', 'Betreff', 'Stadt', 'Stand', 'letzte Aktivität', 'Tage'],
      rows: data.stalled.map((r) => [{ text: r.reference ?? 'ohne Nummer', href: `/papers/${r.id}` }, { text: r.name ?? '' }, { text: cityName(data, r.sourceId) },
        { text: r.state ? stateLabel(r.state) : '' }, { text: dayDe(r.lastActivity), ...(r.lastActivity ? { value: r.lastActivity } : {}) }, n(r.days)]),
    },
  };
}

function endedThisYear(data: DashboardData, year: string): ChartView {
  const rows = ENDED_STATES.map((s) => ({ state: s, count: sum(data.counts.filter((r) => r.state === s), (r) => r.inYear) })).filter((r) => r.count > 0);
  const total = rows.reduce((a, r) => a + r.count, 0);
  return {
    key: 'ergebnisse',
    heading: `Abgeschlossen im Jahr ${year}, nach Ergebnis`,
    intro: `Vorlagen, deren letzte Beratung ${year} war und die seitdem abgeschlossen sind: ${total}.`,
    svg: rows.length ? bars('chart-ergebnisse', `Abgeschlossen ${year} nach Ergebnis`, rows.map((r) => `${stateLabel(r.state)}: ${r.count}`).join('; ') + '.',
      rows.map((r) => ({ label: stateLabel(r.state), value: r.count, state: r.state })), 'Vorlagen') : null,
    empty: `${year} wurde noch keine Vorlage zu diesem Thema abgeschlossen.`,
    legend: rows.map((r) => ({ swatch: stateSwatch(r.state), label: stateLabel(r.state) })),
    table: { caption: `Abgeschlossen ${year} nach Ergebnis`, head: ['Ergebnis', 'Vorlagen'], rows: rows.map((r) => [{ text: stateLabel(r.state) }, n(r.count)]) },
  };
}

function months(data: DashboardData, fromMonth: string, today: string): ChartView {
  const range = monthRange(fromMonth, today.slice(0, 7));
  const submitted = fillMonths(range, data.submittedByMonth);
  const deliberated = fillMonths(range, data.deliberatedByMonth);
  const total = (v: number[]) => v.reduce((a, b) => a + b, 0);
  const undated = sum(data.counts, (r) => r.undated);
  const any = total(submitted) + total(deliberated) > 0;
  return {
    key: 'monate',
    heading: 'Neue Vorlagen und Beratungen je Monat',
    intro: `Die letzten ${range.length} Monate: neue Vorlagen des Themas (nach Datum der Vorlage) und Beratungen in Sitzungen (eine je Vorlage und Sitzung).`
      + (undated ? ` Ohne Datum und darum nicht als neue Vorlage gezählt: ${vorlagen(undated)}.` : ''),
    svg: any ? timeline('chart-monate', 'Neue Vorlagen und Beratungen je Monat',
      `${formatDate(range[0], 'monthShort')} bis ${formatDate(range[range.length - 1], 'monthShort')}: ${total(submitted)} neue ${total(submitted) === 1 ? 'Vorlage' : 'Vorlagen'}, ${total(deliberated)} ${total(deliberated) === 1 ? 'Beratung' : 'Beratungen'}.`, range, [
        { label: 'neue Vorlagen', values: submitted, color: '#1f5fa8', marker: 'circle', dash: null },
        { label: 'Beratungen', values: deliberated, color: '#b3261e', marker: 'square', dash: '6 4' },
      ]) : null,
    empty: 'Keine Vorlagen und Beratungen in diesem Zeitraum.',
    legend: [
      { swatch: '<svg class="swatch" width="24" height="16" viewBox="0 0 24 16" aria-hidden="true" focusable="false"><line x1="0" x2="24" y1="8" y2="8" stroke="#1f5fa8" stroke-width="2"/><circle cx="12" cy="8" r="3" fill="#1f5fa8"/></svg>', label: 'neue Vorlagen' },
      { swatch: '<svg class="swatch" width="24" height="16" viewBox="0 0 24 16" aria-hidden="true" focusable="false"><line x1="0" x2="24" y1="8" y2="8" stroke="#b3261e" stroke-width="2" stroke-dasharray="6 4"/><rect x="9" y="5" width="6" height="6" fill="#b3261e"/></svg>', label: 'Beratungen' },
    ],
    table: {
      caption: 'Neue Vorlagen und Beratungen je Monat',
      head: ['Monat', 'neue Vorlagen', 'Beratungen'],
      rows: range.map((m, i) => [{ text: formatDate(m, 'monthShort'), value: m }, n(submitted[i]), n(deliberated[i])]),
    },
  };
}

/** The five charts in page order. */
export function toCharts(data: DashboardData, today: string, fromMonth: string): ChartView[] {
  return [cityStates(data), durations(data), stalled(data), endedThisYear(data, today.slice(0, 4)), months(data, fromMonth, today)];
}

export function dashboardQuery(p: DashboardParams, extra: Record<string, string> = {}): string {
  const s = new URLSearchParams();
  if (p.topicParam) s.set('thema', p.topicParam);
  if (p.source) s.set('stadt', p.source);
  for (const [k, v] of Object.entries(extra)) s.set(k, v);
  const q = s.toString();
  return q ? `?${q}` : '';
}

export function toDashboardView(p: DashboardParams, topics: TopicSet, cities: { key: string; name: string }[], data: DashboardData, today: string, fromMonth: string) {
  const charts = toCharts(data, today, fromMonth);
  const withMotions = new Set(data.counts.map((r) => r.sourceId)).size;
  const currentId = p.topic?.id ?? ALL_TOPICS;
  const label = p.topic ? p.topic.label : 'alle Vorlagen';
  const city = cities.find((c) => c.key === p.source);
  return {
    title: `Dashboard: ${label}${city ? ` in ${city.name}` : ''}`,
    today,
    stylesheets: ['/static/dashboard.css'],
    nav: 'dashboard',
    heading: `Dashboard: ${label}`,
    scope: city ? `in ${city.name}` : `in ${withMotions} von ${cities.length} ${cities.length === 1 ? 'Stadt' : 'Städten'}`,
    topics: [
      ...topics.topics.map((t) => ({ label: t.label, href: `/dashboard${dashboardQuery({ ...p, topicParam: t.id === topics.defaultId ? null : t.id })}`, current: t.id === currentId })),
      { label: 'alle Vorlagen', href: `/dashboard${dashboardQuery({ ...p, topicParam: ALL_TOPICS })}`, current: currentId === ALL_TOPICS },
    ],
    topicParam: p.topicParam,
    cities: cities.map((c) => ({ key: c.key, name: c.name, selected: c.key === p.source })),
    listHref: `/${dashboardQuery(p)}`,
    /** the page's topic and city as a query string without "?", for its JSON link */
    query: dashboardQuery(p).replace(/^\?/, ''),
    charts: charts.map((c) => ({ ...c, csvHref: `/dashboard.csv${dashboardQuery(p, { tabelle: c.key })}` })),
  };
}
