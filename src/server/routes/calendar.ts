/**
 * iCalendar (ical-generator): GET /papers/:id/calendar.ics (the motion's planned meeting dates),
 * /organizations/:id/calendar.ics (the committee's latest meetings) and /calendar.ics (all meetings).
 * Times are Berlin wall-clock times converted to UTC; meetings without a start time are all-day events.
 */
import crypto from 'node:crypto';
import type { Request, Response } from 'express';
import { ICalEventStatus, type ICalCalendar } from 'ical-generator';
import { meetingsBetween, meetingsByIds, meetingsOfOrganization, organizationHeader, type CalendarMeeting } from '../../db/queries-calendar';
import { loadFilesOfMeetings, loadPaperLinks, type MeetingFileView } from '../../db/queries-meetings';
import type Database from 'better-sqlite3';
import { berlinToUtc, localToUtc } from '../../util/berlin-time';
import type { AppContext } from '../context';
import { clipText, FEED_TEXT_MAX, xmlSafe } from '../atom';
import { baseUrl } from '../base-url';
import { HttpError } from '../http-error';
import { finishIcs } from '../ics-text';
import { dayDe, toDate } from '../to-date';
import { UNKNOWN_COMMITTEE } from '../../domain/explain';
import { nextStepText } from '../../domain/step-texts';
import { calledOff } from '../../domain/stations';
import { parseId } from './ids';
import { paperOfRoute } from './paper-param';
import { rowIdentities } from '../../domain/derive-events';
import { loadDateMoves } from '../../db/queries-events';
import { isHttpUrl } from '../helpers/safe-url';
import { isVersionBoundUrl } from '../../domain/document-identity';

const shortHash = (text: string) => crypto.createHash('sha1').update(text).digest('hex').slice(0, 12);

/** How far calendars reach: all meetings from 30 days back (at most 2000), a committee's latest 500. */
const ALL_DAYS_BACK = 30;
const ALL_MAX = 2000;
const ORG_MAX = 500;

/** One line of text, at most FEED_TEXT_MAX characters: ical-generator folds lines in time that grows faster than the text (74 s for a 1 MB title). */
const clean = (text: string) => clipText(xmlSafe(clipText(text, 2 * FEED_TEXT_MAX)).replace(/\s+/g, ' ').trim());

function shiftDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** ical-generator is loaded on first use (it is not needed by the CLI commands that import the app). */
export function newCalendar(name: string): ICalCalendar {
  const ical = (require('ical-generator') as typeof import('ical-generator')).default;
  return ical({ name: clean(name), prodId: { company: 'ratsradar', product: 'ratsradar', language: 'DE' } });
}

interface EventSpec {
  id: string;
  date: string;
  start: string | null;
  end: string | null;
  /** where the local time occurs twice (summer time ends), the UTC offset the source meant */
  startOffset?: string | null;
  endOffset?: string | null;
  summary: string;
  description: string;
  location: string | null;
  url: string;
  stamp: Date;
  /** iCal SEQUENCE: how often the event was revised (a motion's meeting row: how often its date moved) */
  sequence?: number;
  /** the RIS marks the meeting as cancelled: STATUS:CANCELLED (calendar programs strike it through or drop it) */
  cancelled?: boolean;
  /** addresses of documents (ATTACH): a meeting's own (Einladung, Niederschrift) */
  attachments?: string[];
}

export function addEvent(cal: ICalCalendar, e: EventSpec): void {
  const start = e.start ? localToUtc(e.date, e.start, e.startOffset) : null;
  const end = start && e.end ? localToUtc(e.date, e.end, e.endOffset) : null;
  const day = berlinToUtc(e.date, '00:00');
  const allDay = new Date(`${e.date}T00:00:00Z`);
  // a stored date that is no calendar day (2026-01-32) gives no event rather than a failed calendar
  if (!day || Number.isNaN(allDay.getTime())) return;
  cal.createEvent({
    id: e.id,
    start: start ?? allDay,
    end: start ? (end && end > start ? end : null) : null,
    allDay: !start,
    summary: clean(e.summary),
    description: clean(e.description),
    location: e.location ? clean(e.location) : null,
    url: e.url,
    stamp: e.stamp,
    sequence: e.sequence ?? 0,
    ...(e.cancelled ? { status: ICalEventStatus.CANCELLED } : {}),
    ...(e.attachments?.length ? { attachments: e.attachments } : {}),
  });
}

