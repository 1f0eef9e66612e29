/**
 * Read queries for a committee's page (for staff): which papers wait for it (the queue), its coming
 * meetings, and the rows of Beratungsfolgen that plan a paper for one of its coming dates. A
 * committee is (source, name): the queue and planned rows are found by the name its papers'
 * Beratungsfolgen use, meetings by the organization row or that name. Every query is bounded.
 */
import type Database from 'better-sqlite3';
import { declareStatements } from './registry';
import { ownPageSql } from './merge';

export interface CommitteeRef {
  sourceId: number;
  sourceKey: string;
  sourceName: string;
  isDemo: boolean;
  name: string;
  /** the organization row of this committee, when one is known */
  organizationId: number | null;
}

export interface ComingMeetingRow {
  id: number;
  name: string | null;
  date: string;
  start: string | null;
  room: string | null;
  /** the meeting is cancelled (meetings.cancelled) */
  cancelled: boolean;
  /** its own page was read, so its agenda items are its agenda (merge.ts ownPageSql) */
  agendaRead: boolean;
}

/** A meeting row as the committee's statements read it. */
type MeetingDbRow = Omit<ComingMeetingRow, 'cancelled' | 'agendaRead'> & { cancelled: number; agendaRead: number };
const fromDb = (r: MeetingDbRow): ComingMeetingRow => ({
  id: r.id, name: r.name, date: r.date, start: r.start, room: r.room, cancelled: r.cancelled === 1, agendaRead: r.agendaRead === 1,
});

/** An agenda item of a coming meeting as the committee page shows it. */
export interface ComingAgendaItem {
  number: string | null;
  public: boolean | null;
  name: string | null;
  paperId: number | null;
  paperReference: string | null;
}

/** A past day on which the committee's Beratungsfolge rows name motions, without a meeting of it known for them. */
export interface SequenceDay {
  date: string;
  papers: { id: number; reference: string | null; name: string | null; result: string | null }[];
}

export interface PlannedRow {
  paperId: number;
  date: string;
  /** the meeting the row is linked to, when its page is known */
  meetingId: number | null;
}

