/**
 * The meeting calendar (/sitzungen): meetings of a date range, of one city or one committee (by the
 * organization row's name, else the meeting's own committee name), and the motions on their agendas.
 * Bounded by LIMIT; read through meetings_date, meetings_org_name and agenda_items_meeting.
 */
import type Database from 'better-sqlite3';
import { COLUMNS, toMeeting, type CalendarMeeting, type DbMeeting } from './queries-calendar';
import { declareStatements } from './registry';
import { addDays } from '../domain/dates';

export interface CalendarFilter {
  /** sources.id of the city, or null for every city */
  sourceId: number | null;
  /** a committee name of that city, or null for every committee */
  committee: string | null;
}

export interface CalendarEntry extends CalendarMeeting {
  sourceKey: string;
}

export interface AgendaPaperRow {
  meetingId: number;
  paperId: number | null;
}

function prepare(sqlite: Database.Database) {
  const from = `FROM meetings m JOIN sources s ON s.id = m.source_id LEFT JOIN organizations o ON o.id = m.organization_id`;
  const ofCommittee = '(m.organization = @name OR m.organization_id IN (SELECT id FROM organizations WHERE source_id = @source AND name = @name))';
  /** the latest meeting before @day (of every city, of @source, of committee @name there): an empty month's nearest one back */
  const latest = (where: string) => sqlite.prepare<{ day: string; source?: number; name?: string }, DbMeeting & { sourceKey: string }>(
    `SELECT ${COLUMNS}, s.key AS sourceKey ${from} WHERE m.date < @day${where} ORDER BY m.date DESC, m.start DESC, m.id DESC LIMIT 1`,
  );
  return {
    latestAll: latest(''),
    latestOfSource: latest(' AND m.source_id = @source'),
    latestOfCommittee: latest(` AND m.source_id = @source AND ${ofCommittee}`),
    all: sqlite.prepare<{ from: string; to: string; limit: number }, DbMeeting & { sourceKey: string }>(
      `SELECT ${COLUMNS}, s.key AS sourceKey ${from} WHERE m.date >= @from AND m.date <= @to ORDER BY m.date, m.start, m.id LIMIT @limit`,
    ),
    ofSource: sqlite.prepare<{ source: number; from: string; to: string; limit: number }, DbMeeting & { sourceKey: string }>(
      `SELECT ${COLUMNS}, s.key AS sourceKey ${from} WHERE m.source_id = @source AND m.date >= @from AND m.date <= @to
       ORDER BY m.date, m.start, m.id LIMIT @limit`,
    ),
    // a committee's meetings: by its organization row's name, or by the committee name the meeting itself gives
    ofCommittee: sqlite.prepare<{ source: number; name: string; from: string; to: string; limit: number }, DbMeeting & { sourceKey: string }>(
      `SELECT ${COLUMNS}, s.key AS sourceKey ${from} WHERE m.source_id = @source AND m.date >= @from AND m.date <= @to
         AND ${ofCommittee}
       ORDER BY m.date, m.start, m.id LIMIT @limit`,
    ),
    // the committees that have meetings, per source (the calendar's committee filter)
    committees: sqlite.prepare<[], { sourceId: number; name: string }>(
      `SELECT DISTINCT m.source_id AS sourceId, COALESCE(o.name, m.organization) AS name FROM meetings m
       LEFT JOIN organizations o ON o.id = m.organization_id WHERE COALESCE(o.name, m.organization) IS NOT NULL ORDER BY 1, 2`,
    ),
    agendaPapers: sqlite.prepare<[string], AgendaPaperRow>(
      'SELECT meeting_id AS meetingId, paper_id AS paperId FROM agenda_items WHERE meeting_id IN (SELECT value FROM json_each(?)) ORDER BY meeting_id, position',
    ),
  };
}

// raw SQL: the meeting calendar's month reads (bench: fresh render)
const stmts = declareStatements('queries-meeting-calendar', prepare);

/** Meetings dated in [from, to] (YYYY-MM-DD), in date and time order, at most `limit`. */
export function loadCalendarMeetings(sqlite: Database.Database, f: CalendarFilter, from: string, to: string, limit: number): CalendarEntry[] {
  const s = stmts(sqlite);
  const rows = f.sourceId == null
    ? s.all.all({ from, to, limit })
    : f.committee == null
      ? s.ofSource.all({ source: f.sourceId, from, to, limit })
      : s.ofCommittee.all({ source: f.sourceId, name: f.committee, from, to, limit });
  return rows.map((m) => ({ ...toMeeting(m), sourceKey: m.sourceKey }));
}

/**
 * The meetings nearest to a range without any (an empty month of the calendar): the latest before `from` and the
 * first after `to`, each null where there is none.
 */
export function loadNearestMeetings(sqlite: Database.Database, f: CalendarFilter, from: string, to: string): { before: CalendarEntry | null; after: CalendarEntry | null } {
  const s = stmts(sqlite);
  const back = f.sourceId == null
    ? s.latestAll.get({ day: from })
    : f.committee == null ? s.latestOfSource.get({ day: from, source: f.sourceId }) : s.latestOfCommittee.get({ day: from, source: f.sourceId, name: f.committee });
  const [after] = loadCalendarMeetings(sqlite, f, addDays(to, 1), '9999-12-31', 1);
  return { before: back ? { ...toMeeting(back), sourceKey: back.sourceKey } : null, after: after ?? null };
}

/** The agenda items of these meetings (their motion where linked), by meeting. */
export function loadAgendaPapers(sqlite: Database.Database, meetingIds: number[]): Map<number, (number | null)[]> {
  const out = new Map<number, (number | null)[]>();
  if (!meetingIds.length) return out;
  for (const r of stmts(sqlite).agendaPapers.all(JSON.stringify(meetingIds))) {
    let l = out.get(r.meetingId);
    if (!l) out.set(r.meetingId, (l = []));
    l.push(r.paperId);
  }
  return out;
}

/** The committees with meetings, by source (sources.id → names in order). */
export function loadMeetingCommittees(sqlite: Database.Database): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const r of stmts(sqlite).committees.all()) {
    let l = out.get(r.sourceId);
    if (!l) out.set(r.sourceId, (l = []));
    l.push(r.name);
  }
  return out;
}
