/** The search page's view model: the query, facets, one page of matches (exact reference first), pager, feed links. */
import type { Facets, ListRow } from '../../db/queries-lists';
import { isFiltered, listQuery, SORT_LABELS, type ListParams } from './list-params';
import { toFacetsView, toListRows, toPager } from './list-view';

const SEARCH_SORTS = ['relevance', 'activity', 'next', 'date', 'reference'] as const;

export interface SearchResult {
  rows: ListRow[];
  total: number;
  facets: Facets;
}

export function toSearchView(p: ListParams, result: SearchResult | null, today: string) {
  return {
    title: p.q ? `Suche: ${p.q}` : 'Suche',
    today,
    q: p.q ?? '',
    searched: result !== null,
    emptyQuery: Boolean(p.q) && result === null,
    total: result?.total ?? 0,
    filtered: isFiltered(p),
    sortLabel: SORT_LABELS[p.sort],
    papers: result ? toListRows(result.rows, null) : [],
    facets: result ? toFacetsView(p, result.facets, '/suche', SEARCH_SORTS) : null,
    pager: result ? toPager(p, result.total, '/suche') : null,
    feedQuery: result ? listQuery(p, {}, false) : null,
  };
}
