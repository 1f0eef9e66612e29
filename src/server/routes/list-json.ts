/**
 * JSON of the paper lists: GET /vorlagen.json (= /?format=json or / with Accept: application/json) and
 * /suche.json?q= (= /suche?format=json). Same parameters, validation and page bounds as the pages; the
 * view is src/server/json/list-json.ts.
 */
import type { Request, Response } from 'express';
import type { AppContext } from '../context';
import { HttpError } from '../http-error';
import { jsonLinks } from '../json/links';
import { toPaperListJson, toSearchJson } from '../json/list-json';
import { sendJson } from '../json/negotiate';
import { loadProgressMap } from '../json/progress-data';
import { loadTopics } from '../topics-file';
import { loadFacets, loadPage, searchSpec, topicSpec } from '../views/list-data';
import type { ListParams } from '../views/list-params';
import { listParamsOf } from './city-params';
import { PAGE_SIZE } from '../views/list-view';
import type { ListSpec } from '../../db/queries-lists';

function loadList(ctx: AppContext, p: ListParams, spec: ListSpec) {
  const today = ctx.today();
  return ctx.read(() => {
    const { rows, total } = loadPage(ctx.sqlite, spec, PAGE_SIZE, (p.page - 1) * PAGE_SIZE);
    if (p.page > 1 && rows.length === 0) throw new HttpError(404, 'Diese Seite gibt es nicht.');
    return { p, rows, total, facets: loadFacets(ctx.sqlite, spec), progress: loadProgressMap(ctx.sqlite, rows.map((r) => r.id), today) };
  });
}

/** Sends the start page's list (its parsed parameters) as JSON. */
export function sendListJson(ctx: AppContext, req: Request, res: Response, p: ListParams): void {
  const loaded = loadList(ctx, p, topicSpec(p));
  sendJson(res, toPaperListJson({ ...loaded, links: jsonLinks(req) }, ctx.today()));
}

/** Sends the search's matches (its parsed parameters) as JSON; a query without a word to search for is a 400. */
export function sendSearchJson(ctx: AppContext, req: Request, res: Response, p: ListParams): void {
  const spec = searchSpec(p, ctx.sqlite);
  if (!spec) throw new HttpError(400, 'Bitte einen Suchbegriff angeben.');
  const loaded = loadList(ctx, p, spec);
  sendJson(res, toSearchJson({ ...loaded, links: jsonLinks(req) }, ctx.today()));
}

/** GET /vorlagen.json */
export function listJsonRoute(ctx: AppContext) {
  const topics = loadTopics();
  return (req: Request, res: Response) => sendListJson(ctx, req, res, listParamsOf(ctx, req, topics, 'topic'));
}

/** GET /suche.json?q= */
export function searchJsonRoute(ctx: AppContext) {
  return (req: Request, res: Response) => sendSearchJson(ctx, req, res, listParamsOf(ctx, req, null, 'search'));
}
