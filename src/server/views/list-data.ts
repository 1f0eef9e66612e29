/**
 * Loads a paper list for a parsed request: the FTS5 expression of the topic or search, one page of
 * rows and the facet counts, cached per data stamp (src/server/data-stamp.ts) so that repeated
 * requests for the same list cost no query until a row changes.
 */
import type Database from 'better-sqlite3';
import { searchMatchExpression, topicMatchExpression, type SearchScope } from '../../db/fts-query';
import { listCount, listFacets, listMatchIds, listPage, type Facets, type ListFilters, type ListRow, type ListSort, type ListSpec, type MatchRows } from '../../db/queries-lists';
import type { Topic } from '../../domain/topics';
import { loadMatchPlaces, loadMeetingDocumentMatches, type MatchPlaces, type MeetingDocumentRow } from '../../db/queries-search';
import { loadPrefixTerms } from '../../db/search-terms';
import { memoByData } from '../data-stamp';
import type { ListParams } from './list-params';

/** The list of a topic (or of every paper when no topic is chosen). */
export function topicSpec(p: ListParams): ListSpec {
  return topicListSpec(p.topic, p.filters, p.sort);
}

/** A topic's papers (every paper for null) with these filters: the topic's index match, its documents where the topic says so. */
export function topicListSpec(topic: Topic | null, filters: ListFilters, sort: ListSort): ListSpec {
  if (!topic) return { match: null, filters, sort };
  return { match: topicMatchExpression(topic, topic.documents), filters, sort, rows: topic.documents ? 'both' : 'papers' };
}

/** Which rows of the index a search in this scope asks. */
function scopeRows(scope: SearchScope | null | undefined): MatchRows {
  return !scope ? 'both' : scope === 'dokumente' ? 'documents' : 'papers';
}

/** A search word's prefix → the index's terms beginning with it (search-terms.ts), kept per data stamp. */
function prefixTerms(sqlite: Database.Database) {
  return (prefix: string) => memoByData(sqlite, `terms|${prefix}`, () => loadPrefixTerms(sqlite, prefix));
}

/**
 * The list of a search (reference, title, text sections and documents; or only where ?in= says), or
 * null when the query holds no word to search for. With the database, a word's prefix is asked as the
 * terms that begin with it (faster, the same matches).
 */
export function searchSpec(p: ListParams, sqlite: Database.Database | null = null): ListSpec | null {
  const match = p.q ? searchMatchExpression(p.q, p.scope ?? null, sqlite ? prefixTerms(sqlite) : null) : null;
  return match ? { match, filters: p.filters, sort: p.sort, exactReference: p.q, rows: scopeRows(p.scope) } : null;
}

/** Meetings' documents listed beside a search's motions (its first page). */
export const MEETING_DOCUMENTS_SHOWN = 10;

/**
 * The meetings' own documents (Einladung, Niederschrift, …) in which a search finds a page, in the city the
 * search is filtered to (its other filters are the motions'), newest meeting first; none when ?in= asks for
 * titles or texts only. Kept per data stamp.
 */
export function loadMeetingDocumentPlaces(sqlite: Database.Database, p: ListParams): MeetingDocumentRow[] {
  if (!p.q || (p.scope && p.scope !== 'dokumente')) return [];
  const q = p.q;
  const source = p.filters.source ?? null;
  return memoByData(sqlite, `meetingdocs|${JSON.stringify({ q, source })}`, () => {
    const match = searchMatchExpression(q, 'dokumente', prefixTerms(sqlite));
    return match ? loadMeetingDocumentMatches(sqlite, match, source, MEETING_DOCUMENTS_SHOWN) : [];
  });
}

/** The "gefunden in" counts: how many papers of the search (with its other filters) match in each place. */
export function loadFoundIn(sqlite: Database.Database, p: ListParams): Record<SearchScope, number> | null {
  if (!p.q) return null;
  const q = p.q;
  return memoByData(sqlite, `foundin|${JSON.stringify({ q, filters: p.filters })}`, () => {
    const count = (scope: SearchScope) => {
      const match = searchMatchExpression(q, scope, prefixTerms(sqlite));
      if (!match) return 0;
      const ids = loadMatchIds(sqlite, match, scopeRows(scope));
      return listCount(sqlite, { match, filters: p.filters, sort: p.sort, rows: scopeRows(scope), matchIds: ids });
    };
    return { titel: count('titel'), text: count('text'), dokumente: count('dokumente') };
  });
}

/** Where the spec's match found each of these papers (search pages). */
export function loadPlaces(sqlite: Database.Database, spec: ListSpec, ids: number[]): Map<number, MatchPlaces> {
  if (!spec.match) return new Map();
  const match = spec.match;
  const rows = spec.rows ?? 'papers';
  return memoByData(sqlite, `places|${match}|${rows}|${ids.join(',')}`, () =>
    loadMatchPlaces(sqlite, match, ids, rows !== 'documents', rows !== 'papers'),
  );
}

export function loadPage(sqlite: Database.Database, spec: ListSpec, limit: number, offset: number): { rows: ListRow[]; total: number } {
  return memoByData(sqlite, `page|${JSON.stringify(spec)}|${limit}|${offset}`, () =>
    listPage(sqlite, { ...spec, matchIds: loadMatchIds(sqlite, spec.match, spec.rows) }, limit, offset),
  );
}

/** The ids of the papers the spec's match finds, read once per data stamp (null without a match). */
function loadMatchIds(sqlite: Database.Database, match: string | null, rows: MatchRows | undefined): number[] | null {
  if (!match) return null;
  return memoByData(sqlite, `ids|${rows ?? 'papers'}|${match}`, () => listMatchIds(sqlite, match, rows ?? 'papers'));
}

export function loadFacets(sqlite: Database.Database, spec: ListSpec): Facets {
  const key = `facets|${JSON.stringify({ match: spec.match, rows: spec.rows, filters: spec.filters })}`;
  // five facets read the same hits: from the ids, not the index five times
  return memoByData(sqlite, key, () => listFacets(sqlite, { ...spec, matchIds: loadMatchIds(sqlite, spec.match, spec.rows) }));
}
