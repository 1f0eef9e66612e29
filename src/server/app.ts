/**
 * createApp(sqlite): the Express app, built but not started (tests drive it with supertest).
 * Routes are thin: load → derive → view model → render (DESIGN.md habit 10).
 */
import path from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import type Database from 'better-sqlite3';
import type { AppContext } from './context';
import { derivedDay, refreshDerived } from '../db/derive';
import { dataStamp } from './data-stamp';
import { projectRoot } from '../util/paths';
import { HttpError } from './http-error';
import { clientErrors, endError, installSecurity, lastResortErrors } from './security';
import { createRenderer } from './render';
import { httpCache } from './http-cache';
import { homeRoute } from './routes/home';
import { registerFeedRoutes } from './routes/feed-routes';
import { registerJsonRoutes } from './routes/json-routes';
import { wantsJson } from './json/negotiate';
import { paperRoute } from './routes/paper';
import { meetingRoute } from './routes/meeting';
import { committeeByNameRoute, organizationRoute } from './routes/organization';
import { dashboardCsvRoute, dashboardRoute } from './routes/dashboard';
import { registerWayRoutes } from './routes/way-routes';
import { registerAlertRoutes } from './routes/alerts';
import { createFormTokens } from './alerts/form-token';
import type { MailConfig } from '../alerts/config';
import { loadTopics } from './topics-file';
import { oparlRouter } from './oparl/router';
import { requestLogger, routeOf, type LogLevel } from './request-log';
import type { DestinationStream } from 'pino';

export interface AppOptions {
  /** today's date (YYYY-MM-DD, Europe/Berlin); the only clock the app reads */
  today: () => string;
  /** runs first on every new day the app sees (and at start), before the states are derived for it: `serve` re-loads an aged demo */
  onNewDay?: (today: string) => void;
  /** e-mail alerts: the mail configuration, or null/absent when they are off (no forms shown) */
  mail?: MailConfig | null;
  /** called when a mail was queued (serve sends it right away instead of at the next timer run) */
  onAlertQueued?: () => void;
  /** the request log (./request-log.ts): its level (`serve`: LOG_LEVEL, else info) and where it goes (default stdout); absent: no log */
  log?: { level: LogLevel; destination?: DestinationStream };
}

/** How often the app looks whether the day has changed, to re-derive the stored states before a request needs them. */
const DAY_CHECK_MS = 10_000;

export function createApp(sqlite: Database.Database, opts: AppOptions): express.Express {
  const render = createRenderer();
  // a page cache of up to 64 MiB for the server's connection (SQLite's default is 2 MiB): list queries
  // visit thousands of paper rows, and a database of 100k motions is some 700 MB
  sqlite.pragma('cache_size = -65536');
  // Derived for which day, as of which data stamp: another process (a crawl, an import) may write and
  // derive for another day, so after every change of the data the stored day is looked at again.
  let derivedFor: string | null = null;
  let checkedAt: string | null = null;
  const ensureFresh = () => {
    const today = opts.today();
    const stamp = dataStamp(sqlite);
    if (derivedFor === today && checkedAt === stamp) return stamp;
    if (derivedFor !== today) opts.onNewDay?.(today);
    if (derivedDay(sqlite) !== today || derivedFor !== today) refreshDerived(sqlite, today);
    derivedFor = today;
    checkedAt = dataStamp(sqlite);
    return checkedAt;
  };
  const readTransaction = sqlite.transaction((fn: () => unknown) => fn());
  const read = <T>(fn: () => T): T => (sqlite.inTransaction ? fn() : (readTransaction(fn) as T));
  const alerts = opts.mail ? { config: opts.mail, tokens: createFormTokens(), topics: loadTopics(), onQueued: opts.onAlertQueued } : null;
  const ctx: AppContext = { sqlite, today: opts.today, render, ensureFresh, read, alerts };
  // The stored states are derived at start-up and, when the day changes, by a timer — not inside the
  // first request of the day. Requests still check (ensureFresh), so none is answered from the states
  // of another day in the few seconds before the timer has run.
  ensureFresh();
  // Papers another process marked for deriving again without deriving them (an import batch derives the
  // papers it writes; one named by a new agenda item only gets derived_on NULL) are derived by this timer
  // within DAY_CHECK_MS of the change, outside any request.
  let staleCheckedAt: string | null = null;
  setInterval(() => {
    try {
      if (!sqlite.open) return;
      const stamp = ensureFresh();
      if (stamp !== staleCheckedAt) {
        refreshDerived(sqlite, opts.today());
        staleCheckedAt = dataStamp(sqlite);
      }
    } catch (err) {
      process.stderr.write(`ratsradar: re-deriving states: ${err instanceof Error ? err.message : String(err)}\n`);
    }
  }, DAY_CHECK_MS).unref();

  const app = express();
  const logRequests = opts.log ? requestLogger(app, opts.log.level, opts.log.destination) : null;
  if (logRequests) app.use(logRequests); // first: it times the whole answer
  app.disable('x-powered-by');
  app.set('etag', 'strong');
  installSecurity(app); // headers, request limits, rate limit on search and feeds, /admin behind its token
  app.use('/static', express.static(path.join(projectRoot(), 'templates', 'static'), { maxAge: '1h' }));
  registerAlertRoutes(app, ctx); // before the response cache: token pages are never cached
  app.use(httpCache(ctx));

  app.get('/', homeRoute(ctx));
  app.get('/papers/:id', paperRoute(ctx));
  app.get('/meetings/:id', meetingRoute(ctx));
  app.get('/organizations/:id', organizationRoute(ctx));
  registerFeedRoutes(app, ctx);
  registerJsonRoutes(app, ctx);
  app.get('/gremien/:source/:name', committeeByNameRoute(ctx));
  app.get(['/dashboard', '/dashboard.json'], dashboardRoute(ctx));
  app.get('/dashboard.csv', dashboardCsvRoute(ctx));
  registerWayRoutes(app, ctx); // cities, committees, the meeting calendar
  app.use('/oparl/v1.1', oparlRouter(ctx));

  app.use((_req: Request, _res: Response, next: NextFunction) => next(new HttpError(404, 'Diese Seite gibt es nicht.')));
  app.use(clientErrors);
  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const status = err instanceof HttpError ? err.status : 500;
    const message = err instanceof HttpError ? err.message : 'Ein interner Fehler ist aufgetreten. Bitte später erneut versuchen.';
    if (status >= 500 && !(err instanceof HttpError)) {
      process.stderr.write(`ratsradar: ${req.method} ${routeOf(app, req)}: ${err instanceof Error ? err.message : String(err)}\n`);
    }
    if (wantsJson(req)) endError(req, res, status, 'application/json; charset=utf-8', JSON.stringify({ error: message, status }));
    else endError(req, res, status, 'text/html; charset=utf-8', render('error', { title: status === 404 ? 'Nicht gefunden' : 'Fehler', status, message, today: opts.today() }));
  });
  app.use(lastResortErrors);
  return app;
}
