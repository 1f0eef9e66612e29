/**
 * GET /dashboard?thema=…&stadt=… — one topic's motions across cities at a glance: five server-rendered
 * SVG charts (no JavaScript), each with its table; GET /dashboard.csv?…&tabelle=staedte|dauer|ruhend|
 * ergebnisse|monate sends one of those tables; /dashboard.json (or ?format=json, Accept: application/json)
 * all of them as JSON (json/dashboard-json.ts). Numbers are cached per data stamp and day.
 */
import type { Request, Response } from 'express';
import type Database from 'better-sqlite3';
import { dashboardData, type DashboardData } from '../../db/queries-dashboard';
import type { ListSpec } from '../../db/queries-lists';
import { monthsBefore } from '../../domain/dashboard-stats';
import type { TopicSet } from '../../domain/topics';
import type { AppContext } from '../context';
import { sendCsv } from '../csv-output';
import { memoByData } from '../data-stamp';
import { HttpError } from '../http-error';
import { toDashboardJson } from '../json/dashboard-json';
import { jsonLinks } from '../json/links';
import { pageFormat, sendJson } from '../json/negotiate';
import { loadTopics } from '../topics-file';
import { DASHBOARD_TABLES, TIMELINE_MONTHS, toCharts, toDashboardView, type DashboardParams, type DashboardTable } from '../views/dashboard-view';
import { topicListSpec } from '../views/list-data';
import { ALL_TOPICS } from '../views/list-params';
import { declareStatements } from '../../db/registry';

function one(value: unknown, name: string): string | null {
  if (value === undefined) return null;
  if (typeof value !== 'string' || value.length > 200) throw new HttpError(400, `Der Parameter „${name}“ ist mehrfach oder falsch angegeben.`);
  return value.trim() || null;
}

/** Every city (source) that has motions, by name. */
const citiesOf = declareStatements('dashboard-cities', (sqlite) =>
  sqlite.prepare<[], { key: string; name: string }>('SELECT s.key, s.name FROM sources s WHERE EXISTS (SELECT 1 FROM papers p WHERE p.source_id = s.id) ORDER BY s.name'),
);

function cities(sqlite: Database.Database): { key: string; name: string }[] {
  return citiesOf(sqlite).all();
}

function parseParams(req: Request, topics: TopicSet, known: { key: string }[]): DashboardParams {
  const q = req.query as Record<string, unknown>;
  const topicParam = one(q.thema, 'thema');
  const id = topicParam ?? topics.defaultId;
  const topic = id === ALL_TOPICS ? null : (topics.topics.find((t) => t.id === id) ?? null);
  if (id !== ALL_TOPICS && !topic) throw new HttpError(404, 'Dieses Thema gibt es nicht.');
  const source = one(q.stadt, 'stadt');
  if (source && !known.some((c) => c.key === source)) throw new HttpError(404, 'Diese Stadt gibt es hier nicht.');
  return { topic, topicParam, source };
}

function load(ctx: AppContext, p: DashboardParams): { data: DashboardData; fromMonth: string; today: string } {
  const today = ctx.today();
  const fromMonth = monthsBefore(today, TIMELINE_MONTHS - 1);
  const spec: ListSpec = topicListSpec(p.topic, { source: p.source }, 'activity');
  const data = memoByData(ctx.sqlite, `dashboard|${today}|${JSON.stringify(spec)}`, () => ctx.read(() => dashboardData(ctx.sqlite, spec, today, fromMonth)));
  return { data, fromMonth, today };
}

export function dashboardRoute(ctx: AppContext) {
  const topics = loadTopics();
  return (req: Request, res: Response) => {
    const known = cities(ctx.sqlite);
    const p = parseParams(req, topics, known);
    const { data, fromMonth, today } = load(ctx, p);
    if (req.path.endsWith('.json') || pageFormat(req) === 'json') {
      sendJson(res, toDashboardJson(p, toCharts(data, today, fromMonth), today, jsonLinks(req)));
      return;
    }
    res.type('html').send(ctx.render('dashboard', toDashboardView(p, topics, known, data, today, fromMonth)));
  };
}

export function dashboardCsvRoute(ctx: AppContext) {
  const topics = loadTopics();
  return (req: Request, res: Response) => {
    const known = cities(ctx.sqlite);
    const p = parseParams(req, topics, known);
    const table = one((req.query as Record<string, unknown>).tabelle, 'tabelle') ?? 'staedte';
    if (!(DASHBOARD_TABLES as readonly string[]).includes(table)) throw new HttpError(400, `Unbekannte Tabelle; möglich sind: ${DASHBOARD_TABLES.join(', ')}.`);
    const { data, fromMonth, today } = load(ctx, p);
    const chart = toCharts(data, today, fromMonth).find((c) => c.key === (table as DashboardTable))!;
    sendCsv(res, `ratsradar-dashboard-${p.topic?.id ?? ALL_TOPICS}-${table}.csv`, chart.table.head, chart.table.rows.map((r) => r.map((c) => c.value ?? c.text)));
  };
}
