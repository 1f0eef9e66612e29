/**
 * HTTP validators for every page and feed (not /static, which express.static serves with its own, and
 * not /health): ETag and Last-Modified, and 304 Not Modified on a matching If-None-Match or, without
 * one, an If-Modified-Since not older than Last-Modified — answered before any page is rendered, where the
 * same ETag was answered with a 200 before (else the route answers; an error answer carries no validators).
 *
 * A response depends on the database, the day (states are derived per day), the URL, the format the
 * Accept header prefers (HTML or JSON: Vary: Accept) and the build, so
 * ETag = hash(process start, data stamp, today, format, URL with host — feeds hold absolute links) and Last-Modified = when this process first saw
 * the current data (src/server/data-stamp.ts) or the start of today, the later. Both change together whenever a row or the day changes. Since the
 * ETag names the answer, answers are also kept by it and sent again without rendering (response-cache.ts).
 * A client that accepts gzip gets text answers of 1 KiB and more gzipped (gzip-answer.ts): the same answer
 * in another encoding, so the ETag stays the same weak one and `Vary: Accept, Accept-Encoding` says so.
 */
import crypto from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { AppContext } from './context';
import { BOOT_ID, stampSeenAt } from './data-stamp';
import { acceptsGzip } from './gzip-answer';
import { acceptedFormat } from './json/negotiate';
import { createResponseCache } from './response-cache';

/** Weak comparison of an If-None-Match header with our ETag. */
function etagMatches(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => bare(t) === bare(etag));
}

export function isNotModified(req: Request, etag: string, lastModified: Date): boolean {
  const inm = req.get('if-none-match');
  if (inm) return etagMatches(inm, etag);
  const ims = req.get('if-modified-since');
  if (!ims) return false;
  const since = Date.parse(ims);
  return Number.isFinite(since) && lastModified.getTime() <= since;
}

/**
 * Last-Modified: when this process first saw the current data, or the start of `today` where that is later (the
 * answers change with the day too — states, "seit N Tagen", this week's meetings — and so does the ETag), never
 * later than now (a day set ahead for a demo).
 */
export function lastModifiedOf(dataSeen: Date, today: string, now = new Date()): Date {
  const dayStart = Date.parse(`${today}T00:00:00Z`);
  const day = Number.isFinite(dayStart) ? Math.min(dayStart, now.getTime()) : 0;
  return day > dataSeen.getTime() ? new Date(day) : dataSeen;
}

export function httpCache(ctx: AppContext) {
  const rendered = createResponseCache();
  return (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path.startsWith('/static/') || req.path === '/health') {
      next();
      return;
    }
    try {
      const stamp = ctx.ensureFresh();
      const today = ctx.today();
      const lastModified = lastModifiedOf(stampSeenAt(ctx.sqlite), today);
      // the same URL answers HTML or JSON by the Accept header (json/negotiate.ts): the ETag, and so the kept answer, names which
      const variant = acceptedFormat(req);
      const hash = crypto.createHash('sha1').update(`${BOOT_ID}|${stamp}|${today}|${variant}|${req.protocol}://${req.get('host') ?? ''}${req.originalUrl}`).digest('base64url').slice(0, 22);
      const etag = `W/"${hash}"`;
      res.setHeader('ETag', etag);
      res.setHeader('Last-Modified', lastModified.toUTCString());
      res.setHeader('Cache-Control', 'no-cache');
      res.setHeader('Vary', 'Accept, Accept-Encoding');
      // only an answer known to have been a 200 under this ETag is "not modified": a conditional request for a
      // page that does not exist (or a bad query) gets its 404 / 400, not a 304 (RFC 9110 13.2.1)
      if (isNotModified(req, etag, lastModified) && rendered.answeredOk(etag, `${stamp}|${today}`)) {
        res.status(304).end();
        return;
      }
      // an answer rendered before under the same ETag is the same answer (src/server/response-cache.ts)
      if (rendered.serve(res, etag, `${stamp}|${today}`, acceptsGzip(req))) return;
      next();
    } catch (err) {
      next(err);
    }
  };
}
