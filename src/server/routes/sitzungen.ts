/**
 * GET /sitzungen?stadt=KEY&gremium=KEY:NAME&monat=YYYY-MM — the meeting calendar: this week, next
 * week and a month grid (default: this month), for every city, one city or one committee (a GET form:
 * no script), each meeting with its agenda-check badge. A bad month is a 400, an unknown city or
 * committee a 404. Also as JSON: /sitzungen.json, ?format=json or Accept (json/calendar-json.ts).
 * GET /sitzungen.ics?stadt=…&gremium=… — the filtered calendar as iCal: every meeting from 30 days back
 * on, at most 2000. GET /meetings/:id/calendar.ics — one meeting. /meetings redirects to /sitzungen.
 */
import type { Request, Response } from 'express';
import { loadCities } from '../../db/queries-cities';
import { meetingsByIds } from '../../db/queries-calendar';
import { loadCalendarMeetings, loadMeetingCommittees } from '../../db/queries-meeting-calendar';
import { monthOf, parseMonth } from '../../domain/calendar-grid';
import { addDays } from '../../domain/dates';
import type { AppContext } from '../context';
import { baseUrl } from '../base-url';
import { memoByData } from '../data-stamp';
import { HttpError } from '../http-error';
import { toCalendarJson } from '../json/calendar-json';
import { jsonLinks } from '../json/links';
import { pageFormat, sendJson } from '../json/negotiate';
import { calendarQuery, loadCalendarModel } from '../views/calendar-view';
import { addMeetingEvents, newCalendar, sendIcs } from './calendar';
import { cityParam, committeeParam, oneParam } from './city-params';
import { parseId } from './ids';

const ICS_DAYS_BACK = 30;
const ICS_MAX = 2000;

function filters(ctx: AppContext, req: Request) {
  const cities = loadCities(ctx.sqlite);
  const committee = committeeParam(ctx, req, cities);
  const city = committee?.city ?? cityParam(ctx, req, cities);
  return { cities, city, committee: committee?.name ?? null };
}

export function sitzungenRoute(ctx: AppContext) {
  return (req: Request, res: Response) => {
    const today = ctx.today();
    const json = req.path.endsWith('.json') || pageFormat(req) === 'json';
    const rawMonth = oneParam(req, 'monat', 20);
    const month = rawMonth == null ? monthOf(today) : parseMonth(rawMonth);
    if (!month) throw new HttpError(400, 'Ungültiger Monat: bitte JJJJ-MM, z. B. 2026-12.');
    if (json) {
      const { city, committee, calendar } = ctx.read(() => {
        const f = filters(ctx, req);
        return { ...f, calendar: loadCalendarModel(ctx.sqlite, { city: f.city, committee: f.committee, month }, today) };
      });
      sendJson(res, toCalendarJson({ today, city, committee, calendar }, jsonLinks(req)));
      return;
    }
    const model = ctx.read(() => {
      const { cities, city, committee } = filters(ctx, req);
      const gremium = committee && city ? `${city.key}:${committee}` : null;
      // the filter offers the committees that have meetings (kept per data stamp)
      const committees = memoByData(ctx.sqlite, 'meeting-committees', () => loadMeetingCommittees(ctx.sqlite));
      return {
        title: ['Sitzungskalender', committee, city?.name].filter(Boolean).join(' – '),
        nav: 'sitzungen',
        today,
        city,
        committee,
        committeeHref: committee && city ? `/gremien/${encodeURIComponent(city.key)}/${encodeURIComponent(committee)}` : null,
        monthValue: month,
        cityOptions: cities.map((c) => ({ value: c.key, label: c.name, selected: c.key === city?.key })),
        committeeGroups: (city ? [city] : cities).map((c) => ({
          label: c.name,
          options: (committees.get(c.id) ?? []).map((n) => ({ value: `${c.key}:${n}`, label: n, selected: `${c.key}:${n}` === gremium })),
        })).filter((g) => g.options.length > 0),
        resetHref: city || rawMonth ? '/sitzungen' : null,
        ...loadCalendarModel(ctx.sqlite, { city, committee, month }, today),
      };
    });
    res.type('html').send(ctx.render('sitzungen', model));
  };
}

export function sitzungenIcsRoute(ctx: AppContext) {
  return (req: Request, res: Response) => {
    const today = ctx.today();
    const { city, committee } = ctx.read(() => filters(ctx, req));
    const meetings = loadCalendarMeetings(ctx.sqlite, { sourceId: city?.id ?? null, committee }, addDays(today, -ICS_DAYS_BACK), '9999-12-31', ICS_MAX);
    const base = baseUrl(req);
    const cal = newCalendar(`Sitzungen${committee ? ` ${committee}` : ''}${city ? `, ${city.name}` : ''} (ratsradar)`);
    addMeetingEvents(cal, ctx.sqlite, meetings, base);
    sendIcs(res, cal, 'sitzungen.ics');
  };
}

export function meetingIcsRoute(ctx: AppContext) {
  return (req: Request, res: Response) => {
    const id = parseId(req.params.id);
    const m = id === null ? undefined : meetingsByIds(ctx.sqlite, [id])[0];
    if (!m) throw new HttpError(404, 'Diese Sitzung gibt es nicht.');
    const cal = newCalendar(`${m.name ?? m.organization ?? 'Sitzung'} (ratsradar)`);
    addMeetingEvents(cal, ctx.sqlite, [m], baseUrl(req));
    sendIcs(res, cal, `sitzung-${m.id}.ics`);
  };
}

/** GET /meetings → the calendar, with the query it was given. */
export function meetingsRedirect() {
  return (req: Request, res: Response) => {
    const q = req.query as Record<string, unknown>;
    const s = (k: string) => (typeof q[k] === 'string' ? (q[k] as string) : null);
    res.redirect(301, `/sitzungen${calendarQuery({ stadt: s('stadt'), gremium: s('gremium'), monat: s('monat') })}`);
  };
}
