/**
 * The server's request log: one JSON line (pino, through pino-http) per request with its method, route,
 * status and milliseconds. The route is the pattern the request matched (`/papers/:id`), never the
 * URL: no query string (search words, alert form fields), no token or address of an alert link, no
 * header. The level comes from LOG_LEVEL; `serve` logs at info, tests (jest) log nothing unless
 * LOG_LEVEL says so.
 */
import type { Express, Request, RequestHandler, Response } from 'express';
import pino from 'pino';
import { pinoHttp } from 'pino-http';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** LOG_LEVEL when set (throws a one-line message for an unknown level), else silent under jest, else info. */
export function requestLogLevel(env: Record<string, string | undefined>): LogLevel {
  const asked = env.LOG_LEVEL?.trim().toLowerCase();
  if (asked) {
    if (!(LOG_LEVELS as readonly string[]).includes(asked)) throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
    return asked as LogLevel;
  }
  return env.JEST_WORKER_ID ? 'silent' : 'info';
}

/** The parts of Express's router (the `router` package) the route lookup reads. */
interface RouterLayer {
  route?: { methods: Record<string, boolean> };
  handle: { stack?: RouterLayer[] };
  match(path: string): false | { path: string; pattern: string | RegExp };
}

function findRoute(stack: RouterLayer[], method: string, path: string, prefix: string): string | null {
  for (const layer of stack) {
    const m = layer.match(path);
    if (!m) continue;
    const pattern = `${prefix}${String(m.pattern)}`;
    if (layer.route) {
      if (layer.route.methods[method] || layer.route.methods._all || (method === 'head' && layer.route.methods.get)) return pattern;
      continue;
    }
    if (layer.handle.stack) {
      const inner = findRoute(layer.handle.stack, method, path.slice(m.path.length) || '/', pattern);
      if (inner) return inner;
    } else if (m.path !== '' && m.path !== '/') return `${pattern}/*`; // a mounted middleware such as /static
  }
  return null;
}

/**
 * The route pattern `req` matches in `app` (`/papers/:id`, `/oparl/v1.1/...`, `/static/*`), or
 * "(no route)". Looked up in the app's own router, so an answer sent before routing (from the response
 * cache, or 304) names its route too.
 */
export function routeOf(app: Express, req: Request): string {
  const path = new URL(req.originalUrl || req.url, 'http://localhost').pathname;
  const stack = (app.router as unknown as { stack: RouterLayer[] }).stack;
  return findRoute(stack, req.method.toLowerCase(), path, '') ?? '(no route)';
}

/** The logging middleware for `app`, or null when the level is silent (nothing to do per request). */
export function requestLogger(app: Express, level: LogLevel, destination: pino.DestinationStream = pino.destination({ dest: 1, sync: false })): RequestHandler | null {
  if (level === 'silent') return null;
  const logger = pino({ name: 'ratsradar', level, base: undefined }, destination);
  const routes = new WeakMap<Request, string>();
  const route = (req: Request) => routes.get(req) ?? routes.set(req, routeOf(app, req)).get(req)!;
  const line = (req: Request, res: Response, ms: number) => ({ method: req.method, route: route(req), status: res.statusCode, ms });
  return pinoHttp<Request, Response>({
    logger,
    quietReqLogger: true,
    quietResLogger: true,
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
    customSuccessObject: (req, res, val: { responseTime: number }) => line(req, res, val.responseTime),
    customErrorObject: (req, res, err, val: { responseTime: number }) => ({ ...line(req, res, val.responseTime), error: err.message.split('\n')[0] }),
    customSuccessMessage: (req, res, ms) => `${req.method} ${route(req)} ${res.statusCode} ${ms} ms`,
    customErrorMessage: (req, res) => `${req.method} ${route(req)} ${res.statusCode}`,
  }) as RequestHandler;
}
