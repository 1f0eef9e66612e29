/** Read queries for meeting and organization pages. Prepared once per connection. */
import type Database from 'better-sqlite3';
import { decisionOf, type DecisionView } from '../domain/decisions';
import { isMinutesName } from '../domain/minutes';
import { toDecisionItem } from './queries-decisions';
import type { RawRow } from './raw-rows';
import { declareStatements } from './registry';
import { ownPageSql } from './merge';
import type { agendaItems } from './schema';

export interface MeetingView {
  id: number;
  sourceKey: string;
  sourceName: string;
  isDemo: boolean;
  externalId: string | null;
  url: string | null;
  name: string | null;
  organization: string | null;
  organizationId: number | null;
  date: string | null;
  start: string | null;
  end: string | null;
  room: string | null;
  location: string | null;
  statusText: string | null;
  /** the RIS marks the meeting as cancelled (meetings.cancelled) */
  cancelled: boolean;
  /**
   * its own page (or OParl object) was read, so its agenda is what that listed; false where only a calendar row or
   * an agenda item's own page named it: its items are those whose own page was read, not its agenda
   */
  agendaRead: boolean;
  updatedAt: string;
}

export interface AgendaItemView {
  id: number;
  number: string | null;
  public: boolean | null;
  name: string | null;
  paperReference: string | null;
  paperId: number | null;
  paperName: string | null;
  result: string | null;
  resultCode: string | null;
  url: string | null;
  /** the vote and the Beschluss text the item's page states */
  decision: DecisionView;
  /** its agenda marks it as added later ("Nachtrag") */
  supplement: boolean;
  /** the agenda's remark on it ("Zusatzinfo") */
  note: string | null;
}

export interface OrganizationView {
  id: number;
  sourceName: string;
  isDemo: boolean;
  kind: string | null;
  name: string | null;
  url: string | null;
  /** the day it ended (a former faction), where its source says so */
  endDate: string | null;
  updatedAt: string;
}

export interface MemberView {
  name: string;
  role: string | null;
  group: string | null;
}

export interface MeetingListItem {
  id: number;
  name: string | null;
  date: string | null;
  start: string | null;
  room: string | null;
  items: number;
}

/** A document of a paper on a meeting's agenda. */
export interface MeetingDocumentView {
  itemId: number;
  number: string | null;
  paperId: number;
  reference: string | null;
  name: string | null;
  url: string | null;
  /** the crawler's fetch of the document and what reading it gave (null: not fetched yet) */
  fetchState: string | null;
  status: string | null;
  pageCount: number | null;
}

/** One of a meeting's own documents (Einladung, Niederschrift …), as its page lists it. */
export interface MeetingFileView {
  name: string;
  url: string | null;
  /** the crawler's fetch of the document (documents.ts) and what reading it gave: null where not fetched (yet) */
  fetchState?: string | null;
  status?: string | null;
  pageCount?: number | null;
  contentHash?: string | null;
  /** the fetched document's size (bytes) and type, where it was kept */
  size?: number | null;
  mimeType?: string | null;
}

/** An agenda item as the items read returns it: the view's columns, and what its decision is read from (the table's own columns). */
type ItemDbRow = Omit<AgendaItemView, 'public' | 'decision' | 'supplement'> & Pick<RawRow<typeof agendaItems>,
  'public' | 'external_id' | 'meeting_id' | 'date' | 'organization' | 'vote' | 'text' | 'provenance' | 'decision_status' | 'supplement'> & { note: string | null };

