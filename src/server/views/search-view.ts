/** The search page's view model: the query, facets, one page of matches (exact reference first), pager, feed links. */
import type { SearchScope } from '../../db/fts-query';
import type { Facets, ListRow } from '../../db/queries-lists';
import type { MatchPlaces, MeetingDocumentRow } from '../../db/queries-search';
import { isFiltered, listQuery, SEARCH_SCOPES, SORT_LABELS, type ListParams } from './list-params';
import { toFacetsView, toListRows, toPager } from './list-view';
import { toMatchPlacesView, toMeetingDocumentPlaceView } from './match-view';

const SEARCH_SORTS = ['relevance', 'activity', 'next', 'date', 'reference'] as const;

export interface SearchResult {
  rows: ListRow[];
  total: number;
  facets: Facets;
  /** where the search matched each row's paper (by paper id) */
  places?: Map<number, MatchPlaces>;
  /** "gefunden in": papers matching in titles / text sections / documents */
  foundIn?: Record<SearchScope, number> | null;
  /** the meetings' own documents where it matched (on the first page of motions only) */
  meetingDocuments?: MeetingDocumentRow[];
}

const SCOPE_LABELS: Record<SearchScope, string> = { titel: 'Titel', text: 'Text', dokumente: 'Dokumente' };

/** The "gefunden in" links: each place with its count, the chosen one marked, and "überall". */
function toFoundInView(p: ListParams, counts: Record<SearchScope, number>) {
  const link = (scope: SearchScope | null) => `/suche?${listQuery(p, { in: scope, seite: null })}`;
  return {
    all: { href: link(null), selected: !p.scope },
    options: SEARCH_SCOPES.map((s) => ({ label: SCOPE_LABELS[s], count: counts[s], href: link(s), selected: p.scope === s })),
  };
}

export function toSearchView(p: ListParams, result: SearchResult | null, today: string) {
  const meetingDocuments = result?.meetingDocuments ?? [];
  const meetingDocumentsTotal = meetingDocuments[0]?.total ?? 0;
  return {
    title: p.q ? `Suche: ${p.q}` : 'Suche',
    today,
    q: p.q ?? '',
    searched: result !== null,
    emptyQuery: Boolean(p.q) && result === null,
    total: result?.total ?? 0,
    filtered: isFiltered(p),
    sortLabel: SORT_LABELS[p.sort],
    papers: result
      ? toListRows(result.rows).map((r) => {
          const places = result.places?.get(r.id);
          return { ...r, places: places ? toMatchPlacesView(places) : null };
        })
      : [],
    foundIn: result?.foundIn ? toFoundInView(p, result.foundIn) : null,
    meetingDocuments: meetingDocuments.map(toMeetingDocumentPlaceView),
    meetingDocumentsTotal,
    moreMeetingDocuments: meetingDocumentsTotal - meetingDocuments.length,
    facets: result ? toFacetsView(p, result.facets, '/suche', SEARCH_SORTS) : null,
    pager: result ? toPager(p, result.total, '/suche') : null,
    feedQuery: result ? listQuery(p, {}, false) : null,
  };
}
