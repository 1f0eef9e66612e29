/**
 * The JSON of the meeting calendar (OpenAPI schema MeetingCalendar): GET /sitzungen.json (= /sitzungen
 * with ?format=json or Accept: application/json), with the page's filters (stadt, gremium, monat): this
 * week, next week and the month's meetings, each with its committee and its agenda check. The calendar's
 * meeting (CalendarMeeting) is also what a city's JSON lists as its coming meetings.
 */
import type { CityRow } from '../../db/queries-cities';
import type { CalendarItem, loadCalendarModel } from '../views/calendar-view';
import { calendarQuery } from '../views/calendar-view';
import type { JsonLinks } from './links';
import { committeeJson } from './meeting-json';

export const CALENDAR_JSON_PATH = '/sitzungen.json';

/** A meeting of the calendar: when, where, its committee and its agenda check. */
export function calendarMeetingJson(m: CalendarItem, links: JsonLinks) {
  return {
    id: m.id,
    links: links.meeting(m.id),
    name: m.name,
    organization: committeeJson(links, m.sourceKey, m.organization, m.organizationId),
    source: { key: m.sourceKey, name: m.sourceName, demo: m.isDemo },
    date: m.date,
    start: m.start,
    end: m.end,
    place: m.room,
    cancelled: m.cancelled,
    agendaCheck: m.badge ? { kind: m.badge.kind, ready: m.badge.ready, pending: m.badge.pending, open: m.badge.open, label: m.badge.label } : null,
  };
}

export interface CalendarJsonInput {
  today: string;
  city: CityRow | null;
  committee: string | null;
  calendar: ReturnType<typeof loadCalendarModel>;
}

export function toCalendarJson(input: CalendarJsonInput, links: JsonLinks) {
  const { city, committee, calendar: c } = input;
  const keep = { stadt: city?.key ?? null, gremium: committee && city ? `${city.key}:${committee}` : null };
  const q = (monat: string | null) => calendarQuery({ ...keep, monat }).replace(/^\?/, '');
  const week = (w: { from: string; to: string; items: CalendarItem[] }) => ({ from: w.from, to: w.to, items: w.items.map((m) => calendarMeetingJson(m, links)) });
  const inMonth = c.month.weeks.flat().filter((d) => d.inMonth).flatMap((d) => d.items);
  return {
    type: 'MeetingCalendar' as const,
    today: input.today,
    filters: { stadt: keep.stadt, gremium: keep.gremium, monat: c.month.value },
    thisWeek: { ...week(c.thisWeek), truncated: c.thisWeek.truncated },
    nextWeek: week(c.nextWeek),
    month: {
      month: c.month.value,
      label: c.month.label,
      from: c.month.from,
      to: c.month.to,
      count: c.month.count,
      truncated: c.month.truncated,
      items: inMonth.map((m) => calendarMeetingJson(m, links)),
      nearest: c.month.nearest && {
        before: c.month.nearest.before && calendarMeetingJson(c.month.nearest.before.item, links),
        after: c.month.nearest.after && calendarMeetingJson(c.month.nearest.after.item, links),
      },
    },
    links: {
      self: links.url(CALENDAR_JSON_PATH, q(c.month.value)),
      html: links.url('/sitzungen', q(c.month.value)),
      prev: links.url(CALENDAR_JSON_PATH, c.month.prev.replace(/^\?/, '')),
      next: links.url(CALENDAR_JSON_PATH, c.month.next.replace(/^\?/, '')),
      ics: links.url('/sitzungen.ics', q(null)),
    },
  };
}
