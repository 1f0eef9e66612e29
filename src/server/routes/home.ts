/**
 * GET / — the topic view: the papers of a topic (default: data/topics.json "default"; ?thema=alle for
 * every paper) with state, current station, next step and date; facets city (stadt), state, committee
 * (gremium), paper type (art) and year (jahr); sort (activity, next, date, reference); paginated
 * (seite); each row says why it is on the topic (title, text sections, documents: topic-reasons.ts).
 * ?format=csv sends the whole list as CSV (as /vorlagen.csv does); ?format=json or Accept:
 * application/json one page as JSON (as /vorlagen.json does).
 */
import type { Request, Response } from 'express';
import { loadCities } from '../../db/queries-cities';
import type { AppContext } from '../context';
import { HttpError } from '../http-error';
import { loadTopics } from '../topics-file';
import { toHomeView } from '../views/home-view';
import { loadFacets, loadPage, topicSpec } from '../views/list-data';
import { listParamsOf } from './city-params';
import { PAGE_SIZE } from '../views/list-view';
import { pageFormat } from '../json/negotiate';
import { loadTopicReasons } from '../views/topic-reasons';
import { sendPaperCsv } from './csv';
import { sendListJson } from './list-json';
import { alertForm } from '../alerts/alert-form';

export { PAGE_SIZE };

export function homeRoute(ctx: AppContext) {
  const topics = loadTopics();
  return (req: Request, res: Response) => {
    const p = listParamsOf(ctx, req, topics, 'topic');
    const spec = topicSpec(p);
    const format = pageFormat(req, ['csv']);
    if (format === 'csv') {
      sendPaperCsv(ctx, req, res, spec, `ratsradar-${p.topic?.id ?? 'alle'}.csv`);
      return;
    }
    if (format === 'json') {
      sendListJson(ctx, req, res, p);
      return;
    }
    const { rows, total } = loadPage(ctx.sqlite, spec, PAGE_SIZE, (p.page - 1) * PAGE_SIZE);
    if (p.page > 1 && rows.length === 0) throw new HttpError(404, 'Diese Seite gibt es nicht.');
    const facets = loadFacets(ctx.sqlite, spec);
    const reasons = p.topic ? loadTopicReasons(ctx.sqlite, p.topic, rows) : new Map();
    // every city one click away (the ways in: /staedte/:key)
    const form = p.topic ? alertForm(ctx, 'topic', p.topic.id, p.filters.source ?? null) : null;
    const cities = loadCities(ctx.sqlite).map((c) => ({ key: encodeURIComponent(c.key), name: c.name }));
    res.type('html').send(ctx.render('home', { ...toHomeView(p, topics, rows, total, facets, ctx.today(), reasons), nav: 'vorlagen', cities, alertForm: form }));
  };
}
