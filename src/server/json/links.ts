/**
 * Absolute links of the JSON views, from the site's base address (RATSRADAR_BASE_URL, else the
 * request's validated Host: base-url.ts). Every object names its JSON (`self`) and its page (`html`).
 */
import type { Request } from 'express';
import { baseUrl } from '../base-url';

export interface ObjectLinks {
  self: string;
  html: string;
}

export interface JsonLinks {
  base: string;
  /** an absolute URL for a path (and an optional query string without "?") */
  url: (path: string, query?: string) => string;
  paper: (id: number) => ObjectLinks;
  meeting: (id: number) => ObjectLinks;
  organization: (id: number) => ObjectLinks;
}

export function jsonLinksFor(base: string): JsonLinks {
  const url = (path: string, query?: string) => `${base}${path}${query ? `?${query}` : ''}`;
  const pair = (prefix: string) => (id: number): ObjectLinks => ({ self: url(`${prefix}/${id}.json`), html: url(`${prefix}/${id}`) });
  return { base, url, paper: pair('/papers'), meeting: pair('/meetings'), organization: pair('/organizations') };
}

export function jsonLinks(req: Request): JsonLinks {
  return jsonLinksFor(baseUrl(req));
}
