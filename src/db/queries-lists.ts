/**
 * The paper lists of the start page (topics), the search and their feeds and CSV: one page of rows,
 * the total, and the facet counts (city, state, committee, paper type, year). Every query is bounded
 * (LIMIT) and reaches papers through an index: the FTS5 index papers_fts for topics and searches
 * (its paper rows directly, its document page rows through document_search_rows and files.content_hash
 * to every paper that links the document), papers_state, papers_activity,
 * papers_reference and papers_entity_key for filters and sorts, consultations_paper_position for the
 * committee filter.
 */
import type Database from 'better-sqlite3';
import { stmt } from './registry';

export const LIST_SORTS = ['activity', 'date', 'reference', 'next', 'relevance'] as const;
export type ListSort = (typeof LIST_SORTS)[number];

export interface ListFilters {
  /** sources.key */
  source?: string | null;
  state?: string | null;
  /**
   * a station's committee: "<source key>:<name>" (the facet's values: one city's committee), or a bare name
   * (consultations.organization, in any city)
   */
  organization?: string | null;
  paperType?: string | null;
  /** YYYY of the paper's date or, without one, of its first meeting (paperYearDate) */
  year?: string | null;
  /** an originator (a faction, an elected person) exactly as the paper names it */
  faction?: string | null;
  /** any of these originators (a faction's names as its motions write them: queries-originators.ts); not a URL parameter */
  factionNames?: string[] | null;
}

export interface ListSpec {
  /** an FTS5 MATCH expression (src/db/fts-query.ts), or null for every paper */
  match: string | null;
  filters: ListFilters;
  sort: ListSort;
  /** search: papers whose reference equals this (case-insensitive) come first */
  exactReference?: string | null;
  /**
   * Which rows of papers_fts the match is asked of: the papers' own rows (reference, title, text
   * sections; the default), the document pages (a paper matches when it links a matching page), or both.
   */
  rows?: MatchRows;
  /**
   * The ids of the papers `match` finds (listMatchIds), when the caller has them: the filter reads them
   * instead of asking the index again (facets and counts read the same hits several times).
   */
  matchIds?: readonly number[] | null;
}

export type MatchRows = 'papers' | 'documents' | 'both';

export interface ListRow {
  id: number;
  reference: string | null;
  name: string | null;
  paperType: string | null;
  date: string | null;
  sourceKey: string;
  sourceName: string;
  isDemo: boolean;
  state: string | null;
  currentOrganization: string | null;
  nextOrganization: string | null;
  nextRole: string | null;
  nextDate: string | null;
  lastActivity: string | null;
  updatedAt: string;
  firstSeenAt: string;
}

export interface FacetValue {
  value: string;
  label: string;
  count: number;
}

export interface Facets {
  sources: FacetValue[];
  states: FacetValue[];
  committees: FacetValue[];
  paperTypes: FacetValue[];
  years: FacetValue[];
}

type FilterKey = keyof ListFilters;

/**
 * The day a paper counts in the year facet: its own date or, without one, its first meeting (the earliest
 * dated row of its Beratungsfolge or agenda item naming it). `p` is the papers alias; SQLite's COALESCE
 * runs the subquery only for papers without a date.
 */
export const paperYearDate = (p: string) => `COALESCE(${p}.date, (SELECT MIN(d) FROM (
  SELECT cm.date AS d FROM consultations c JOIN consultation_meetings cm ON cm.consultation_id = c.id WHERE c.paper_id = ${p}.id
  UNION ALL SELECT COALESCE(m.date, a.date) FROM agenda_items a LEFT JOIN meetings m ON m.id = a.meeting_id WHERE a.paper_id = ${p}.id)))`;

/** A committee filter value "<source key>:<name>" → its parts; a bare name → source null. */
export function splitCommitteeValue(value: string): { source: string | null; name: string } {
  const m = /^([a-z0-9][a-z0-9-]*):(.+)$/.exec(value);
  return m ? { source: m[1], name: m[2] } : { source: null, name: value };
}

/**
 * The ids of the papers matching @match (with `ranked`, each paper's best rank, column `rank`): its
 * own row (rowid > 0), or a page (rowid < 0) of a document one of its files links.
 */
