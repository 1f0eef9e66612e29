/** The city (?stadt=KEY) and committee (?gremium=KEY:NAME) parameters of /gremien and /sitzungen. */
import type { Request } from 'express';
import { loadCities, sourceNameOf, type CityRow } from '../../db/queries-cities';
import { committeeByName } from '../../db/queries-committee';
import type { AppContext } from '../context';
import { HttpError } from '../http-error';
import type { TopicSet } from '../../domain/topics';
import { parseListParams, type ListParams } from '../views/list-params';

/** A single string parameter, or null when absent or empty; a repeated or over-long one is a 400. */
export function oneParam(req: Request, name: string, max = 300): string | null {
  const v = (req.query as Record<string, unknown>)[name];
  if (v === undefined || v === '') return null;
  if (typeof v !== 'string' || v.length > max) throw new HttpError(400, `Ungültiger Parameter „${name}“.`);
  return v.trim() || null;
}

/**
 * The name of the city a motion list's ?stadt= names (ListParams filters.source), or null for every city; an unknown
 * key is a 404 — a feed or list subscribed with a typo would otherwise stay empty without a word.
 */
function listCityName(ctx: AppContext, source: string | null): string | null {
  if (source == null) return null;
  const name = sourceNameOf(ctx.sqlite, source);
  if (name == null) throw new HttpError(404, 'Diese Stadt gibt es nicht.');
  return name;
}

/** A motion list's parameters (views/list-params.ts) with the name of the city it is filtered by; an unknown city is a 404. */
export function listParamsOf(ctx: AppContext, req: Request, topics: TopicSet | null, kind: 'topic' | 'search'): ListParams & { cityName: string | null } {
  const p = parseListParams(req, topics, kind);
  return Object.assign(p, { cityName: listCityName(ctx, p.filters.source ?? null) });
}

/** The city of ?stadt= (404 for an unknown key), or null for every city. */
export function cityParam(ctx: AppContext, req: Request, cities = loadCities(ctx.sqlite)): CityRow | null {
  const key = oneParam(req, 'stadt', 100);
  if (key == null) return null;
  const city = cities.find((c) => c.key === key);
  if (!city) throw new HttpError(404, 'Diese Stadt gibt es nicht.');
  return city;
}

/**
 * The committee of ?gremium=KEY:NAME (its city's key, a colon, its name): the city and the name, or
 * null. An unknown city or committee is a 404; a committee names its city, whatever ?stadt= says.
 */
export function committeeParam(ctx: AppContext, req: Request, cities: CityRow[]): { city: CityRow; name: string } | null {
  const raw = oneParam(req, 'gremium');
  if (raw == null) return null;
  const at = raw.indexOf(':');
  const city = at > 0 ? cities.find((c) => c.key === raw.slice(0, at)) : undefined;
  const name = raw.slice(at + 1).replace(/\s+/g, ' ').trim();
  if (!city || !name || !committeeByName(ctx.sqlite, city.key, name)) throw new HttpError(404, 'Dieses Gremium gibt es nicht.');
  return { city, name };
}
