/**
 * Error answers never show a stack trace, a file path or an internal message:
 * - clientErrors (before the app's error handler) turns the 4xx errors Express and its parsers raise
 *   (a malformed URL, a body too large, bad JSON) into HttpErrors with a German message, instead of 500;
 * - lastResortErrors (after it) answers when the error page itself fails, with one plain line.
 */
import type { NextFunction, Request, Response } from 'express';
import { HttpError } from '../http-error';

const CLIENT_MESSAGES: Record<number, string> = {
  400: 'Diese Anfrage ist fehlerhaft.',
  413: 'Diese Anfrage ist zu groß.',
  414: 'Diese Adresse ist zu lang.',
  415: 'Dieses Format wird nicht angenommen.',
};

export function clientErrors(err: unknown, _req: Request, _res: Response, next: NextFunction): void {
  if (err instanceof HttpError) return next(err);
  const status = (err as { status?: unknown; statusCode?: unknown } | null)?.status ?? (err as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return next(new HttpError(status, CLIENT_MESSAGES[status] ?? CLIENT_MESSAGES[400]));
  }
  next(err);
}

/**
 * Ends an error answer: no validators (http-cache.ts set them before the route ran; an error is no representation to
 * revalidate), the body as it is, past express's send, which would make an ETag of its own; none for a HEAD.
 */
export function endError(req: Request, res: Response, status: number, contentType: string, body: string): void {
  res.removeHeader('ETag');
  res.removeHeader('Last-Modified');
  const bytes = Buffer.from(body, 'utf8');
  res.status(status).setHeader('Content-Type', contentType);
  res.setHeader('Content-Length', bytes.length);
  if (req.method === 'HEAD') res.end();
  else res.end(bytes);
}

export function lastResortErrors(err: unknown, req: Request, res: Response, next: NextFunction): void {
  process.stderr.write(`ratsradar: ${req.method} ${req.path}: the error page failed: ${err instanceof Error ? err.message : String(err)}\n`);
  if (res.headersSent) return next(err); // Express closes the connection; nothing more can be said
  endError(req, res, 500, 'text/plain; charset=utf-8', 'Ein interner Fehler ist aufgetreten.\n');
}