function matchedPaperIds(rows: MatchRows, ranked: boolean): string {
  const rank = ranked ? ', papers_fts.rank AS rank' : '';
  const own = `SELECT papers_fts.rowid AS paper_id${rank} FROM papers_fts WHERE papers_fts MATCH @match AND papers_fts.rowid > 0`;
  const docs = `SELECT f.paper_id AS paper_id${rank} FROM papers_fts CROSS JOIN document_search_rows d ON d.id = -papers_fts.rowid
    CROSS JOIN files f ON f.content_hash = d.hash WHERE papers_fts MATCH @match AND papers_fts.rowid < 0 AND f.paper_id IS NOT NULL`;
  const union = rows === 'papers' ? own : rows === 'documents' ? docs : `${own} UNION ALL ${docs}`;
  return ranked ? `SELECT paper_id, MIN(rank) AS rank FROM (${union}) GROUP BY paper_id` : union;
}
type Params = Record<string, string | number>;

/**
 * The conditions on the papers (alias p) of a list's filters, and their named parameters, leaving out one
 * filter (for that filter's own facet). Also used by the event feeds (queries-events.ts).
 */
export function filterConditions(f: ListFilters, omit?: FilterKey): { parts: string[]; params: Params } {
  const parts: string[] = [];
  const params: Params = {};
  if (f.source && omit !== 'source') {
    parts.push('p.source_id IN (SELECT id FROM sources WHERE key = @source)');
    params.source = f.source;
  }
  if (f.state && omit !== 'state') {
    parts.push('p.state = @state');
    params.state = f.state;
  }
  if (f.organization && omit !== 'organization') {
    // "<key>:<name>": that city's committee; a value that only looks so (a bare name with a colon) still matches by name
    const { source, name } = splitCommitteeValue(f.organization);
    const scoped = source ? ' OR (c.organization = @orgName AND p.source_id IN (SELECT id FROM sources WHERE key = @orgSource))' : '';
    parts.push(`EXISTS (SELECT 1 FROM consultations c WHERE c.paper_id = p.id AND (c.organization = @organization${scoped}))`);
    params.organization = f.organization;
    if (source) Object.assign(params, { orgName: name, orgSource: source });
  }
  if (f.paperType && omit !== 'paperType') {
    // the type, and the same type of an earlier catalogue ("Beschlussvorlage (bis 31.12.2022)"): one facet value
    parts.push('(p.paper_type = @paperType OR p.paper_type GLOB @paperTypeDated)');
    params.paperType = f.paperType;
    params.paperTypeDated = `${f.paperType.replace(/[*?[]/g, (c) => `[${c}]`)} (bis *)`;
  }
  if (f.year && omit !== 'year') {
    // dated papers through papers_date; undated ones (few) by their first meeting
    parts.push(`p.id IN (SELECT id FROM papers WHERE date >= @yearFrom AND date < @yearTo
      UNION ALL SELECT q.id FROM papers q WHERE q.date IS NULL AND ${paperYearDate('q')} >= @yearFrom AND ${paperYearDate('q')} < @yearTo)`);
    params.yearFrom = `${f.year}-01-01`;
    params.yearTo = `${Number(f.year) + 1}-01-01`;
  }
  if (f.faction && omit !== 'faction') {
    parts.push('EXISTS (SELECT 1 FROM json_each(p.originator) o WHERE o.value = @faction COLLATE NOCASE)');
    params.faction = f.faction;
  }
  if (f.factionNames?.length && omit !== 'faction') {
    parts.push('EXISTS (SELECT 1 FROM json_each(p.originator) o WHERE o.value IN (SELECT value FROM json_each(@factionNames)))');
    params.factionNames = JSON.stringify(f.factionNames);
  }
  return { parts, params };
}