function prepare(sqlite: Database.Database) {
  return {
    source: sqlite.prepare<[string], { id: number; key: string; name: string; is_demo: number }>('SELECT id, key, name, is_demo FROM sources WHERE key = ?'),
    sourceOfOrganization: sqlite.prepare<[number], { id: number; key: string; name: string; is_demo: number; orgName: string | null }>(
      'SELECT s.id, s.key, s.name, s.is_demo, o.name AS orgName FROM organizations o JOIN sources s ON s.id = o.source_id WHERE o.id = ?',
    ),
    organizationByName: sqlite.prepare<[number, string], { id: number }>(
      `SELECT id FROM organizations WHERE source_id = ? AND name = ? ORDER BY (kind IN ('committee', 'parliament', 'organization')) DESC, id LIMIT 1`,
    ),
    nameInConsultations: sqlite.prepare<[string, number], { n: number }>(
      'SELECT COUNT(*) AS n FROM (SELECT 1 FROM consultations c JOIN papers p ON p.id = c.paper_id WHERE c.organization = ? AND p.source_id = ? LIMIT 1)',
    ),
    nameInMeetings: sqlite.prepare<[number, string], { n: number }>(
      'SELECT COUNT(*) AS n FROM (SELECT 1 FROM meetings WHERE source_id = ? AND organization = ? LIMIT 1)',
    ),
    // papers of the source whose derived next station is this committee (index papers_next_organization);
    // the EXISTS keeps the rule that the committee is one of the paper's stations
    // the whole queue in order, ids only: one pass gives a page and the count (a count apart visited every row again)
    queueIds: sqlite.prepare<{ name: string; source: number }, number>(
      `SELECT p.id FROM papers p
       WHERE p.source_id = @source AND p.next_organization = @name
         AND EXISTS (SELECT 1 FROM consultations c WHERE c.paper_id = p.id AND c.organization = @name)
       ORDER BY COALESCE(p.next_date, '9999-12-31'), p.id`,
    ).pluck(),
    // papers with a deadline for this committee (their stored summary's deadlines, paper_deadlines: a station
    // of this committee before a dated decisive one that has no meeting before that day; src/domain/queue.ts
    // takes them from their progress), the earliest first, as one index range (paper_deadlines_committee).
    // `before` is the paper's next date; one whose next station is this committee is in the queue already.
    deadlineCandidates: sqlite.prepare<{ name: string; source: number; today: string; limit: number }, number>(
      `SELECT d.paper_id FROM paper_deadlines d JOIN papers p ON p.id = d.paper_id
       WHERE d.source_id = @source AND d.organization = @name AND d.before >= @today AND p.next_organization IS NOT @name
       ORDER BY d.before, d.paper_id LIMIT @limit`,
    ).pluck(),
    // with the cancelled ones (the committee page says so), or without (@held = 1: its next meeting in the list of committees)
    coming: sqlite.prepare<{ source: number; org: number; name: string; today: string; limit: number; held: number }, MeetingDbRow>(
      `SELECT id, name, date, start, room, cancelled, ${ownPageSql('meetings')} AS agendaRead FROM meetings
       WHERE source_id = @source AND (organization_id = @org OR organization = @name) AND date >= @today AND (@held = 0 OR cancelled = 0)
       ORDER BY date, start, id LIMIT @limit`,
    ),
    // the agenda items are counted for the `limit` meetings shown only (counted before the LIMIT, every past meeting was)
    past: sqlite.prepare<{ source: number; org: number; name: string; today: string; limit: number }, MeetingDbRow & { items: number }>(
      `SELECT m.id, m.name, m.date, m.start, m.room, m.cancelled, (SELECT COUNT(*) FROM agenda_items a WHERE a.meeting_id = m.id) AS items,
         ${ownPageSql('m')} AS agendaRead FROM (
         SELECT id, name, date, start, room, cancelled, provenance FROM meetings
         WHERE source_id = @source AND (organization_id = @org OR organization = @name) AND date < @today
         ORDER BY date DESC, start DESC, id DESC LIMIT @limit) m
       ORDER BY m.date DESC, m.start DESC, m.id DESC`,
    ),
    // the committee's past rows that link no known meeting (partial index consultation_meetings_committee_unlinked),
    // newest first: the days its motions' pages name for it where ratsradar knows no meeting
    pastRows: sqlite.prepare<{ source: number; name: string; today: string; limit: number }, { date: string; id: number; reference: string | null; name: string | null; result: string | null }>(
      `SELECT cm.date, p.id, p.reference, p.name, cm.result FROM consultation_meetings cm
         CROSS JOIN consultations c ON c.id = cm.consultation_id CROSS JOIN papers p ON p.id = c.paper_id
       WHERE cm.source_id = @source AND cm.organization = @name AND cm.date < @today AND cm.meeting_id IS NULL
       ORDER BY cm.date DESC, p.reference, p.id LIMIT @limit`,
    ),
    // the published agendas of the coming meetings, what the committee page shows of their items, in one read
    agendas: sqlite.prepare<[string], ComingAgendaItem & { meetingId: number; public: number | null }>(
      `SELECT a.meeting_id AS meetingId, a.number, a.public, a.name, a.paper_id AS paperId, COALESCE(p.reference, a.paper_reference) AS paperReference
       FROM agenda_items a LEFT JOIN papers p ON p.id = a.paper_id
       WHERE a.meeting_id IN (SELECT value FROM json_each(?)) ORDER BY a.meeting_id, a.position, a.id`,
    ),
    // the committee's own rows dated from today on: those that list such a date (index consultation_meetings_committee:
    // source, committee, date) and those linked to one of its coming meetings (a meeting moved later than its rows list);
    // a row linked to a meeting is dated by it (queries-progress.ts), one at a cancelled meeting plans nothing
    planned: sqlite.prepare<{ source: number; name: string; today: string; until: string; limit: number; meetings: string }, PlannedRow>(
      `WITH listed(id) AS (
         SELECT id FROM consultation_meetings WHERE source_id = @source AND organization = @name AND date >= @today AND date <= @until
         UNION SELECT id FROM consultation_meetings WHERE meeting_id IN (SELECT value FROM json_each(@meetings)) AND +organization = @name)
       SELECT c.paper_id AS paperId, COALESCE(mt.date, cm.date) AS date, cm.meeting_id AS meetingId
       FROM listed l CROSS JOIN consultation_meetings cm ON cm.id = l.id CROSS JOIN consultations c ON c.id = cm.consultation_id
         CROSS JOIN papers p ON p.id = c.paper_id LEFT JOIN meetings mt ON mt.id = cm.meeting_id
       WHERE COALESCE(mt.date, cm.date) >= @today AND COALESCE(mt.date, cm.date) <= @until AND COALESCE(mt.cancelled, 0) = 0
       ORDER BY 2, p.reference, p.id, cm.consultation_id, cm.position LIMIT @limit`,
    ),
  };
}

// raw SQL: the committee page's reads (bench: fresh render p50)
const stmts = declareStatements('queries-committee', prepare);

/** The committee an organization row stands for. */
export function committeeOfOrganization(sqlite: Database.Database, organizationId: number): CommitteeRef | null {
  const r = stmts(sqlite).sourceOfOrganization.get(organizationId);
  if (!r || !r.orgName) return null;
  return { sourceId: r.id, sourceKey: r.key, sourceName: r.name, isDemo: r.is_demo === 1, name: r.orgName, organizationId };
}

