/**
 * A per-client rate limit on the expensive answers: the search (/suche…) and every feed, calendar
 * and CSV download (*.atom, *.ics, *.csv), wherever their routes are registered. Clients are told by
 * the RateLimit headers and get a 429 with Retry-After when over the limit.
 * Spellings count as their route (canonicalPath), and `?format=csv` as the CSV download it is.
 * RATSRADAR_RATE_LIMIT=<requests per minute> (default 120; 0 switches the limit off).
 */
import { rateLimit } from 'express-rate-limit';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { HttpError } from '../http-error';

export const DEFAULT_RATE_LIMIT = 120;

/**
 * A path as the router matches it: Express routes ignore case and a trailing slash (`/SUCHE/` is
 * `/suche`), so the limit must too, or a client could pick a spelling that is served but not counted.
 */
export function canonicalPath(path: string): string {
  return path.toLowerCase().replace(/\/+$/, '') || '/';
}

/** The paths the limit applies to: the search and every feed, calendar and CSV download, however spelt. */
export function isRateLimitedPath(path: string): boolean {
  const p = canonicalPath(path);
  return p === '/suche' || p.startsWith('/suche/') || p.startsWith('/suche.') || /\.(atom|ics|csv)$/.test(p);
}

/**
 * Whether a request is limited: by its path, or by asking any page for another format than HTML or
 * JSON (`/?format=csv`). A page's JSON (`?format=json`, like /vorlagen.json) is one page, as its HTML.
 */
export function isRateLimitedRequest(req: Pick<Request, 'path' | 'query'>): boolean {
  const format = req.query.format;
  return isRateLimitedPath(req.path) || (format !== undefined && format !== 'html' && format !== 'json');
}

export function rateLimitFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.RATSRADAR_RATE_LIMIT;
  if (text === undefined || text === '') return DEFAULT_RATE_LIMIT;
  const n = Number(text);
  return Number.isInteger(n) && n >= 0 ? n : DEFAULT_RATE_LIMIT;
}

export function searchAndFeedLimiter(perMinute = rateLimitFromEnv()): RequestHandler {
  if (perMinute === 0) return (_req, _res, next) => next();
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skip: (req) => !isRateLimitedRequest(req),
    handler: (_req: Request, _res: Response, next: NextFunction) =>
      next(new HttpError(429, 'Zu viele Anfragen in kurzer Zeit. Bitte in einer Minute erneut versuchen.')),
  });
}
