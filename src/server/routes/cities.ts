/**
 * GET /staedte — every city (source) with its numbers: motions by state, coming meetings, last sync.
 * GET /staedte/:key — one city: its numbers, its committees (members, next meeting, queue), its
 * coming and latest meetings (with the agenda-check badge) and its motions of the default topic.
 * Both also as JSON (/staedte.json, /staedte/:key.json, ?format=json, Accept: json/city-json.ts).
 */
import type { Request, Response } from 'express';
import { topicMatchExpression } from '../../db/fts-query';
import { loadCities, loadCityNumbers, loadPastCityMeetings, type CityRow } from '../../db/queries-cities';
import { loadCalendarMeetings } from '../../db/queries-meeting-calendar';
import { withMinutes } from '../../db/queries-meetings';
import { loadSourceHealth } from '../../db/source-health';
import type { AppContext } from '../context';
import { memoByData } from '../data-stamp';
import { HttpError } from '../http-error';
import { toCityJson, toCityListJson } from '../json/city-json';
import { jsonLinks } from '../json/links';
import { pageFormat, sendJson, splitJsonSuffix } from '../json/negotiate';
import { loadProgressMap } from '../json/progress-data';
import { loadTopics } from '../topics-file';
import { toCalendarItem } from '../views/calendar-view';
import { loadCommitteeList } from '../views/committee-list-view';
import { committeeHref } from '../views/committee-href';
import { loadPage } from '../views/list-data';
import { stateLabel, toListRows } from '../views/list-view';
import { loadMeetingBadges } from '../views/meeting-badges';
import { linkedDocument } from '../views/document-state';

/** coming and past meetings listed on a city's page (the calendar has the rest) */
export const CITY_COMING = 30;
export const CITY_PAST = 30;
const CITY_TOPIC_ROWS = 10;

function numbersView(ctx: AppContext, city: CityRow, today: string, lastSync: string | null) {
  const n = memoByData(ctx.sqlite, `city-numbers|${today}|${city.id}`, () => loadCityNumbers(ctx.sqlite, city.id, today));
  return {
    ...n,
    states: n.byState.map((s) => ({ state: s.state ?? 'unknown', label: stateLabel(s.state), count: s.count })),
    lastSync,
  };
}

const lastSyncs = (ctx: AppContext, today: string) => new Map(loadSourceHealth(ctx.sqlite, `${today}T12:00:00Z`).map((h) => [h.key, h.lastSuccessAt]));

/** Whether a page of this file is asked as JSON: `.json` path, ?format=json or Accept (json/negotiate.ts). */
const asJson = (req: Request, suffix = false) => suffix || req.path.endsWith('.json') || pageFormat(req) === 'json';

export function citiesRoute(ctx: AppContext) {
  return (req: Request, res: Response) => {
    const today = ctx.today();
    const json = asJson(req);
    const cities = ctx.read(() => {
      const syncs = lastSyncs(ctx, today);
      return loadCities(ctx.sqlite).map((c) => ({ ...c, href: `/staedte/${encodeURIComponent(c.key)}`, numbers: numbersView(ctx, c, today, syncs.get(c.key) ?? null) }));
    });
    if (json) {
      sendJson(res, toCityListJson(today, cities.map((c) => ({ city: c, numbers: c.numbers })), jsonLinks(req)));
      return;
    }
    res.type('html').send(ctx.render('cities', { title: 'Städte', nav: 'staedte', today, cities }));
  };
}

export function cityRoute(ctx: AppContext) {
  const topics = loadTopics();
  const topic = topics.topics.find((t) => t.id === topics.defaultId)!;
  return (req: Request, res: Response) => {
    const today = ctx.today();
    const { idText: key, json: suffix } = splitJsonSuffix(req.params.key);
    const json = asJson(req, suffix);
    const data = ctx.read(() => {
      const city = loadCities(ctx.sqlite).find((c) => c.key === key);
      if (!city) throw new HttpError(404, 'Diese Stadt gibt es nicht.');
      const coming = loadCalendarMeetings(ctx.sqlite, { sourceId: city.id, committee: null }, today, '9999-12-31', CITY_COMING);
      const spec = { match: topicMatchExpression(topic), filters: { source: city.key }, sort: 'activity' as const };
      const { rows, total } = loadPage(ctx.sqlite, spec, CITY_TOPIC_ROWS, 0);
      return {
        city,
        coming,
        badges: loadMeetingBadges(ctx.sqlite, coming, today),
        past: withMinutes(ctx.sqlite, loadPastCityMeetings(ctx.sqlite, city.id, today, CITY_PAST)),
        rows,
        total,
        progress: json ? loadProgressMap(ctx.sqlite, rows.map((r) => r.id), today) : null,
        numbers: numbersView(ctx, city, today, lastSyncs(ctx, today).get(city.key) ?? null),
        committees: loadCommitteeList(ctx.sqlite, city, today),
      };
    });
    const { city, coming, badges, past, rows, total } = data;
    if (json) {
      sendJson(res, toCityJson({
        today, city, numbers: data.numbers, committees: data.committees, past,
        coming: coming.map((m) => toCalendarItem(m, badges)),
        topic: { id: topic.id, label: topic.label, total, rows, progress: data.progress! },
      }, jsonLinks(req)));
      return;
    }
    const q = encodeURIComponent(city.key);
    res.type('html').send(ctx.render('city', {
      title: city.name,
      nav: 'staedte',
      today,
      city,
      numbers: data.numbers,
      committees: data.committees,
      coming: coming.map((m) => ({ ...m, committeeHref: committeeHref(city.key, m.organization, m.organizationId), badge: badges.get(m.id) ?? null })),
      past: past.map((m) => ({ ...m, committeeHref: committeeHref(city.key, m.organization, null), minutes: m.minutes.map(linkedDocument) })),
      topic: { label: topic.label, total, more: total > rows.length, papers: toListRows(rows), href: `/?stadt=${q}`, allHref: `/?thema=alle&stadt=${q}` },
      links: { committees: `/gremien?stadt=${q}`, calendar: `/sitzungen?stadt=${q}` },
    }));
  };
}
