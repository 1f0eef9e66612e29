/**
 * View models shared by the paper lists (start page / topics and search): the table rows, the facet
 * form and the pager. Templates: partials/paper-list.hbs, partials/facets.hbs, partials/pager.hbs.
 */
import { splitCommitteeValue, type Facets, type ListRow, type ListSort } from '../../db/queries-lists';
import { STATE_LABELS, type PaperState } from '../../domain/progress';
import { committeeHref } from './committee-href';
import { listQuery, SORT_LABELS, type ListParams } from './list-params';

export const PAGE_SIZE = 25;

export interface ListRowView extends ListRow {
  stateLabel: string;
  /** the pages of the current and next committee (/gremien/:source/:name, which leads to the organization's page where there is one) */
  currentHref: string | null;
  nextHref: string | null;
}

export function stateLabel(state: string | null): string {
  return state ? (STATE_LABELS[state as PaperState] ?? state) : 'unbekannt';
}

/** The table rows; why a row is on a topic or where a search matched is added by the page (topic-reasons.ts, match-view.ts). */
export function toListRows(rows: ListRow[]): ListRowView[] {
  return rows.map((r) => ({
    ...r,
    stateLabel: stateLabel(r.state),
    currentHref: committeeHref(r.sourceKey, r.currentOrganization, null),
    nextHref: committeeHref(r.sourceKey, r.nextOrganization, null),
  }));
}

interface FacetOption {
  value: string;
  label: string;
  /** null: not counted (shown without a number) */
  count: number | null;
  selected: boolean;
}

interface FacetGroup {
  id: string;
  name: string;
  label: string;
  options: FacetOption[];
}

export interface FacetsView {
  action: string;
  hidden: { name: string; value: string }[];
  groups: FacetGroup[];
  sorts: { value: ListSort; label: string; selected: boolean }[];
  resetHref: string | null;
  /** how many facet filters are set (shown on the collapsed filter box) */
  activeCount: number;
}

function group(id: string, name: string, label: string, values: Facets['states'], selected: string | null | undefined, uncounted?: (v: string) => string | null): FacetGroup {
  const options: FacetOption[] = values.map((v) => ({ value: v.value, label: v.label, count: v.count, selected: v.value === selected }));
  // a selected value that is not among the counted ones stays selectable (e.g. beyond the facet limit); one the
  // facet does not count at all (a committee by bare name, in every city) is shown without a count
  if (selected && !options.some((o) => o.selected)) {
    const other = uncounted?.(selected) ?? null;
    options.unshift({ value: selected, label: other ?? selected, count: other ? null : 0, selected: true });
  }
  return { id, name, label, options };
}

/** A committee chosen by bare name (a link from elsewhere) filters in every city. */
const bareCommittee = (v: string) => (splitCommitteeValue(v).source ? null : `${v} (alle Städte)`);

/** The facet form: one select per facet (with counts), the sort select, hidden inputs for topic / query. */
export function toFacetsView(p: ListParams, facets: Facets, action: string, sorts: readonly ListSort[]): FacetsView {
  const hidden: { name: string; value: string }[] = [];
  if (p.topicParam) hidden.push({ name: 'thema', value: p.topicParam });
  if (p.q) hidden.push({ name: 'q', value: p.q });
  if (p.scope) hidden.push({ name: 'in', value: p.scope });
  const f = p.filters;
  const states = facets.states.map((s) => ({ ...s, label: stateLabel(s.value) }));
  const reset = new URLSearchParams(hidden.map((h): [string, string] => [h.name, h.value])).toString();
  return {
    action,
    hidden,
    groups: [
      group('f-stadt', 'stadt', 'Stadt', facets.sources, f.source),
      group('f-state', 'state', 'Status', states, f.state),
      group('f-gremium', 'gremium', 'Gremium', facets.committees, f.organization, bareCommittee),
      group('f-art', 'art', 'Art der Vorlage', facets.paperTypes, f.paperType),
      group('f-jahr', 'jahr', 'Jahr', facets.years, f.year),
    ],
    sorts: sorts.map((s) => ({ value: s, label: SORT_LABELS[s], selected: s === p.sort })),
    resetHref: f.source || f.state || f.organization || f.paperType || f.year ? `${action}${reset ? `?${reset}` : ''}` : null,
    activeCount: [f.source, f.state, f.organization, f.paperType, f.year].filter(Boolean).length,
  };
}

export interface PagerView {
  page: number;
  pages: number;
  prev: string | null;
  next: string | null;
  first: string | null;
  last: string | null;
}

/** The pager of page `page` of `pages`, with links made by `link` (partials/pager.hbs). */
export function pagerView(page: number, pages: number, link: (n: number) => string): PagerView {
  return {
    page,
    pages,
    prev: page > 1 ? link(page - 1) : null,
    next: page < pages ? link(page + 1) : null,
    first: page > 2 ? link(1) : null,
    last: page < pages - 1 ? link(pages) : null,
  };
}

export function toPager(p: ListParams, total: number, path: string): PagerView {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return pagerView(p.page, pages, (n) => {
    const qs = listQuery(p, { seite: n });
    return qs ? `${path}?${qs}` : path;
  });
}
