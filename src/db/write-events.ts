/**
 * Writes change events (paper_events) in the import's transaction (import.ts): a paper written by the
 * batch is compared with what was stored before (src/domain/derive-events.ts), an agenda item the
 * batch linked to a known paper for a coming meeting is "on the agenda", and a coming meeting the batch
 * wrote as cancelled is "meeting_cancelled" for the papers on its agenda or with a row at it. One prepared INSERT OR IGNORE
 * per event: its key (sha1 of the paper's id and the change) is unique, so a change seen again — the
 * same import once more, a page changing back and forth — writes nothing.
 */
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import type { FileRef } from '../../scrapers/records';
import type { ResultCode, RoleCode } from '../../scrapers/shared/codes';
import { dateMovedEvent, deriveEvents, rowIdentities, type EventFacts } from '../domain/derive-events';
import { addDays } from '../domain/dates';
import type { EventDraft, EventVote } from '../domain/paper-event';
import { declareStatements, stmt } from './registry';
import type { AddedDocument } from './write-entities';

/** A paper of a meeting, with the meeting's day, committee (else its name) and ids. */
interface MeetingPaperRow {
  paperId: number;
  date: string;
  organization: string | null;
  name: string | null;
  meetingId: number;
  meetingExternalId: string | null;
}

/**
 * The papers of the meetings `@ids` that meet `condition` (over `m`, the meeting): on their agenda, or with a
 * Beratungsfolge row linked to them; each with the meeting's day, committee and name.
 */
function papersOfMeetings(condition: string): string {
  const meeting = `COALESCE(o.name, m.organization) AS organization, m.name, m.id AS meetingId, m.external_id AS meetingExternalId
    FROM meetings m LEFT JOIN organizations o ON o.id = m.organization_id`;
  const which = `m.id IN (SELECT value FROM json_each(@ids)) AND ${condition}`;
  return `SELECT a.paper_id AS paperId, m.date, ${meeting} JOIN agenda_items a ON a.meeting_id = m.id WHERE ${which} AND a.paper_id IS NOT NULL
    UNION SELECT c.paper_id, m.date, ${meeting} JOIN consultation_meetings cm ON cm.meeting_id = m.id JOIN consultations c ON c.id = cm.consultation_id
    WHERE ${which}`;
}

/** What an event about a meeting is keyed by: the RIS's id of the meeting, else its row. */
const meetingWhere = (r: Pick<MeetingPaperRow, 'meetingId' | 'meetingExternalId'>) => (r.meetingExternalId ? `m:${r.meetingExternalId}` : `i:${r.meetingId}`);

