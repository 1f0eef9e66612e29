/**
 * Request size limits. The public app reads no request bodies but the alert forms' (4 KB, src/server/routes/alerts.ts), so any body beyond a few kilobytes
 * is refused before it is read (413), as are very long URLs (414) and long query strings with
 * many parameters (400 from the filter parser never gets a chance to work on them).
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { HttpError } from '../http-error';

export const MAX_BODY_BYTES = 16 * 1024;
export const MAX_URL_LENGTH = 2048;

export function requestLimits(): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (req.originalUrl.length > MAX_URL_LENGTH) return next(new HttpError(414, 'Diese Adresse ist zu lang.'));
    const length = Number(req.headers['content-length'] ?? 0);
    if (!Number.isFinite(length) || length > MAX_BODY_BYTES) return next(new HttpError(413, 'Diese Anfrage ist zu groß.'));
    next();
  };
}
