/**
 * Loads a paper list for a parsed request: the FTS5 expression of the topic or search, one page of
 * rows and the facet counts, cached per data stamp (src/server/data-stamp.ts) so that repeated
 * requests for the same list cost no query until a row changes.
 */
import type Database from 'better-sqlite3';
import { searchMatchExpression, topicMatchExpression } from '../../db/fts-query';
import { listFacets, listPage, type Facets, type ListRow, type ListSpec } from '../../db/queries-lists';
import { memoByData } from '../data-stamp';
import type { ListParams } from './list-params';

/** The list of a topic (or of every paper when no topic is chosen). */
export function topicSpec(p: ListParams): ListSpec {
  return { match: p.topic ? topicMatchExpression(p.topic) : null, filters: p.filters, sort: p.sort };
}

/** The list of a search, or null when the query holds no word to search for. */
export function searchSpec(p: ListParams): ListSpec | null {
  const match = p.q ? searchMatchExpression(p.q) : null;
  return match ? { match, filters: p.filters, sort: p.sort, exactReference: p.q } : null;
}

export function loadPage(sqlite: Database.Database, spec: ListSpec, limit: number, offset: number): { rows: ListRow[]; total: number } {
  return memoByData(sqlite, `page|${JSON.stringify(spec)}|${limit}|${offset}`, () => listPage(sqlite, spec, limit, offset));
}

export function loadFacets(sqlite: Database.Database, spec: ListSpec): Facets {
  const key = `facets|${JSON.stringify({ match: spec.match, filters: spec.filters })}`;
  return memoByData(sqlite, key, () => listFacets(sqlite, spec));
}