function prepare(sqlite: Database.Database) {
  return {
    meeting: sqlite.prepare<[number], Omit<MeetingView, 'isDemo' | 'cancelled' | 'agendaRead'> & { isDemo: number; cancelled: number; agendaRead: number }>(`SELECT m.id, s.key AS sourceKey, s.name AS sourceName, s.is_demo AS isDemo,
      m.external_id AS externalId, m.url, m.name, COALESCE(o.name, m.organization) AS organization, m.organization_id AS organizationId,
      m.date, m.start, m."end", m.room, m.location, m.status_text AS statusText, m.cancelled, ${ownPageSql('m')} AS agendaRead, m.updated_at AS updatedAt
      FROM meetings m JOIN sources s ON s.id = m.source_id LEFT JOIN organizations o ON o.id = m.organization_id WHERE m.id = ?`),
    items: sqlite.prepare<[number], ItemDbRow>(`SELECT a.id, a.number, a.public, a.name,
      COALESCE(p.reference, a.paper_reference) AS paperReference, a.paper_id AS paperId, p.name AS paperName, a.result,
      a.result_code AS resultCode, a.url, a.external_id, a.meeting_id, a.date, a.organization, a.vote, a.text, a.provenance, a.decision_status, a.supplement, a.note
      FROM agenda_items a LEFT JOIN papers p ON p.id = a.paper_id WHERE a.meeting_id = ? ORDER BY a.position, a.id`),
    organization: sqlite.prepare<[number], Omit<OrganizationView, 'isDemo'> & { isDemo: number }>(`SELECT o.id, s.name AS sourceName,
      s.is_demo AS isDemo, o.kind, o.name, o.url, o.end_date AS endDate, o.updated_at AS updatedAt
      FROM organizations o JOIN sources s ON s.id = o.source_id WHERE o.id = ?`),
    members: sqlite.prepare<[number], MemberView>(`SELECT p.name, m.role, m.group_name AS "group"
      FROM memberships m JOIN people p ON p.id = m.person_id WHERE m.organization_id = ? ORDER BY m.position`),
    coming: sqlite.prepare<[number, string, number], MeetingListItem>(`SELECT m.id, m.name, m.date, m.start, m.room,
      (SELECT COUNT(*) FROM agenda_items a WHERE a.meeting_id = m.id) AS items
      FROM meetings m WHERE m.organization_id = ? AND m.date >= ? ORDER BY m.date, m.start LIMIT ?`),
    past: sqlite.prepare<[number, string, number], MeetingListItem>(`SELECT m.id, m.name, m.date, m.start, m.room,
      (SELECT COUNT(*) FROM agenda_items a WHERE a.meeting_id = m.id) AS items
      FROM meetings m WHERE m.organization_id = ? AND m.date < ? ORDER BY m.date DESC, m.start DESC LIMIT ?`),
    // the Beratungsfolge rows linked to the meeting (index consultation_meetings_meeting), their motions' ids, names and the rows' results
    sequenceRows: sqlite.prepare<[number], SequenceRowView>(`SELECT p.id AS paperId, p.reference, p.name, c.role, cm.result
      FROM consultation_meetings cm JOIN consultations c ON c.id = cm.consultation_id JOIN papers p ON p.id = c.paper_id
      WHERE cm.meeting_id = ? ORDER BY p.reference, p.id, c.position, cm.position`),
    paperMeetingLinks: sqlite.prepare<[number], { position: number; row: number; meetingId: number | null }>(`SELECT c.position,
      cm.position AS row, cm.meeting_id AS meetingId FROM consultation_meetings cm JOIN consultations c ON c.id = cm.consultation_id
      WHERE c.paper_id = ? ORDER BY c.position, cm.position`),
    // the reference comes with the meeting's agenda items (not a second read of every paper row, which is wide)
    documents: sqlite.prepare<[number, number], Omit<MeetingDocumentView, 'reference'>>(`SELECT a.id AS itemId, a.number, a.paper_id AS paperId,
      f.name, f.url, f.fetch_state AS fetchState, d.status, d.page_count AS pageCount
      FROM agenda_items a JOIN files f ON f.paper_id = a.paper_id LEFT JOIN documents d ON d.hash = f.content_hash
      WHERE a.meeting_id = ? ORDER BY a.position, a.id, f.position, f.id LIMIT ?`),
    filesOfMeetings: sqlite.prepare<[string], Required<MeetingFileView> & { meetingId: number }>(
      `SELECT f.meeting_id AS meetingId, f.name, f.url, f.fetch_state AS fetchState, d.status, d.page_count AS pageCount, f.content_hash AS contentHash,
        d.size, d.mime_type AS mimeType
      FROM meeting_files f LEFT JOIN documents d ON d.hash = f.content_hash
      WHERE f.meeting_id IN (SELECT value FROM json_each(?)) ORDER BY f.meeting_id, f.position`,
    ),
    organizationByName: sqlite.prepare<[number, string], { id: number }>(
      `SELECT o.id FROM organizations o JOIN papers p ON p.source_id = o.source_id WHERE p.id = ? AND o.name = ? ORDER BY o.id LIMIT 1`,
    ),
  };
}

// raw SQL: the meeting page's reads (bench: fresh render p50)
const stmts = declareStatements('queries-meetings', prepare);

/** A motion whose Beratungsfolge names a meeting (its row links the meeting), with the row's role and result. */
export interface SequenceRowView {
  paperId: number;
  reference: string | null;
  name: string | null;
  role: string | null;
  result: string | null;
}