function prepare(sqlite: Database.Database) {
  return {
    insert: sqlite.prepare(`INSERT OR IGNORE INTO paper_events (event_key, paper_id, source_id, kind, learned_at, happened_on, committee, payload, run_id)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    stations: sqlite.prepare<[number], { id: number; organization: string | null; roleCode: RoleCode | null; stationStatus: string | null }>(
      'SELECT id, organization, role_code AS roleCode, station_status AS stationStatus FROM consultations WHERE paper_id = ? ORDER BY position',
    ),
    rows: sqlite.prepare<[number], { consultationId: number; date: string | null; meetingExternalId: string | null; agendaItemExternalId: string | null; resultCode: ResultCode }>(
      `SELECT m.consultation_id AS consultationId, m.date, m.meeting_external_id AS meetingExternalId, m.agenda_item_external_id AS agendaItemExternalId,
        m.result_code AS resultCode FROM consultations c JOIN consultation_meetings m ON m.consultation_id = c.id WHERE c.paper_id = ? ORDER BY m.position`,
    ),
    vote: sqlite.prepare<[number, string], string | null>('SELECT vote FROM agenda_items WHERE source_id = ? AND entity_key = ?').pluck(),
    // the papers at a coming cancelled meeting
    cancelled: sqlite.prepare<{ ids: string; today: string }, MeetingPaperRow>(papersOfMeetings('m.cancelled = 1 AND m.date >= @today')),
    // the papers of meetings with new documents, from the day after which they are still news
    withDocuments: sqlite.prepare<{ ids: string; oldest: string }, MeetingPaperRow>(papersOfMeetings('m.date >= @oldest')),
    // the Beratungsfolge rows linked to these meetings that are not cancelled, with the meeting's date now
    movedRows: sqlite.prepare<[string], { paperId: number; consultationId: number; position: number; meetingId: number; date: string }>(
      `SELECT c.paper_id AS paperId, cm.consultation_id AS consultationId, cm.position, m.id AS meetingId, m.date
        FROM meetings m JOIN consultation_meetings cm ON cm.meeting_id = m.id JOIN consultations c ON c.id = cm.consultation_id
        WHERE m.id IN (SELECT value FROM json_each(?)) AND m.cancelled = 0 AND m.date IS NOT NULL ORDER BY c.paper_id, cm.consultation_id, cm.position`,
    ),
    // the paper's latest "on"/"off the agenda" of a meeting day and committee, and how often it was taken off there
    agendaTurn: sqlite.prepare<{ paper: number; day: string; committee: string | null }, { kind: string; offs: number }>(
      `SELECT kind, (SELECT COUNT(*) FROM paper_events WHERE paper_id = @paper AND kind = 'off_agenda' AND happened_on = @day AND committee IS @committee) AS offs
        FROM paper_events WHERE paper_id = @paper AND kind IN ('on_agenda', 'off_agenda') AND happened_on = @day AND committee IS @committee
        ORDER BY id DESC LIMIT 1`,
    ),
    agenda: sqlite.prepare<[string, string], { paperId: number; date: string; organization: string | null; meetingExternalId: string | null }>(
      `SELECT a.paper_id AS paperId, m.date, COALESCE(m.organization, a.organization) AS organization, m.external_id AS meetingExternalId
        FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id
        WHERE a.id IN (SELECT value FROM json_each(?)) AND a.paper_id IS NOT NULL AND m.date >= ?`,
    ),
  };
}

// raw SQL: the import writes a paper's change events in its transaction, once per event
const stmts = declareStatements('write-events', prepare);

/** A station as stored, with its row id. */
type StoredStation = EventFacts['consultation'][number] & { id: number };

/** A paper's facts as stored (its stations and rows still the old ones: a batch writes them after all paper rows). */
export function loadEventFacts(sqlite: Database.Database, paperId: number, date: string | null, filesJson: string | null): Omit<EventFacts, 'consultation'> & { consultation: StoredStation[] } {
  const s = stmts(sqlite);
  const stations = s.stations.all(paperId).map((st) => ({ ...st, meetings: [] as EventFacts['consultation'][number]['meetings'] }));
  const byId = new Map(stations.map((st) => [st.id, st]));
  for (const r of s.rows.all(paperId)) {
    byId.get(r.consultationId)?.meetings.push({ date: r.date, name: null, meetingSourceId: r.meetingExternalId, agendaItemSourceId: r.agendaItemExternalId, result: null, resultCode: r.resultCode });
  }
  let files: FileRef[] = [];
  try {
    files = filesJson ? (JSON.parse(filesJson) as FileRef[]) : [];
  } catch {
    files = [];
  }
  return { date, consultation: stations, files };
}

/** What one import writes events with. */
export interface EventContext {
  sourceId: number;
  now: string;
  /** the import day in Berlin ("" when `now` is no time: then nothing is dropped as history) */
  today: string;
  runId: number | null;
}

function eventKey(paperId: number, draft: EventDraft): string {
  return crypto.createHash('sha1').update(`${paperId}|${draft.key}`).digest('hex');
}

/** Writes a paper's event drafts (a change seen again writes nothing); returns how many were new. */
export function insertEvents(sqlite: Database.Database, ctx: EventContext, paperId: number, drafts: EventDraft[]): number {
  const s = stmts(sqlite);
  let n = 0;
  for (const d of drafts) {
    n += s.insert.run(eventKey(paperId, d), paperId, ctx.sourceId, d.kind, ctx.now, d.happenedOn, d.committee, JSON.stringify(d.payload), ctx.runId).changes;
  }
  return n;
}

/** The events of one written paper (before: its stored facts, null when the row is new); returns how many were new. */
export function writePaperEvents(sqlite: Database.Database, ctx: EventContext, paperId: number, before: EventFacts | null, after: EventFacts): number {
  const s = stmts(sqlite);
  const voteOf = (row: { agendaItemSourceId: string | null }): EventVote | null => {
    if (!row.agendaItemSourceId) return null;
    const v = s.vote.get(ctx.sourceId, row.agendaItemSourceId);
    if (!v) return null;
    const parsed = JSON.parse(v) as EventVote;
    return { yes: parsed.yes ?? null, no: parsed.no ?? null, abstain: parsed.abstain ?? null };
  };
  return insertEvents(sqlite, ctx, paperId, deriveEvents(before, after, ctx.today, voteOf));
}

/**
 * The key of an "on" or "off the agenda" event of a paper at a meeting (`where`: the meeting's RIS id or row, or
 * its day and committee), or null when that turn is announced already: "on" stands until an "off" follows, and
 * the other way round. A motion put back on an agenda it was taken off is news again (its key counts the turns
 * off before it); read again unchanged, it is not.
 */
export function agendaTurnKey(
  sqlite: Database.Database, kind: 'on_agenda' | 'off_agenda', paperId: number, where: string, day: string, committee: string | null,
): string | null {
  const last = stmts(sqlite).agendaTurn.get({ paper: paperId, day, committee });
  if (last?.kind === kind) return null;
  const offs = last?.offs ?? 0;
  const turn = kind === 'on_agenda' ? offs : offs + 1;
  // the first turn of each kind keeps the key it always had
  return `${kind}|${where}${turn > (kind === 'on_agenda' ? 0 : 1) ? `|${turn}` : ''}`;
}

/**
 * "On the agenda": the agenda items among `itemIds` linked to a paper (not one new in this batch: its
 * "new" event says enough) whose meeting is today or later.
 */
export function writeAgendaEvents(sqlite: Database.Database, ctx: EventContext, itemIds: Iterable<number>, newPapers: ReadonlySet<number>): number {
  const ids = [...itemIds];
  if (!ids.length || !ctx.today) return 0;
  let n = 0;
  for (const a of stmts(sqlite).agenda.all(JSON.stringify(ids), ctx.today)) {
    if (newPapers.has(a.paperId)) continue;
    const where = a.meetingExternalId ? `m:${a.meetingExternalId}` : `d:${a.date}|${a.organization ?? ''}`;
    const key = agendaTurnKey(sqlite, 'on_agenda', a.paperId, where, a.date, a.organization);
    if (key === null) continue;
    n += insertEvents(sqlite, ctx, a.paperId, [{
      kind: 'on_agenda', key, happenedOn: a.date, committee: a.organization, payload: { date: a.date },
    }]);
  }
  return n;
}

/**
 * "Sitzung abgesagt" for the papers on the agenda of, or with a Beratungsfolge row at, a coming meeting
 * the batch wrote (`meetingIds`) and that is cancelled; not for papers new in the batch (their "new" says
 * it all). Keyed by the meeting: a cancellation is announced once, however often it is read again.
 */
export function writeCancellationEvents(sqlite: Database.Database, ctx: EventContext, meetingIds: Iterable<number>, newPapers: ReadonlySet<number>): number {
  const ids = [...meetingIds];
  if (!ids.length || !ctx.today) return 0;
  let n = 0;
  for (const r of stmts(sqlite).cancelled.all({ ids: JSON.stringify(ids), today: ctx.today })) {
    if (newPapers.has(r.paperId)) continue;
    n += insertEvents(sqlite, ctx, r.paperId, [{
      kind: 'meeting_cancelled', key: `meeting_cancelled|${meetingWhere(r)}`, happenedOn: r.date, committee: r.organization,
      payload: r.organization == null ? { date: r.date, meeting: r.name } : { date: r.date },
    }]);
  }
  return n;
}

/**
 * How far back a meeting's new document is still news: minutes are often published only after the next
 * meeting has approved them, weeks or months later (other events: HISTORY_DAYS).
 */
export const MEETING_DOCUMENT_DAYS = 180;

/**
 * "Neues Dokument zur Sitzung" (Einladung, Niederschrift, …) for the papers on the agenda of, or with a
 * Beratungsfolge row at, a meeting whose page was read before and now lists documents it did not (`added`:
 * meeting id → those documents); not for papers new in the batch, nor for a meeting without a day or more
 * than MEETING_DOCUMENT_DAYS back (history is not news). Keyed by the meeting and the document.
 */
export function writeMeetingDocumentEvents(sqlite: Database.Database, ctx: EventContext, added: ReadonlyMap<number, AddedDocument[]>, newPapers: ReadonlySet<number>): number {
  if (!added.size || !ctx.today) return 0;
  const oldest = addDays(ctx.today, -MEETING_DOCUMENT_DAYS);
  let n = 0;
  for (const r of stmts(sqlite).withDocuments.all({ ids: JSON.stringify([...added.keys()]), oldest })) {
    if (newPapers.has(r.paperId)) continue;
    n += insertEvents(sqlite, ctx, r.paperId, added.get(r.meetingId)!.map((f) => ({
      kind: 'meeting_document' as const, key: `meeting_document|${meetingWhere(r)}|${f.identity}`, happenedOn: r.date, committee: r.organization,
      payload: r.organization == null ? { date: r.date, meeting: r.name, file: f.name } : { date: r.date, file: f.name },
    })));
  }
  return n;
}

/**
 * "Termin verschoben" for the papers with a Beratungsfolge row linked to a meeting the batch moved to another
 * day (`moved`: meeting id → its date before), where the day before or after is today or later; not for
 * papers new in the batch. The row's event as the paper's own page would give it once it lists the new day
 * (derive-events.ts: the same key, so it is announced once, whichever page tells it first).
 */
export function writeMoveEvents(sqlite: Database.Database, ctx: EventContext, moved: ReadonlyMap<number, string>, newPapers: ReadonlySet<number>): number {
  if (!moved.size || !ctx.today) return 0;
  const byPaper = new Map<number, { consultationId: number; position: number; from: string; to: string }[]>();
  for (const r of stmts(sqlite).movedRows.all(JSON.stringify([...moved.keys()]))) {
    const from = moved.get(r.meetingId)!;
    if (newPapers.has(r.paperId) || (from < ctx.today && r.date < ctx.today)) continue;
    let l = byPaper.get(r.paperId);
    if (!l) byPaper.set(r.paperId, (l = []));
    l.push({ consultationId: r.consultationId, position: r.position, from, to: r.date });
  }
  let n = 0;
  for (const [paperId, rows] of byPaper) {
    const stations = loadEventFacts(sqlite, paperId, null, null).consultation;
    const ids = rowIdentities(stations);
    for (const r of rows) {
      const i = stations.findIndex((st) => st.id === r.consultationId);
      const row = ids[i]?.[r.position];
      if (row === undefined) continue;
      n += insertEvents(sqlite, ctx, paperId, [dateMovedEvent(stations[i], row, r.from, r.to)]);
    }
  }
  return n;
}

/**
 * A database from before change events (paper_events empty, papers not): one "new" event per paper, as
 * its first import would have written it, learned when the paper was first seen — so that every feed
 * has its motions. Costs one lookup when there is an event already. Returns how many were written.
 */
export function backfillNewEvents(sqlite: Database.Database): number {
  const nothingToDo = stmt(sqlite, 'SELECT EXISTS (SELECT 1 FROM paper_events) OR NOT EXISTS (SELECT 1 FROM papers)').pluck().get();
  if (nothingToDo) return 0;
  const papers = sqlite.prepare<[], { id: number; sourceId: number; date: string | null; firstSeenAt: string }>(
    'SELECT id, source_id AS sourceId, date, first_seen_at AS firstSeenAt FROM papers ORDER BY first_seen_at, id',
  ).all();
  return sqlite.transaction(() => {
    let n = 0;
    for (const p of papers) {
      const ctx = { sourceId: p.sourceId, now: p.firstSeenAt, today: '', runId: null };
      n += writePaperEvents(sqlite, ctx, p.id, null, { date: p.date, consultation: [], files: [] });
    }
    return n;
  }).immediate();
}