/**
 * A meeting as an event; its own documents (Einladung, Niederschrift …) named with their addresses in the
 * RIS at the end of the description, where they have one that lasts: an ALLRIS 4 address made anew per page
 * version (domain/document-identity.ts) would break, or name another document, in a calendar kept for months —
 * for those the meeting's page in the RIS is named.
 */
export function meetingEvent(m: CalendarMeeting, base: string, files: MeetingFileView[] = []): EventSpec {
  const place = [m.room, m.location].filter(Boolean).join(', ');
  const linked = files.filter((f): f is MeetingFileView & { url: string } => isHttpUrl(f.url));
  const docs = linked.filter((f) => !isVersionBoundUrl(f.url));
  const inRis = linked.length > docs.length && isHttpUrl(m.url) ? ` Weitere Dokumente der Sitzung im RIS: ${m.url}` : '';
  return {
    id: `meeting-${m.id}@ratsradar`,
    date: m.date,
    start: m.start,
    end: m.end,
    startOffset: m.startOffset,
    endOffset: m.endOffset,
    summary: m.name ?? m.organization ?? 'Sitzung',
    description: `${m.organization ?? 'Sitzung'}, ${m.sourceName}${m.items ? `, ${m.items} ${m.items === 1 ? 'Tagesordnungspunkt' : 'Tagesordnungspunkte'}${m.agendaRead ? '' : ' bekannt (Tagesordnung nicht gelesen)'}` : ''}${m.statusText ? `. ${m.statusText}` : ''}. ${base}/meetings/${m.id}` +
      (docs.length ? ` Dokumente der Sitzung: ${docs.map((f) => `${f.name} ${f.url}`).join('; ')}` : '') + inRis,
    location: place || null,
    url: `${base}/meetings/${m.id}`,
    stamp: toDate(m.updatedAt) ?? new Date(0),
    cancelled: m.cancelled,
    attachments: docs.map((f) => f.url),
  };
}

/** The meetings as events, each with its own documents (one read for all of them). */
export function addMeetingEvents(cal: ICalCalendar, sqlite: Database.Database, meetings: CalendarMeeting[], base: string): void {
  const files = loadFilesOfMeetings(sqlite, meetings.map((m) => m.id));
  for (const m of meetings) addEvent(cal, meetingEvent(m, base, files.get(m.id)));
}

export function sendIcs(res: Response, cal: ICalCalendar, filename: string): void {
  res.setHeader('Content-Disposition', `inline; filename="${filename}"`);
  res.type('text/calendar; charset=utf-8').send(finishIcs(cal.toString()));
}