/** WHERE clause (and its named parameters) for a list, leaving out one filter (for that filter's own facet). */
export function where(spec: ListSpec, omit?: FilterKey): { sql: string; params: Params } {
  const { parts, params } = filterConditions(spec.filters, omit);
  if (spec.match && spec.matchIds) {
    parts.unshift('p.id IN (SELECT value FROM json_each(@matchIds))');
    params.matchIds = JSON.stringify(spec.matchIds);
  } else if (spec.match) {
    parts.unshift(`p.id IN (${matchedPaperIds(spec.rows ?? 'papers', false)})`);
    params.match = spec.match;
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

const ORDER: Record<ListSort, string> = {
  activity: 'p.last_activity DESC, p.id DESC',
  date: 'p.date DESC, p.id DESC',
  reference: 'p.reference ASC, p.id ASC',
  next: 'p.next_date IS NULL, p.next_date ASC, p.id ASC',
  relevance: 'hit.rank, p.id DESC',
};

const COLUMNS = `p.id, p.reference, p.name, p.paper_type AS paperType, p.date, s.key AS sourceKey, s.name AS sourceName,
  s.is_demo AS isDemo, p.state, p.current_organization AS currentOrganization, p.next_organization AS nextOrganization,
  p.next_role AS nextRole, p.next_date AS nextDate, p.last_activity AS lastActivity, p.updated_at AS updatedAt,
  p.first_seen_at AS firstSeenAt`;

type DbListRow = Omit<ListRow, 'isDemo'> & { isDemo: number };

/** The ids of the papers an FTS5 expression finds in these rows of the index (each once, ascending). */
export function listMatchIds(sqlite: Database.Database, match: string, rows: MatchRows): number[] {
  return stmt(sqlite, `SELECT DISTINCT paper_id FROM (${matchedPaperIds(rows, false)}) ORDER BY paper_id`).pluck().all({ match }) as number[];
}

/** The number of papers in the list. */
export function listCount(sqlite: Database.Database, spec: ListSpec): number {
  const w = where(spec);
  return stmt(sqlite, `SELECT COUNT(*) AS n FROM papers p ${w.sql}`).pluck().get(w.params) as number;
}

/** One page of the list in the chosen order, and the total number of papers in it. */
export function listPage(sqlite: Database.Database, spec: ListSpec, limit: number, offset: number): { rows: ListRow[]; total: number } {
  const w = where(spec);
  const params: Params = { ...w.params, limit, offset };
  const total = listCount(sqlite, spec);
  let order = ORDER[spec.sort === 'relevance' && !spec.match ? 'activity' : spec.sort];
  if (spec.exactReference) {
    order = `(p.reference = @exact COLLATE NOCASE) DESC, ${order}`;
    params.exact = spec.exactReference;
  }
  let sql: string;
  if (spec.sort === 'relevance' && spec.match) {
    // rank comes from the FTS table itself (a paper's best row): join it instead of the IN (…) filter
    const rest = where({ ...spec, match: null });
    params.match = spec.match;
    sql = `SELECT ${COLUMNS} FROM (${matchedPaperIds(spec.rows ?? 'papers', true)}) hit JOIN papers p ON p.id = hit.paper_id
      JOIN sources s ON s.id = p.source_id ${rest.sql}
      ORDER BY ${order} LIMIT @limit OFFSET @offset`;
  } else {
    sql = `SELECT ${COLUMNS} FROM papers p JOIN sources s ON s.id = p.source_id ${w.sql} ORDER BY ${order} LIMIT @limit OFFSET @offset`;
  }
  const rows = stmt(sqlite, sql).all(params) as DbListRow[];
  return { rows: rows.map((r) => ({ ...r, isDemo: r.isDemo === 1 })), total };
}

/**
 * A paper type without the suffix of the catalogue it came from: ALLRIS keeps a type renamed at a day as
 * "Beschlussvorlage (bis 31.12.2022)" (ALLRIS-NOTES §5); the facet counts it with "Beschlussvorlage", and the
 * filter by that value finds both (the paper itself keeps the type as the RIS writes it).
 */
const TYPE_WITHOUT_CATALOGUE = `CASE WHEN p.paper_type GLOB '* (bis *)' THEN substr(p.paper_type, 1, instr(p.paper_type, ' (bis ') - 1) ELSE p.paper_type END`;
const FACET_LIMIT = { sources: 200, committees: 60, paperTypes: 40, years: 40 };

/** Facet counts: for each facet, the papers matching every other filter, grouped by that facet's value. */
export function listFacets(sqlite: Database.Database, spec: ListSpec): Facets {
  const run = <T>(omit: FilterKey, sql: (w: string) => string): T[] => {
    const w = where(spec, omit);
    return stmt(sqlite, sql(w.sql)).all(w.params) as T[];
  };
  const and = (w: string, cond: string) => (w ? `${w} AND ${cond}` : `WHERE ${cond}`);
  const sources = run<{ value: string; label: string; count: number }>('source', (w) => `SELECT s.key AS value, s.name AS label, x.count
    FROM (SELECT p.source_id, COUNT(*) AS count FROM papers p ${w} GROUP BY p.source_id) x JOIN sources s ON s.id = x.source_id
    ORDER BY s.name LIMIT ${FACET_LIMIT.sources}`);
  const states = run<{ value: string; count: number }>('state', (w) => `SELECT p.state AS value, COUNT(*) AS count FROM papers p
    ${and(w, 'p.state IS NOT NULL')} GROUP BY p.state`);
  // stations reached from the list's papers (index consultations_paper_position), or, for the whole
  // unfiltered table, through consultations_organization
  // one value per city and committee: the four Hamburg districts' Hauptausschuss are four committees
  const committees = run<{ sourceKey: string; sourceName: string; name: string; count: number }>('organization', (w) => `SELECT s.key AS sourceKey,
    s.name AS sourceName, x.name, x.count FROM (SELECT p.source_id, c.organization AS name, COUNT(DISTINCT c.paper_id) AS count
    FROM consultations c JOIN papers p ON p.id = c.paper_id
    WHERE c.organization IS NOT NULL ${w ? `AND c.paper_id IN (SELECT p.id FROM papers p ${w})` : ''}
    GROUP BY p.source_id, c.organization ORDER BY count DESC, name LIMIT ${FACET_LIMIT.committees}) x JOIN sources s ON s.id = x.source_id`);
  const paperTypes = run<{ value: string; count: number }>('paperType', (w) => `SELECT ${TYPE_WITHOUT_CATALOGUE} AS value, COUNT(*) AS count
    FROM papers p ${and(w, 'p.paper_type IS NOT NULL')} GROUP BY value ORDER BY count DESC, value LIMIT ${FACET_LIMIT.paperTypes}`);
  const years = run<{ value: string; count: number }>('year', (w) => `SELECT substr(${paperYearDate('p')}, 1, 4) AS value, COUNT(*) AS count
    FROM papers p ${w} GROUP BY value HAVING value IS NOT NULL ORDER BY value DESC LIMIT ${FACET_LIMIT.years}`);
  const withLabel = (rows: { value: string; count: number }[]) => rows.map((r) => ({ ...r, label: r.value }));
  return {
    sources,
    states: withLabel(states),
    committees: committeeFacet(committees),
    paperTypes: withLabel(paperTypes).sort((a, b) => a.value.localeCompare(b.value, 'de')),
    years: withLabel(years.filter((y) => /^\d{4}$/.test(y.value))),
  };
}

/** "Musterstadt (Demo)" → "Musterstadt", "Hamburg-Nord (Bezirksversammlung)" → "Hamburg-Nord". */
const shortCity = (name: string) => name.replace(/\s*\([^()]*\)\s*$/, '') || name;

/**
 * Committee facet values "<key>:<name>", labelled "Hauptausschuss (Hamburg-Nord)" — the city's full name
 * where two cities' short names are the same — sorted by committee, then city.
 */
function committeeFacet(rows: { sourceKey: string; sourceName: string; name: string; count: number }[]): FacetValue[] {
  const keysByShort = new Map<string, Set<string>>();
  for (const r of rows) {
    const short = shortCity(r.sourceName);
    if (!keysByShort.has(short)) keysByShort.set(short, new Set());
    keysByShort.get(short)!.add(r.sourceKey);
  }
  const city = (r: { sourceKey: string; sourceName: string }) => (keysByShort.get(shortCity(r.sourceName))!.size > 1 ? r.sourceName : shortCity(r.sourceName));
  return rows
    .map((r) => ({ value: `${r.sourceKey}:${r.name}`, label: `${r.name} (${city(r)})`, count: r.count }))
    .sort((a, b) => a.label.localeCompare(b.label, 'de'));
}
