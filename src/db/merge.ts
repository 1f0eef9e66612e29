/**
 * An entity's facets (the records that describe it: HTML, OParl, a list row, a calendar row) merged
 * into one: for every field the first facet in priority order that has a value (not null, not "",
 * not an empty array) wins, and the field remembers which facet that was. Pure.
 */

export interface Facet<T> {
  facet: string;
  record: T;
}

/** Facet priority per entity kind: the HTML detail page first (it has the Beratungsfolge status and planned steps), then OParl, then partial views. */
export const FACET_PRIORITY: Record<string, readonly string[]> = {
  Paper: ['allris4', 'allris3', 'oparl', 'list'],
  Meeting: ['allris4', 'allris3', 'oparl', 'calendar', 'item'],
  AgendaItem: ['allris4', 'allris3', 'oparl', 'entry'],
  Organization: ['allris4', 'allris3', 'oparl', 'list'],
};

function hasValue(v: unknown): boolean {
  if (v === null || v === undefined || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  return true;
}

function rank(kind: string, facet: string): number {
  const order = FACET_PRIORITY[kind] ?? [];
  const i = order.indexOf(facet);
  return i < 0 ? order.length : i;
}

export function sortFacets<T>(kind: string, facets: Facet<T>[]): Facet<T>[] {
  return [...facets].sort((a, b) => rank(kind, a.facet) - rank(kind, b.facet) || a.facet.localeCompare(b.facet));
}

export function mergeFacets<T extends object>(kind: string, facets: Facet<T>[]): { merged: T; provenance: Record<string, string> } {
  if (facets.length === 0) throw new Error(`nothing to merge for ${kind}`);
  if (facets.length === 1) {
    // the common case (an entity seen once): every field as it is, from that facet where it has a value
    const { facet, record } = facets[0];
    const merged: Record<string, unknown> = {};
    const provenance: Record<string, string> = {};
    for (const k of Object.keys(record)) {
      const v = (record as Record<string, unknown>)[k];
      merged[k] = v;
      if (hasValue(v)) provenance[k] = facet;
    }
    return { merged: merged as T, provenance };
  }
  const ordered = sortFacets(kind, facets);
  const merged: Record<string, unknown> = {};
  const provenance: Record<string, string> = {};
  const keys = new Set<string>();
  for (const f of ordered) for (const k of Object.keys(f.record)) keys.add(k);
  for (const k of keys) {
    const from = ordered.find((f) => hasValue((f.record as Record<string, unknown>)[k]));
    if (from) {
      merged[k] = (from.record as Record<string, unknown>)[k];
      provenance[k] = from.facet;
    } else {
      const first = ordered.find((f) => k in f.record);
      merged[k] = first ? (first.record as Record<string, unknown>)[k] : null;
    }
  }
  return { merged: merged as T, provenance };
}

/**
 * Whether a changed facet cannot change an entity merged before as `provenance` describes it: every field
 * it has a value for comes from a facet of the priority list that ranks above it (and is not changed).
 * Fields without a value anywhere are assumed present in the entity's other facets (records carry every
 * field of their kind), so the facet adds no key either.
 */
export function facetChangesNothing(kind: string, provenance: Record<string, string>, facet: Facet<object>): boolean {
  const order = FACET_PRIORITY[kind] ?? [];
  const own = rank(kind, facet.facet);
  for (const [k, v] of Object.entries(facet.record)) {
    if (!hasValue(v)) continue;
    const from = provenance[k];
    if (from === undefined || !order.includes(from) || rank(kind, from) >= own) return false;
  }
  return true;
}

interface AgendaPaperFacet {
  consultation: { organization: string | null; meetings: { date: string | null; agendaItemSourceId: string | null }[] }[];
}

/** The paper facet of what an agenda item's own page says of its motion: the documents it offers, its type and lead office ('files-item:<item>', record-facets.ts addAgendaAppearance). */
export const ITEM_FILES_FACET = 'files-item:';
/** The meeting facet an agenda item's own page (to020) gives of its meeting: id, title, committee, day (record-facets.ts). */
export const ITEM_PAGE_FACET = 'item';

/** The facets of an entity's own page or OParl object (not a list or calendar row, an agenda, an item's page). */
export const OWN_FACETS: readonly string[] = ['allris4', 'allris3', 'oparl'];

/**
 * SQL: 1 where a field of the row `alias` came from its own page or OParl object (OWN_FACETS), else 0 — for a meeting:
 * its agenda is what that page lists (its `agendaRead`), not only what a calendar row or an item's page named.
 */
export function ownPageSql(alias: string): string {
  return `EXISTS (SELECT 1 FROM json_each(${alias}.provenance) WHERE value IN (${OWN_FACETS.map((f) => `'${f}'`).join(', ')}))`;
}

/** The paper facet that keeps a paper known once the one agenda that named it no longer does (agenda-removal.ts). */
export const NAMED_FACET = 'named';

/** A facet that only says what agendas say of a paper: its rows ('agenda:<item>'; merged: 'agenda'), its items' pages' documents, or that one named it. */
export function isAgendaFacet(facet: string): boolean {
  return facet.startsWith('agenda:') || facet.startsWith(ITEM_FILES_FACET) || facet === NAMED_FACET || facet === 'agenda';
}

/** The documents of all agenda facets, each name once, in facet order (the rows' first, then the items' pages'). */
function agendaFiles<T extends object>(facets: Facet<T>[]): unknown[] {
  const seen = new Set<string>();
  const files: unknown[] = [];
  for (const f of sortFacets('Paper', facets)) {
    if (!isAgendaFacet(f.facet)) continue;
    for (const file of ((f.record as { files?: { name: string }[] }).files ?? [])) {
      if (seen.has(file.name)) continue;
      seen.add(file.name);
      files.push(file);
    }
  }
  return files;
}

/**
 * Papers: as mergeFacets, but a paper whose Beratungsfolge comes only from agenda appearances
 * ('agenda:<item>' facets) gets one station per appearance, in date order, instead of only the first; and one
 * whose documents come only from agendas gets those of every agenda facet (a row's Sammeldokument and its item
 * page's Niederschriftsauszug alike), not only the first facet's.
 */
export function mergePaperFacets<T extends object>(facets: Facet<T>[]): { merged: T; provenance: Record<string, string> } {
  let result = mergeFacets('Paper', facets);
  if (result.provenance.files && isAgendaFacet(result.provenance.files) && facets.length > 1) {
    result = { merged: { ...result.merged, files: agendaFiles(facets) }, provenance: result.provenance };
  }
  if (!result.provenance.consultation?.startsWith('agenda:')) return result;
  const stations = facets
    .filter((f) => f.facet.startsWith('agenda:'))
    .flatMap((f) => (f.record as unknown as AgendaPaperFacet).consultation)
    .sort((a, b) => (a.meetings[0]?.date ?? '').localeCompare(b.meetings[0]?.date ?? '') ||
      (a.meetings[0]?.agendaItemSourceId ?? '').localeCompare(b.meetings[0]?.agendaItemSourceId ?? ''));
  return { merged: { ...result.merged, consultation: stations }, provenance: { ...result.provenance, consultation: 'agenda' } };
}
