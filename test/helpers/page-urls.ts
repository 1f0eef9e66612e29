/**
 * The app's pages and their addresses, once for every test: one route pattern per page kind, the URL
 * of a page from its parameters, and which entity fills the parameters of any route pattern.
 * test/server/reachability.test.ts checks that every pattern here is a GET route of the app.
 */
import { concreteUrl } from './routes';

export const PAGE_ROUTES = {
  start: '/',
  motion: '/papers/:id',
  organization: '/organizations/:id',
  committee: '/gremien/:source/:name',
  meeting: '/meetings/:id',
  cities: '/staedte',
  city: '/staedte/:key',
  committees: '/gremien',
  calendar: '/sitzungen',
  search: '/suche',
  dashboard: '/dashboard',
} as const;

export type PageKind = keyof typeof PAGE_ROUTES;

/** The path of a page: its pattern with the parameters filled in (URI-encoded), plus an optional query. */
export function pageUrl(kind: PageKind, params: Record<string, string | number> = {}, query = ''): string {
  return concreteUrl(PAGE_ROUTES[kind], params) + (query ? `?${query}` : '');
}

/** The entities a test has at hand to fill route parameters with. */
export interface RouteEntities {
  paper: number;
  meeting: number;
  organization: number;
  /** a source key with a committee name of that source */
  source: string;
  committee: string;
}

/** The parameters of a route pattern, by its first path segment: meetings, organizations, committees, cities; else a paper. */
export function paramsFor(pattern: string, e: RouteEntities): Record<string, string | number> {
  const segment = pattern.split('/')[1];
  if (segment === 'meetings') return { id: e.meeting };
  if (segment === 'organizations') return { id: e.organization };
  if (segment === 'gremien') return { source: e.source, name: e.committee };
  if (segment === 'staedte') return { key: e.source };
  return { id: e.paper };
}
