/**
 * The absolute address of the site, for feeds and calendars: RATSRADAR_BASE_URL, else the request's
 * own scheme and host. A Host header that is not a valid host (a port over 65535, `[::1::]`,
 * `999.999.999.999`) is a 400: absolute links are never built from it.
 */
import type { Request } from 'express';
import { HttpError } from './http-error';

const HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** Whether `host` (a Host header) is a host name or address with an optional port, as the URL parser reads it. */
export function isValidHost(host: string): boolean {
  if (!HOST.test(host)) return false;
  try {
    return new URL(`http://${host}/`).host !== '';
  } catch {
    return false;
  }
}

export function baseUrl(req: Request): string {
  const configured = process.env.RATSRADAR_BASE_URL;
  if (configured && /^https?:\/\/[^\s"'<>]+$/.test(configured)) return configured.replace(/\/+$/, '');
  const host = req.get('host');
  if (host === undefined || host === '') return `${req.protocol === 'https' ? 'https' : 'http'}://localhost`;
  if (!isValidHost(host)) throw new HttpError(400, 'Ungültige Host-Angabe in der Anfrage.');
  return `${req.protocol === 'https' ? 'https' : 'http'}://${host}`;
}