/** GET /papers/:id/calendar.ics — every planned (future) meeting row of the motion, and those at a coming meeting since cancelled. */
export function paperCalendarRoute(ctx: AppContext) {
  return (req: Request, res: Response) => {
    const { id, stored, progress: pr } = paperOfRoute(ctx, req.params.id);
    const base = baseUrl(req);
    const p = stored.record;
    const links = loadPaperLinks(ctx.sqlite, id, p.consultation.map((c) => c.organization));
    // a row's meeting: linked from the paper's own row, or the meeting of the agenda item that gave the row
    const meetingOf = (i: number, j: number) => links.meetings[i]?.[j] ?? pr.stations[i].meetings[j].agenda?.meetingId ?? null;
    const ids = pr.stations.flatMap((s, i) => s.meetings.map((_, j) => meetingOf(i, j))).filter((x): x is number => x != null);
    const linked = new Map(meetingsByIds(ctx.sqlite, ids).map((m) => [m.id, m]));
    const cal = newCalendar(`${p.reference ?? 'Vorlage'} – Termine (ratsradar)`);
    // a row keeps its UID when its date moves (its identity is its station and position), and counts the moves
    const rowIds = rowIdentities(p.consultation);
    const moves = loadDateMoves(ctx.sqlite, id);
    pr.stations.forEach((s, i) => {
      s.meetings.forEach((row, j) => {
        // a coming row, or one at a coming meeting since cancelled: kept, STATUS:CANCELLED (a calendar strikes it through)
        const off = calledOff(row) && row.date != null && row.date >= pr.today;
        if (!row.date || !(row.future || off)) return;
        const meeting = linked.get(meetingOf(i, j) ?? -1);
        const station = `${s.organization ?? UNKNOWN_COMMITTEE}${s.role ? ` (${s.role})` : ''}`;
        const fromAgenda = row.agenda ? ` Laut Tagesordnung der Sitzung vom ${dayDe(row.agenda.date)}.` : '';
        const isNext = pr.next != null && pr.next.stationIndex === i && pr.next.date === row.date;
        const nextText = isNext && pr.next ? ` Nächster Schritt: ${nextStepText(pr.next)}.` : '';
        addEvent(cal, {
          id: `paper-${id}-${shortHash(rowIds[i]?.[j] ?? `${i}|${j}`)}@ratsradar`,
          sequence: moves.get(rowIds[i]?.[j] ?? '') ?? 0,
          date: row.date,
          start: meeting?.date === row.date ? meeting.start : null,
          end: meeting?.date === row.date ? meeting.end : null,
          startOffset: meeting?.date === row.date ? meeting.startOffset : null,
          endOffset: meeting?.date === row.date ? meeting.endOffset : null,
          summary: `${p.reference ?? 'Vorlage'}: ${station}`,
          description: `${clipText([p.reference, p.name].filter(Boolean).join(' – '), 300)}. ${row.name ?? station}.${nextText}${fromAgenda} ${base}/papers/${id}`,
          location: meeting ? [meeting.room, meeting.location].filter(Boolean).join(', ') || null : null,
          url: meeting ? `${base}/meetings/${meeting.id}` : `${base}/papers/${id}`,
          stamp: toDate(stored.meta.updatedAt) ?? new Date(0),
          cancelled: off,
        });
      });
    });
    sendIcs(res, cal, `vorlage-${id}.ics`);
  };
}

/** GET /organizations/:id/calendar.ics — the committee's meetings, the latest 500. */
export function organizationCalendarRoute(ctx: AppContext) {
  return (req: Request, res: Response) => {
    const id = parseId(req.params.id);
    const org = id === null ? null : organizationHeader(ctx.sqlite, id);
    if (!org || id === null) throw new HttpError(404, 'Dieses Gremium gibt es nicht.');
    const base = baseUrl(req);
    const cal = newCalendar(`${org.name ?? 'Gremium'}, ${org.sourceName} – Sitzungen`);
    addMeetingEvents(cal, ctx.sqlite, meetingsOfOrganization(ctx.sqlite, id, '0000-01-01', ORG_MAX), base);
    sendIcs(res, cal, `gremium-${id}.ics`);
  };
}

/** GET /calendar.ics — every meeting from 30 days back on, at most 2000. */
export function allMeetingsCalendarRoute(ctx: AppContext) {
  return (req: Request, res: Response) => {
    const today = ctx.today();
    const base = baseUrl(req);
    const cal = newCalendar('Alle Sitzungen (ratsradar)');
    addMeetingEvents(cal, ctx.sqlite, meetingsBetween(ctx.sqlite, shiftDays(today, -ALL_DAYS_BACK), '9999-12-31', ALL_MAX), base);
    sendIcs(res, cal, 'sitzungen.ics');
  };
}
