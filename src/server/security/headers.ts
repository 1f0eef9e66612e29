/**
 * Security headers (helmet) with a strict Content-Security-Policy. ratsradar's pages carry no
 * script at all and no inline style: everything but its own stylesheet and images is refused, and
 * no page may be framed, post forms elsewhere, or change its base URL.
 */
import helmet from 'helmet';
import type { Request, RequestHandler, Response } from 'express';

export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'none'"],
  'script-src': ["'none'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'none'"],
  'object-src': ["'none'"],
  'form-action': ["'self'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/**
 * The headers helmet sets (and removes), found once by running its middleware against a recorder:
 * with static directives they are the same for every request, and setting them from a list costs a
 * fraction of helmet's chain of twelve middlewares per request.
 */
function recorded(middleware: RequestHandler): { set: [string, string][]; removed: string[] } {
  const set: [string, string][] = [];
  const removed: string[] = [];
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => set.push([name, String(value)]),
    removeHeader: (name: string) => removed.push(name),
  };
  let done = false;
  void middleware({ headers: {}, method: 'GET', url: '/' } as Request, recorder as unknown as Response, () => (done = true));
  if (!done) throw new Error('helmet did not finish synchronously: its headers cannot be recorded');
  return { set, removed };
}

/** Headers of their own for the answers under a path prefix (the OParl API's: src/server/oparl/headers.ts). */
export interface HeadersFor {
  prefix: string;
  headers: readonly (readonly [name: string, value: string])[];
}

/** The recorded helmet headers on every answer, or under `api.prefix` the headers `api` names instead. */
export function securityHeaders(api: HeadersFor | null = null): RequestHandler {
  const { set, removed } = recorded(helmetHeaders());
  return (req: Request, res: Response, next) => {
    for (const [name, value] of api && req.path.startsWith(api.prefix) ? api.headers : set) res.setHeader(name, value);
    for (const name of removed) res.removeHeader(name);
    next();
  };
}

/** helmet itself, as configured: what securityHeaders() records. */
export function helmetHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    // ratsradar serves plain HTTP on loopback by default; the TLS proxy in front of it sets HSTS
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'same-origin' },
    // feeds, calendars and CSV files are fetched by other programs; nothing here is embedded cross-origin
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
}
