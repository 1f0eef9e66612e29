/**
 * The meeting calendar (/sitzungen): this week, next week and a month grid, for every city, one city
 * or one committee; each meeting with its committee's page, its agenda-check badge and its iCal link.
 */
import type Database from 'better-sqlite3';
import type { CityRow } from '../../db/queries-cities';
import { loadCalendarMeetings, loadNearestMeetings, type CalendarEntry, type CalendarFilter } from '../../db/queries-meeting-calendar';
import type { AgendaBadge } from '../../domain/agenda-badge';
import { monthGrid, monthOf, monthRange, shiftMonth, weekOf, type DayRange } from '../../domain/calendar-grid';
import { addDays } from '../../domain/dates';
import { formatDate, formatGermanDate, WEEKDAYS_LONG, WEEKDAYS_SHORT } from '../../domain/german-format';
import { committeeHref } from './committee-href';
import { loadMeetingBadges } from './meeting-badges';

/** at most this many meetings per week section and in the month grid */
export const WEEK_MAX = 300;
export const MONTH_MAX = 1500;

export interface CalendarQuery {
  city: CityRow | null;
  committee: string | null;
  /** YYYY-MM of the grid */
  month: string;
}

export interface CalendarItem {
  id: number;
  date: string;
  weekday: string;
  start: string | null;
  end: string | null;
  name: string;
  organization: string | null;
  organizationId: number | null;
  committeeHref: string | null;
  sourceKey: string;
  sourceName: string;
  isDemo: boolean;
  room: string | null;
  cancelled: boolean;
  badge: AgendaBadge | null;
}

/** A meeting as the calendar (and a city's page) lists it. */
export function toCalendarItem(m: CalendarEntry, badges: Map<number, AgendaBadge>): CalendarItem {
  return {
    id: m.id,
    date: m.date,
    weekday: formatDate(m.date, 'weekday'),
    start: m.start,
    end: m.end,
    name: m.name ?? m.organization ?? 'Sitzung',
    organization: m.organization,
    organizationId: m.organizationId,
    committeeHref: committeeHref(m.sourceKey, m.organization, m.organizationId),
    sourceKey: m.sourceKey,
    sourceName: m.sourceName,
    isDemo: m.isDemo,
    room: [m.room, m.location].filter(Boolean).join(', ') || null,
    cancelled: m.cancelled,
    badge: badges.get(m.id) ?? null,
  };
}

/** The query string of the calendar for these parameters (empty ones left out). */
export function calendarQuery(q: { stadt?: string | null; gremium?: string | null; monat?: string | null }): string {
  const p = new URLSearchParams();
  if (q.stadt) p.set('stadt', q.stadt);
  if (q.gremium) p.set('gremium', q.gremium);
  if (q.monat) p.set('monat', q.monat);
  const s = p.toString();
  return s ? `?${s}` : '';
}

const rangeText = (r: DayRange) => `${formatGermanDate(r.from)} – ${formatGermanDate(r.to)}`;

export function loadCalendarModel(sqlite: Database.Database, q: CalendarQuery, today: string) {
  const filter: CalendarFilter = { sourceId: q.city?.id ?? null, committee: q.committee };
  const thisWeek = weekOf(today);
  const nextWeek = { from: addDays(thisWeek.from, 7), to: addDays(thisWeek.to, 7) };
  const grid = monthGrid(q.month);
  const monthDays = { from: grid[0][0].date, to: grid[grid.length - 1][6].date };
  const inMonth = loadCalendarMeetings(sqlite, filter, monthDays.from, monthDays.to, MONTH_MAX);
  const weeks = loadCalendarMeetings(sqlite, filter, thisWeek.from, nextWeek.to, 2 * WEEK_MAX);
  const badges = loadMeetingBadges(sqlite, [...weeks, ...inMonth], today);
  const weekItems = weeks.map((m) => toCalendarItem(m, badges));
  const byDay = new Map<string, CalendarItem[]>();
  for (const m of inMonth) {
    let l = byDay.get(m.date);
    if (!l) byDay.set(m.date, (l = []));
    l.push(toCalendarItem(m, badges));
  }
  const keep = { stadt: q.city?.key ?? null, gremium: q.committee && q.city ? `${q.city.key}:${q.committee}` : null };
  const { from, to } = monthRange(q.month);
  const count = inMonth.filter((m) => m.date >= from && m.date <= to).length;
  // a month without meetings names the nearest ones on either side (a crawl covers a window; the month shown may lie outside it)
  const near = count === 0 ? loadNearestMeetings(sqlite, filter, from, to) : null;
  const nearest = (m: CalendarEntry | null | undefined) => m ? { item: toCalendarItem(m, new Map()), month: calendarQuery({ ...keep, monat: monthOf(m.date) }) } : null;
  return {
    thisWeek: { ...thisWeek, range: rangeText(thisWeek), items: weekItems.filter((m) => m.date <= thisWeek.to), truncated: weeks.length >= 2 * WEEK_MAX },
    nextWeek: { ...nextWeek, range: rangeText(nextWeek), items: weekItems.filter((m) => m.date >= nextWeek.from) },
    month: {
      value: q.month,
      from,
      to,
      label: formatDate(q.month, 'month'),
      count,
      /** for a month without meetings: the latest meeting before it and the first after it (each with its month's query), else null */
      nearest: near && { before: nearest(near.before), after: nearest(near.after) },
      truncated: inMonth.length >= MONTH_MAX,
      weekdays: WEEKDAYS_SHORT.map((short, i) => ({ short, long: WEEKDAYS_LONG[i] })),
      weeks: grid.map((week) => week.map((d) => {
        const items = byDay.get(d.date) ?? [];
        return { date: d.date, day: Number(d.date.slice(8)), inMonth: d.inMonth, today: d.date === today, items, empty: items.length === 0, label: `${formatDate(d.date, 'weekdayShort')} ${formatGermanDate(d.date)}` };
      })),
      prev: calendarQuery({ ...keep, monat: shiftMonth(q.month, -1) }),
      next: calendarQuery({ ...keep, monat: shiftMonth(q.month, 1) }),
      prevLabel: formatDate(shiftMonth(q.month, -1), 'month'),
      nextLabel: formatDate(shiftMonth(q.month, 1), 'month'),
      current: q.month === monthOf(today) ? null : calendarQuery(keep),
    },
    icsHref: `/sitzungen.ics${calendarQuery(keep)}`,
    /** the page's filters (city, committee; not the month) as a query string without "?", for its iCal and JSON links */
    query: calendarQuery(keep).replace(/^\?/, ''),
  };
}
