/** The absolute address of the site, for feeds and calendars: RATSRADAR_BASE_URL, else the request's own scheme and host. */
import type { Request } from 'express';

const HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

export function baseUrl(req: Request): string {
  const configured = process.env.RATSRADAR_BASE_URL;
  if (configured && /^https?:\/\/[^\s"'<>]+$/.test(configured)) return configured.replace(/\/+$/, '');
  const host = req.get('host') ?? '';
  return `${req.protocol === 'https' ? 'https' : 'http'}://${HOST.test(host) ? host : 'localhost'}`;
}
