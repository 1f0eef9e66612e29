/**
 * The query parameters of every paper list (start page / topics, search, their feeds and CSV):
 * thema, q, stadt, state, gremium, art, jahr, fraktion, sort, seite. Validated here; bad values are a 400 with
 * a German message, an unknown topic a 404. Links are built back from the parsed values, so every
 * link keeps the other filters.
 */
import type { Request } from 'express';
import type { SearchScope } from '../../db/fts-query';
import { LIST_SORTS, type ListFilters, type ListSort } from '../../db/queries-lists';
import { PAPER_STATES } from '../../domain/progress';
import type { Topic, TopicSet } from '../../domain/topics';
import { HttpError } from '../http-error';

export const ALL_TOPICS = 'alle';
/** the values of the search's "gefunden in" filter (?in=) */
export const SEARCH_SCOPES = ['titel', 'text', 'dokumente'] as const;
export const MAX_PAGE = 100000;

export interface ListParams {
  /** a topic, or null for every paper ("alle") or a search */
  topic: Topic | null;
  /** the thema parameter as given ("alle", a topic id) or null for the default */
  topicParam: string | null;
  q: string | null;
  /** search: where to look (?in=titel|text|dokumente), null: everywhere */
  scope?: SearchScope | null;
  filters: ListFilters;
  sort: ListSort;
  /** the sort when none is given */
  defaultSort: ListSort;
  page: number;
}

function one(value: unknown, name: string): string | null {
  if (value === undefined) return null;
  if (typeof value !== 'string') throw new HttpError(400, `Der Parameter „${name}“ ist mehrfach oder falsch angegeben.`);
  const v = value.trim();
  if (v.length > 200) throw new HttpError(400, `Der Parameter „${name}“ ist zu lang.`);
  return v === '' ? null : v;
}

export const SORT_LABELS: Record<ListSort, string> = {
  activity: 'neueste Aktivität',
  date: 'Datum der Vorlage',
  reference: 'Vorlagen-Nummer',
  next: 'nächster Termin',
  relevance: 'Relevanz',
};

/** The page number of a paged list (?seite=N, 1 when absent); anything but 1…MAX_PAGE is a 400. */
export function parsePageParam(query: Record<string, unknown>): number {
  const pageText = one(query.seite, 'seite') ?? '1';
  const page = Number(pageText);
  if (!/^\d+$/.test(pageText) || !Number.isInteger(page) || page < 1 || page > MAX_PAGE) throw new HttpError(400, 'Ungültige Seitenzahl.');
  return page;
}

/** Parses a list request. `search` lists may sort by relevance (their default); topic lists by activity. */
export function parseListParams(req: Request, topics: TopicSet | null, kind: 'topic' | 'search'): ListParams {
  const query = req.query as Record<string, unknown>;
  const state = one(query.state, 'state');
  if (state && !(PAPER_STATES as readonly string[]).includes(state)) throw new HttpError(400, 'Unbekannter Status im Filter.');
  const year = one(query.jahr, 'jahr');
  if (year && !/^\d{4}$/.test(year)) throw new HttpError(400, 'Ungültiges Jahr im Filter.');
  const page = parsePageParam(query);
  const defaultSort: ListSort = kind === 'search' ? 'relevance' : 'activity';
  const sortText = one(query.sort, 'sort') ?? defaultSort;
  if (!(LIST_SORTS as readonly string[]).includes(sortText) || (sortText === 'relevance' && kind !== 'search')) {
    throw new HttpError(400, 'Unbekannte Sortierung.');
  }
  let topic: Topic | null = null;
  const topicParam = kind === 'topic' ? one(query.thema, 'thema') : null;
  if (kind === 'topic' && topics) {
    const id = topicParam ?? topics.defaultId;
    if (id !== ALL_TOPICS) {
      topic = topics.topics.find((t) => t.id === id) ?? null;
      if (!topic) throw new HttpError(404, 'Dieses Thema gibt es nicht.');
    }
  }
  const scope = kind === 'search' ? one(query.in, 'in') : null;
  if (scope && !(SEARCH_SCOPES as readonly string[]).includes(scope)) throw new HttpError(400, 'Unbekannter Fundort im Filter.');
  return {
    topic,
    topicParam,
    q: kind === 'search' ? one(query.q, 'q') : null,
    scope: scope as SearchScope | null,
    filters: {
      source: one(query.stadt, 'stadt'),
      state,
      organization: one(query.gremium, 'gremium'),
      paperType: one(query.art, 'art'),
      year,
      faction: one(query.fraktion, 'fraktion'),
    },
    sort: sortText as ListSort,
    defaultSort,
    page,
  };
}

export interface ParamOverrides {
  in?: SearchScope | null;
  stadt?: string | null;
  state?: string | null;
  gremium?: string | null;
  art?: string | null;
  jahr?: string | null;
  fraktion?: string | null;
  sort?: ListSort | null;
  seite?: number | null;
}

/** The query string (without "?") for these params with some changed; defaults and page 1 are left out. */
export function listQuery(p: ListParams, o: ParamOverrides = {}, withPage = true): string {
  const s = new URLSearchParams();
  const pick = <K extends keyof ParamOverrides>(k: K, current: ParamOverrides[K]) => (k in o ? o[k] : current);
  if (p.topicParam) s.set('thema', p.topicParam);
  if (p.q) s.set('q', p.q);
  const scope = pick('in', p.scope ?? null);
  if (scope) s.set('in', scope);
  const stadt = pick('stadt', p.filters.source);
  if (stadt) s.set('stadt', stadt);
  const state = pick('state', p.filters.state);
  if (state) s.set('state', state);
  const gremium = pick('gremium', p.filters.organization);
  if (gremium) s.set('gremium', gremium);
  const art = pick('art', p.filters.paperType);
  if (art) s.set('art', art);
  const jahr = pick('jahr', p.filters.year);
  if (jahr) s.set('jahr', jahr);
  const fraktion = pick('fraktion', p.filters.faction);
  if (fraktion) s.set('fraktion', fraktion);
  const sort = pick('sort', p.sort);
  if (sort && sort !== p.defaultSort) s.set('sort', sort);
  const seite = pick('seite', p.page);
  if (withPage && seite && seite > 1) s.set('seite', String(seite));
  return s.toString();
}

/** True when any facet filter is set. */
export function isFiltered(p: ListParams): boolean {
  const f = p.filters;
  return Boolean(f.source || f.state || f.organization || f.paperType || f.year || f.faction || p.scope);
}