/** A committee known by name in a source: from its organization row, a Beratungsfolge or a meeting; null when the source does not know it. */
export function committeeByName(sqlite: Database.Database, sourceKey: string, name: string): CommitteeRef | null {
  const s = stmts(sqlite);
  const src = s.source.get(sourceKey);
  if (!src) return null;
  const org = s.organizationByName.get(src.id, name);
  if (!org && s.nameInConsultations.get(name, src.id)!.n === 0 && s.nameInMeetings.get(src.id, name)!.n === 0) return null;
  return { sourceId: src.id, sourceKey: src.key, sourceName: src.name, isDemo: src.is_demo === 1, name, organizationId: org?.id ?? null };
}

/**
 * Papers whose stored next station is this committee (derived for today), earliest date first (undated
 * last), `limit` of them from `offset` on (one page of the queue); and how many there are in all.
 */
export function loadQueueIds(sqlite: Database.Database, c: CommitteeRef, limit: number, offset = 0): { ids: number[]; total: number } {
  const all = stmts(sqlite).queueIds.all({ name: c.name, source: c.sourceId });
  return { ids: all.slice(offset, offset + limit), total: all.length };
}

/**
 * Papers with a dated next step at another committee whose stored progress has a deadline for this
 * committee, earliest first, at most `limit`: they join its queue (where their progress on `today` says so).
 */
export function loadDeadlineCandidateIds(sqlite: Database.Database, c: CommitteeRef, today: string, limit: number): number[] {
  return stmts(sqlite).deadlineCandidates.all({ name: c.name, source: c.sourceId, today, limit });
}

export function loadComingMeetings(sqlite: Database.Database, c: CommitteeRef, today: string, limit: number): ComingMeetingRow[] {
  return stmts(sqlite).coming.all({ source: c.sourceId, org: c.organizationId ?? -1, name: c.name, today, limit, held: 0 }).map(fromDb);
}

/** The committee's next meeting that is not cancelled, or null. */
export function loadNextMeeting(sqlite: Database.Database, c: CommitteeRef, today: string): ComingMeetingRow | null {
  const r = stmts(sqlite).coming.get({ source: c.sourceId, org: c.organizationId ?? -1, name: c.name, today, limit: 1, held: 1 });
  return r ? fromDb(r) : null;
}

/**
 * The committee's latest past meetings, newest first, with their number of agenda items and whether their own page
 * was read (`agendaRead`; else the items are only those whose own page was: MeetingView.agendaRead).
 */
export function loadPastMeetings(sqlite: Database.Database, c: CommitteeRef, today: string, limit: number): (ComingMeetingRow & { items: number })[] {
  return stmts(sqlite).past.all({ source: c.sourceId, org: c.organizationId ?? -1, name: c.name, today, limit }).map((r) => ({ ...fromDb(r), items: r.items }));
}

/**
 * The committee's latest past days that its motions' Beratungsfolgen name without a meeting known for them (no
 * calendar row, agenda or page of that meeting was read), newest first, at most `limit` days, each motion once.
 */
export function loadPastSequenceDays(sqlite: Database.Database, c: CommitteeRef, today: string, limit: number): SequenceDay[] {
  const days: SequenceDay[] = [];
  const cap = limit * 20;
  const rows = stmts(sqlite).pastRows.all({ source: c.sourceId, name: c.name, today, limit: cap });
  // rows read up to the cap may end inside a day: that day is left out rather than shown with part of its motions
  const cut = rows.length === cap ? rows[rows.length - 1].date : null;
  for (const r of rows) {
    if (r.date === cut) break;
    let day = days[days.length - 1];
    if (!day || day.date !== r.date) {
      if (days.length === limit) break;
      days.push((day = { date: r.date, papers: [] }));
    }
    if (!day.papers.some((p) => p.id === r.id)) day.papers.push({ id: r.id, reference: r.reference, name: r.name, result: r.result });
  }
  return days;
}

/** The agenda items of these meetings (in agenda order), by meeting id; a meeting without items is absent. */
export function loadComingAgendas(sqlite: Database.Database, meetingIds: readonly number[]): Map<number, ComingAgendaItem[]> {
  const out = new Map<number, ComingAgendaItem[]>();
  if (!meetingIds.length) return out;
  for (const r of stmts(sqlite).agendas.all(JSON.stringify(meetingIds))) {
    let l = out.get(r.meetingId);
    if (!l) out.set(r.meetingId, (l = []));
    // a literal, not a rest/spread copy: this runs for every agenda item of a committee page
    l.push({ number: r.number, name: r.name, paperId: r.paperId, paperReference: r.paperReference, public: r.public === null ? null : r.public === 1 });
  }
  return out;
}

/**
 * Meeting rows of Beratungsfolgen that plan a paper at this committee from today until `until`, dated by their
 * meeting where they link one; `comingMeetingIds`: the committee's coming meetings the page shows (their rows count
 * whatever date they list).
 */
export function loadPlannedRows(
  sqlite: Database.Database, c: CommitteeRef, today: string, until: string, limit: number, comingMeetingIds: readonly number[] = [],
): PlannedRow[] {
  return stmts(sqlite).planned.all({ source: c.sourceId, name: c.name, today, until, limit, meetings: JSON.stringify(comingMeetingIds) });
}
