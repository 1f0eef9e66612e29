/**
 * The JSON of the paper lists (OpenAPI schemas PaperListPage and SearchPage): /vorlagen.json (= /?format=json,
 * the start page's list with topic, filters and sort) and /suche.json?q= (= /suche?format=json). One
 * page of PAGE_SIZE motions, each with its derived state, explanation and next step; the facet counts;
 * pagination with absolute first/prev/next/last links that keep every parameter.
 */
import type { Facets, ListRow } from '../../db/queries-lists';
import type { Progress } from '../../domain/progress';
import { listQuery, type ListParams } from '../views/list-params';
import { PAGE_SIZE, stateLabel } from '../views/list-view';
import type { JsonLinks } from './links';
import { toMotionSummary } from './motion-json';

export const LIST_JSON_PATH = '/vorlagen.json';
export const SEARCH_JSON_PATH = '/suche.json';

export interface ListJsonInput {
  p: ListParams;
  rows: ListRow[];
  total: number;
  facets: Facets;
  /** progress() of every row, by paper id */
  progress: Map<number, Progress>;
  links: JsonLinks;
}

/** first/prev/next/last and self of a paged list at `path` (query strings from the parsed params, so every filter is kept). */
export function pageLinks(links: JsonLinks, path: string, page: number, pages: number, query: (n: number) => string) {
  const at = (n: number) => links.url(path, query(n));
  return {
    self: at(page),
    first: at(1),
    prev: page > 1 ? at(page - 1) : null,
    next: page < pages ? at(page + 1) : null,
    last: at(pages),
  };
}

function facetsJson(f: Facets) {
  const values = (list: Facets['states']) => list.map((v) => ({ value: v.value, label: v.label, count: v.count }));
  const states = f.states.map((v) => ({ value: v.value, label: stateLabel(v.value), count: v.count }));
  return { source: values(f.sources), state: states, organization: values(f.committees), paperType: values(f.paperTypes), year: values(f.years) };
}

function listBody(input: ListJsonInput, path: string, htmlPath: string, csvPath: string) {
  const { p, rows, total, links } = input;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const query = (n: number) => listQuery(p, { seite: n });
  const all = listQuery(p, {}, false);
  return {
    filters: { ...p.filters },
    sort: p.sort,
    pagination: { page: p.page, pageSize: PAGE_SIZE, total, pages },
    links: {
      ...pageLinks(links, path, p.page, pages, query),
      html: links.url(htmlPath, query(p.page)),
      csv: links.url(csvPath, all),
    },
    facets: facetsJson(input.facets),
    items: rows.map((r) => {
      const pr = input.progress.get(r.id);
      if (!pr) throw new Error(`no progress for paper ${r.id}`);
      return toMotionSummary(r, pr, links);
    }),
  };
}

export function toPaperListJson(input: ListJsonInput, today: string) {
  const { p } = input;
  return {
    type: 'PaperList' as const,
    today,
    topic: p.topic ? { id: p.topic.id, label: p.topic.label, description: p.topic.description ?? null } : null,
    ...listBody(input, LIST_JSON_PATH, '/', '/vorlagen.csv'),
  };
}

export function toSearchJson(input: ListJsonInput, today: string) {
  return {
    type: 'SearchPage' as const,
    today,
    q: input.p.q ?? '',
    ...listBody(input, SEARCH_JSON_PATH, '/suche', '/suche.csv'),
  };
}
