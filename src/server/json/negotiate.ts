/**
 * Which format a request asks for: JSON by a `.json` path (/vorlagen.json, /meetings/7.json), by
 * `?format=json`, or by an Accept header that prefers application/json to text/html (content
 * negotiation; a browser's Accept, `*\/*` and no Accept at all get HTML). sendJson sends a JSON view.
 */
import type { Request, Response } from 'express';
import { HttpError } from '../http-error';

export type PageFormat = 'html' | 'json';

/** What the Accept header prefers of HTML and JSON (HTML on a tie, and without the header). */
export function acceptedFormat(req: Request): PageFormat {
  return req.accepts(['text/html', 'application/json']) === 'application/json' ? 'json' : 'html';
}

/** Whether a request asks for JSON: `.json` path, ?format=json, or Accept (also beside a format that is not html or csv: its error is JSON). */
export function wantsJson(req: Request): boolean {
  if (req.path.endsWith('.json')) return true;
  const format = req.query?.format;
  if (format === 'json') return true;
  return format !== 'html' && format !== 'csv' && acceptedFormat(req) === 'json';
}

/**
 * The format of a page request that also answers as CSV: ?format=csv|json|html, else the Accept
 * header; an unknown format is a 400.
 */
export function pageFormat(req: Request, others: readonly string[] = []): string {
  const format = req.query.format;
  if (format === undefined) return acceptedFormat(req);
  if (format === 'html' || format === 'json' || (typeof format === 'string' && others.includes(format))) return format;
  throw new HttpError(400, 'Unbekanntes Format.');
}

/** An id parameter with an optional `.json` suffix (`/meetings/:id` matches `/meetings/7.json`): the id text and whether JSON was asked. */
export function splitJsonSuffix(raw: unknown): { idText: string; json: boolean } {
  const text = String(raw ?? '');
  return text.endsWith('.json') ? { idText: text.slice(0, -5), json: true } : { idText: text, json: false };
}

/** Sends a JSON view (UTF-8, the same caching headers as the pages: set by http-cache.ts before the route). */
export function sendJson(res: Response, body: unknown): void {
  res.type('application/json; charset=utf-8').send(JSON.stringify(body));
}