/** The motions whose Beratungsfolge rows link this meeting, each once (its first row), in reference order. */
export function loadSequenceRows(sqlite: Database.Database, meetingId: number): SequenceRowView[] {
  const seen = new Set<number>();
  return stmts(sqlite).sequenceRows.all(meetingId).filter((r) => !seen.has(r.paperId) && seen.add(r.paperId));
}

export function loadMeeting(sqlite: Database.Database, id: number): { meeting: MeetingView; items: AgendaItemView[] } | null {
  const s = stmts(sqlite);
  const m = s.meeting.get(id);
  if (!m) return null;
  const items = s.items.all(id).map((i): AgendaItemView => ({
    id: i.id, number: i.number, public: i.public === null ? null : i.public === 1, name: i.name, paperReference: i.paperReference,
    paperId: i.paperId, paperName: i.paperName, result: i.result, resultCode: i.resultCode, url: i.url,
    decision: decisionOf(toDecisionItem(i)), supplement: i.supplement === 1, note: i.note,
  }));
  return { meeting: { ...m, isDemo: m.isDemo === 1, cancelled: m.cancelled === 1, agendaRead: m.agendaRead === 1 }, items };
}

/**
 * The documents known for a meeting: those of the papers on its agenda, in agenda order (at most `limit`), each with its
 * motion's reference as the meeting's agenda `items` (loadMeeting) name it.
 */
export function loadMeetingDocuments(
  sqlite: Database.Database, meetingId: number, items: readonly Pick<AgendaItemView, 'id' | 'paperReference'>[], limit = 300,
): MeetingDocumentView[] {
  const reference = new Map(items.map((i) => [i.id, i.paperReference]));
  return stmts(sqlite).documents.all(meetingId, limit).map((d) => ({ ...d, reference: reference.get(d.itemId) ?? null }));
}

/** The own documents of these meetings in page order, by meeting id (those without any are not in the map). */
export function loadFilesOfMeetings(sqlite: Database.Database, meetingIds: number[]): Map<number, MeetingFileView[]> {
  const out = new Map<number, MeetingFileView[]>();
  if (!meetingIds.length) return out;
  for (const f of stmts(sqlite).filesOfMeetings.all(JSON.stringify(meetingIds))) {
    const l = out.get(f.meetingId) ?? [];
    l.push({
      name: f.name, url: f.url, fetchState: f.fetchState, status: f.status, pageCount: f.pageCount, contentHash: f.contentHash, size: f.size, mimeType: f.mimeType,
    });
    out.set(f.meetingId, l);
  }
  return out;
}

/** Each of these meetings with its minutes (Niederschrift, Protokoll: domain/minutes.ts) among its own documents. */
export function withMinutes<M extends { id: number }>(sqlite: Database.Database, meetings: readonly M[]): (M & { minutes: MeetingFileView[] })[] {
  const files = loadFilesOfMeetings(sqlite, meetings.map((m) => m.id));
  return meetings.map((m) => ({ ...m, minutes: (files.get(m.id) ?? []).filter((f) => isMinutesName(f.name)) }));
}

export function loadOrganization(
  sqlite: Database.Database, id: number, today: string, limit = 20,
): { organization: OrganizationView; members: MemberView[]; coming: MeetingListItem[]; past: MeetingListItem[] } | null {
  const s = stmts(sqlite);
  const o = s.organization.get(id);
  if (!o) return null;
  return {
    organization: { ...o, isDemo: o.isDemo === 1 },
    members: s.members.all(id),
    // limit 0 (the committee page, which reads its meetings by committee): no meeting read at all
    coming: limit > 0 ? s.coming.all(id, today, limit) : [],
    past: limit > 0 ? s.past.all(id, today, limit) : [],
  };
}

/** For a paper's timeline: the meeting page of each meeting row ([station][row] → id or null), and each station's committee page. */
export function loadPaperLinks(sqlite: Database.Database, paperId: number, organizations: (string | null)[]) {
  const s = stmts(sqlite);
  const meetings: (number | null)[][] = organizations.map(() => []);
  for (const l of s.paperMeetingLinks.all(paperId)) {
    if (meetings[l.position]) meetings[l.position][l.row] = l.meetingId;
  }
  const committees = organizations.map((name) => (name ? (s.organizationByName.get(paperId, name)?.id ?? null) : null));
  return { meetings, committees };
}
