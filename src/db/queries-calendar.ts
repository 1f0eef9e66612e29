/**
 * Meetings for calendars, committee feeds and CSV: bounded by date range and LIMIT, read through the
 * indexes meetings_date and meetings_org (organization_id, date).
 */
import type Database from 'better-sqlite3';
import { ownPageSql } from './merge';
import { declareStatements } from './registry';

export interface CalendarMeeting {
  id: number;
  name: string | null;
  organization: string | null;
  organizationId: number | null;
  date: string;
  start: string | null;
  end: string | null;
  /** UTC offsets of start / end where the local time occurs twice (the night summer time ends), else null */
  startOffset: string | null;
  endOffset: string | null;
  room: string | null;
  location: string | null;
  statusText: string | null;
  /** the RIS marks the meeting as cancelled (meetings.cancelled) */
  cancelled: boolean;
  url: string | null;
  sourceName: string;
  isDemo: boolean;
  updatedAt: string;
  /** number of agenda items known */
  items: number;
  /** its own page was read, so `items` counts its agenda (else the items whose own page was read: queries-meetings.ts MeetingView) */
  agendaRead: boolean;
}

/** The columns of a CalendarMeeting, over meetings m JOIN sources s LEFT JOIN organizations o (queries-meeting-calendar.ts reads them too). */
export const COLUMNS = `m.id, m.name, COALESCE(o.name, m.organization) AS organization, m.organization_id AS organizationId, m.date,
  m.start, m."end", m.start_offset AS startOffset, m.end_offset AS endOffset, m.room, m.location, m.status_text AS statusText, m.cancelled, m.url, s.name AS sourceName, s.is_demo AS isDemo,
  m.updated_at AS updatedAt, (SELECT COUNT(*) FROM agenda_items a WHERE a.meeting_id = m.id) AS items, ${ownPageSql('m')} AS agendaRead`;

export type DbMeeting = Omit<CalendarMeeting, 'isDemo' | 'cancelled' | 'agendaRead'> & { isDemo: number; cancelled: number; agendaRead: number };

function prepare(sqlite: Database.Database) {
  return {
    between: sqlite.prepare<[string, string, number], DbMeeting>(`SELECT ${COLUMNS} FROM meetings m JOIN sources s ON s.id = m.source_id
      LEFT JOIN organizations o ON o.id = m.organization_id WHERE m.date >= ? AND m.date <= ? ORDER BY m.date, m.start, m.id LIMIT ?`),
    ofOrganization: sqlite.prepare<[number, string, number], DbMeeting>(`SELECT ${COLUMNS} FROM meetings m JOIN sources s ON s.id = m.source_id
      LEFT JOIN organizations o ON o.id = m.organization_id WHERE m.organization_id = ? AND m.date >= ? ORDER BY m.date DESC, m.start DESC LIMIT ?`),
    byIds: sqlite.prepare<[string], DbMeeting>(`SELECT ${COLUMNS} FROM meetings m JOIN sources s ON s.id = m.source_id
      LEFT JOIN organizations o ON o.id = m.organization_id WHERE m.id IN (SELECT value FROM json_each(?))`),
    organization: sqlite.prepare<[number], OrganizationHeader>(`SELECT o.id, o.name, s.name AS sourceName, o.updated_at AS updatedAt,
      o.source_id AS sourceId, s.key AS sourceKey, o.kind FROM organizations o JOIN sources s ON s.id = o.source_id WHERE o.id = ?`),
  };
}

// raw SQL: the calendar and feed reads of a motion's page family (bench: fresh render)
const stmts = declareStatements('queries-calendar', prepare);

export const toMeeting = (m: DbMeeting): CalendarMeeting => ({ ...m, isDemo: m.isDemo === 1, cancelled: m.cancelled === 1, agendaRead: m.agendaRead === 1 });

/** Meetings with a date in [from, to], in date order, at most `limit`. */
export function meetingsBetween(sqlite: Database.Database, from: string, to: string, limit: number): CalendarMeeting[] {
  return stmts(sqlite).between.all(from, to, limit).map(toMeeting);
}

/** A committee's meetings from `from` on, newest first, at most `limit`. */
export function meetingsOfOrganization(sqlite: Database.Database, organizationId: number, from: string, limit: number): CalendarMeeting[] {
  return stmts(sqlite).ofOrganization.all(organizationId, from, limit).map(toMeeting);
}

/** These meetings (by id), in no particular order. */
export function meetingsByIds(sqlite: Database.Database, ids: number[]): CalendarMeeting[] {
  if (!ids.length) return [];
  return stmts(sqlite).byIds.all(JSON.stringify(ids.slice(0, 500))).map(toMeeting);
}

/** The organization's name and source, or null. */
export interface OrganizationHeader {
  id: number;
  name: string | null;
  sourceName: string;
  updatedAt: string;
  sourceId: number;
  sourceKey: string;
  /** "committee", "parliament", "faction", … (null when not known) */
  kind: string | null;
}

export function organizationHeader(sqlite: Database.Database, id: number): OrganizationHeader | null {
  return stmts(sqlite).organization.get(id) ?? null;
}
