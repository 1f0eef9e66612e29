/**
 * GET /oparl/v1.1/… — ratsradar's data as an OParl 1.1 API: /system → /bodies (one Body per source)
 * → one list per kind (/bodies/:body/papers, …) → every object at its own id. Lists are pages of
 * `limit` objects (default 100, at most 500) with `links.next`, filtered by `created_since`, `created_until`,
 * `modified_since`, `modified_until` (RFC 3339), with `omit_internal` leaving embedded objects out. Errors answer JSON.
 * Routes are thin: parameters → queries (src/db/queries-oparl*.ts) → objects (*-objects.ts).
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import { loadGoneUrls, loadOparlBodies, loadOparlBody, type OparlPageFilter } from '../../db/queries-oparl';
import type { AppContext } from '../context';
import { baseUrl } from '../base-url';
import { memoByData } from '../data-stamp';
import { HttpError } from '../http-error';
import { bodyObject, systemObject } from './body-objects';
import type { OparlContext } from './context';
import { KINDS } from './kinds';
import { KIND_PATHS, oparlUrls, type OparlKind } from './urls';

export const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 500;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;
const KIND_BY_PATH: ReadonlyMap<string, OparlKind> = new Map(Object.entries(KIND_PATHS).map(([kind, p]): [string, OparlKind] => [p, kind as OparlKind]));

function one(v: unknown): string | null {
  if (v === undefined) return null;
  if (typeof v !== 'string') throw new HttpError(400, 'Jeder Parameter darf nur einmal angegeben werden.');
  return v;
}

/** A time filter as the stored UTC instants are written ("YYYY-MM-DDTHH:MM:SSZ"), or null. */
function since(req: Request, name: string): string | null {
  const v = one(req.query[name]);
  if (v === null) return null;
  const t = RFC3339.test(v) ? Date.parse(v) : NaN;
  if (!Number.isFinite(t)) throw new HttpError(400, `${name} muss ein Zeitpunkt nach RFC 3339 sein (z. B. 2026-11-01T00:00:00+01:00).`);
  return new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function limitOf(req: Request): number {
  const v = one(req.query.limit);
  if (v === null) return DEFAULT_LIMIT;
  if (!/^\d{1,4}$/.test(v) || Number(v) < 1 || Number(v) > MAX_LIMIT) throw new HttpError(400, `limit muss eine Zahl von 1 bis ${MAX_LIMIT} sein.`);
  return Number(v);
}

/**
 * The list's cursor (`after`, only ever taken from a `next` link): a row id, for Files also "f<id>" (own Files)
 * or "m<id>" (meetings' documents). Another value is a 400, not the first page again.
 */
function cursorOf(req: Request, kind: OparlKind): string {
  const v = one(req.query.after);
  if (v === null || v === '') return '';
  if (!(kind === 'File' ? /^[fm]?\d{1,15}$/ : /^\d{1,15}$/).test(v)) throw new HttpError(400, 'after ist kein Verweis dieser Liste: die nächste Seite nennt links.next.');
  return v;
}

/** rows a list request reads at most past pages that hold no object (papers without consultations or documents) */
const MAX_EMPTY_READ = 10_000;

function omitInternal(req: Request): boolean {
  const v = one(req.query.omit_internal);
  return v !== null && v !== 'false' && v !== '0';
}

function contextFor(ctx: AppContext, req: Request, source: { id: number; key: string }): OparlContext {
  return {
    sqlite: ctx.sqlite, urls: oparlUrls(baseUrl(req)), source, today: ctx.today(), omitInternal: omitInternal(req),
    gone: memoByData(ctx.sqlite, `oparl-gone:${source.id}`, () => loadGoneUrls(ctx.sqlite, source.id)),
  };
}

function sourceOf(ctx: AppContext, key: string): { id: number; key: string } {
  const b = loadOparlBody(ctx.sqlite, key);
  if (!b) throw new HttpError(404, 'Diese Körperschaft gibt es nicht.');
  return { id: b.id, key: b.key };
}

function kindOf(segment: string): OparlKind {
  const kind = KIND_BY_PATH.get(segment);
  if (!kind) throw new HttpError(404, 'Diese Liste gibt es nicht.');
  return kind;
}

/** The list's address with its filters, at the given cursor (none: the first page). */
function pageUrl(listUrl: string, req: Request, cursor: string | null): string {
  const u = new URL(listUrl);
  for (const name of ['created_since', 'created_until', 'modified_since', 'modified_until', 'omit_internal', 'limit']) {
    const v = req.query[name];
    if (typeof v === 'string') u.searchParams.set(name, v);
  }
  if (cursor !== null) u.searchParams.set('after', cursor);
  return u.href;
}

export function oparlRouter(ctx: AppContext): express.Router {
  const router = express.Router({ caseSensitive: true, strict: false });
  const send = (res: Response, body: unknown) => res.type('application/json; charset=utf-8').send(JSON.stringify(body));

  router.get('/system', (req, res) => send(res, systemObject(oparlUrls(baseUrl(req)))));

  router.get('/bodies', (req, res) => {
    const urls = oparlUrls(baseUrl(req));
    const bodies = ctx.read(() => loadOparlBodies(ctx.sqlite));
    send(res, { data: bodies.map((b) => bodyObject(urls, b)), pagination: { elementsPerPage: bodies.length }, links: { first: urls.bodies, self: urls.bodies } });
  });

  router.get('/bodies/:body', (req, res) => {
    const b = ctx.read(() => loadOparlBody(ctx.sqlite, String(req.params.body)));
    if (!b) throw new HttpError(404, 'Diese Körperschaft gibt es nicht.');
    send(res, bodyObject(oparlUrls(baseUrl(req)), b));
  });

  router.get('/bodies/:body/:kind', (req, res) => {
    const kind = kindOf(String(req.params.kind));
    const limit = limitOf(req);
    const cursor = cursorOf(req, kind);
    const page = ctx.read(() => {
      const source = sourceOf(ctx, String(req.params.body));
      const c = contextFor(ctx, req, source);
      const f: OparlPageFilter = {
        sourceId: source.id, after: 0, limit, createdSince: since(req, 'created_since'), createdUntil: since(req, 'created_until'),
        modifiedSince: since(req, 'modified_since'), modifiedUntil: since(req, 'modified_until'),
      };
      // a page of papers without consultations (or documents) holds none: the next one is read at once, so that no
      // page is empty while it has a `next` (a client may stop there); bounded, for a long run of such papers
      let page = KINDS[kind].list(c, f, cursor);
      for (let read = f.limit; page.objects.length === 0 && page.next !== null && read < MAX_EMPTY_READ; read += f.limit) page = KINDS[kind].list(c, f, page.next);
      return { listUrl: c.urls.list(source.key, kind), ...page };
    });
    send(res, {
      data: page.objects,
      pagination: { elementsPerPage: limit },
      links: compactLinks({ first: pageUrl(page.listUrl, req, null), self: pageUrl(page.listUrl, req, cursor || null), next: page.next === null ? null : pageUrl(page.listUrl, req, page.next) }),
    });
  });

  router.get('/bodies/:body/:kind/:key', (req, res) => {
    const kind = kindOf(String(req.params.kind));
    const found = ctx.read(() => {
      const source = sourceOf(ctx, String(req.params.body));
      return KINDS[kind].one(contextFor(ctx, req, source), String(req.params.key));
    });
    if (!found) throw new HttpError(404, 'Dieses Objekt gibt es nicht.');
    send(res, found);
  });

  router.use((_req: Request, _res: Response, next: NextFunction) => next(new HttpError(404, 'Diese Adresse gibt es in der OParl-Schnittstelle nicht.')));
  router.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const status = err instanceof HttpError ? err.status : 500;
    if (status >= 500) process.stderr.write(`ratsradar: ${req.method} ${req.originalUrl.slice(0, 200)}: ${err instanceof Error ? err.message : String(err)}\n`);
    res.status(status);
    send(res, { error: err instanceof HttpError ? err.message : 'Ein interner Fehler ist aufgetreten.', status });
  });
  return router;
}

function compactLinks(links: Record<string, string | null>): Record<string, string> {
  return Object.fromEntries(Object.entries(links).filter(([, v]) => v !== null)) as Record<string, string>;
}
