/**
 * A committee's page for staff: load → derive → view model. The queue (src/domain/queue.ts), the
 * coming meetings with their agendas — the published agenda where its meeting page is known, plus
 * the papers the Beratungsfolgen plan for that date — and the agenda check
 * (src/domain/agenda-check.ts) of every motion on them.
 */
import type Database from 'better-sqlite3';
import { loadComingAgendas, loadComingMeetings, loadDeadlineCandidateIds, loadPlannedRows, loadQueueIds, type CommitteeRef } from '../../db/queries-committee';
import { loadPaperSummaries, type SummaryPaper } from '../../db/queries-summaries';
import { checkAgendaItem, SEQUENCE_UNKNOWN, type AgendaCheck } from '../../domain/agenda-check';
import { deriveQueue } from '../../domain/queue';
import { agendaSourceText } from '../../domain/step-texts';

/** rows of the queue per page (?seite=N); the CSV, feeds and calendar of the committee are not paged */
export const QUEUE_PAGE_SIZE = 50;
export const COMING_LIMIT = 8;
/**
 * rows of a published agenda shown per coming meeting; the rest, when not flagged by the agenda check,
 * is left to the meeting's own page (/meetings/:id, the full agenda with the check), which is linked
 */
export const AGENDA_ROWS = 15;
const PLANNED_LIMIT = 400;
/** papers scheduled elsewhere with a stored deadline for this committee, at most (they join page 1 of the queue) */
export const DEADLINE_LIMIT = 200;


function checkView(c: AgendaCheck | null) {
  if (!c) return null;
  return {
    flagged: c.flagged,
    blocking: c.severity === 'blocking',
    /** no verdict: the Beratungsfolge is known only from agendas (shown without the ✓ of "bereit") */
    unknown: c.sequenceUnknown,
    label: c.severity === 'blocking' ? 'Vorstation offen' : c.severity === 'pending' ? 'Vorstation ausstehend'
      : c.sequenceUnknown ? SEQUENCE_UNKNOWN : c.notInSequence ? 'nicht in der Beratungsfolge' : 'bereit',
    messages: c.issues.map((i) => i.message),
  };
}

export interface AgendaItemRow {
  number: string | null;
  name: string | null;
  paperId: number | null;
  reference: string | null;
  /** only on the Beratungsfolge, not (yet) on a published agenda */
  plannedOnly: boolean;
  nonPublic: boolean;
  check: ReturnType<typeof checkView>;
}

export interface AgendaView {
  anchor: string;
  date: string;
  start: string | null;
  name: string | null;
  room: string | null;
  meetingId: number | null;
  published: boolean;
  items: AgendaItemRow[];
  flagged: number;
  blocking: boolean;
  /** rows of the published agenda not shown here (beyond AGENDA_ROWS, not flagged): see the meeting page */
  hidden: number;
  /** the meeting is cancelled */
  cancelled: boolean;
}

/** The staff view of a committee with page `queuePage` of its queue (pages past the last have an empty queue). */
export function loadCommitteeModel(sqlite: Database.Database, committee: CommitteeRef, today: string, queuePage = 1) {
  // what the page shows, first the rows (bounded queries), then every paper named in them in one bulk read
  const offset = (queuePage - 1) * QUEUE_PAGE_SIZE;
  const { ids, total } = loadQueueIds(sqlite, committee, QUEUE_PAGE_SIZE, offset);
  const comingMeetings = loadComingMeetings(sqlite, committee, today, COMING_LIMIT);
  const agendaItems = loadComingAgendas(sqlite, comingMeetings.map((m) => m.id));
  const meetings = comingMeetings.map((m) => ({ m, items: agendaItems.get(m.id) ?? [] }));
  const planned = loadPlannedRows(sqlite, committee, today, '9999-12-31', PLANNED_LIMIT, comingMeetings.map((m) => m.id));
  const deadlineIds = queuePage === 1 ? loadDeadlineCandidateIds(sqlite, committee, today, DEADLINE_LIMIT).filter((id) => !ids.includes(id)) : [];
  const papers = loadPaperSummaries(sqlite, [
    ...ids,
    ...deadlineIds,
    ...meetings.flatMap(({ items }) => items.map((i) => i.paperId).filter((x): x is number => x != null)),
    ...planned.map((r) => r.paperId),
  ], today);
  const load = (id: number): SummaryPaper | null => papers.get(id) ?? null;
  const check = (l: SummaryPaper, date: string) => checkAgendaItem(l.summary, { organization: committee.name, date }, !l.agendaOnly);

  // the queue: its stored page, and (on page 1) the papers with a deadline for this committee
  const loaded = [...ids, ...deadlineIds].map(load).filter((x): x is SummaryPaper => x != null);
  const derived = deriveQueue(loaded.map((l) => ({ paper: l, progress: l.summary })), committee.name);
  const deadlineCount = derived.filter((e) => e.deadline != null && deadlineIds.includes(e.paper.id)).length;
  const queue = derived.map((e) => ({
    id: e.paper.id,
    reference: e.paper.reference,
    name: e.paper.name,
    role: e.role,
    roleCode: e.roleCode,
    date: e.date,
    agendaText: agendaSourceText(e.agenda),
    deadline: e.deadline,
    deadlineText: e.deadlineText,
    state: e.state,
    stateLabel: e.stateLabel,
    waitingSince: e.waitingSince,
    // a Beratungsfolge made of the agendas that name the motion says nothing of its earlier stations
    earlier: e.paper.agendaOnly ? 'nicht bekannt' : e.earlierTotal ? `${e.earlierDone} von ${e.earlierTotal} erledigt` : 'keine',
    check: e.date ? checkView(check(e.paper, e.date)) : null,
    /** what the JSON view names of the motion's progress (its derived state, explanation and next step) */
    progress: e.paper.summary,
  }));

  // coming meetings: published agendas, and the Beratungsfolge rows planned for their dates (or for dates without a meeting page)
  const agendas = new Map<string, AgendaView>();
  for (const { m, items: agenda } of meetings) {
    const items: AgendaItemRow[] = agenda.map((i) => {
      const l = i.paperId != null ? load(i.paperId) : null;
      return {
        number: i.number, name: i.name, paperId: i.paperId, reference: i.paperReference, plannedOnly: false, nonPublic: i.public === false,
        check: l ? checkView(check(l, m.date)) : null,
      };
    });
    // a meeting whose own page was not read (a calendar row, an item's page) has no published agenda known: its items are what is known
    agendas.set(`m${m.id}`, { anchor: `sitzung-${m.id}`, date: m.date, start: m.start, name: m.name, room: m.room, meetingId: m.id, published: items.length > 0 && m.agendaRead, items, flagged: 0, blocking: false, hidden: 0, cancelled: m.cancelled });
  }
  const byDate = (date: string) => [...agendas.values()].find((a) => a.date === date && a.meetingId != null);
  for (const r of planned) {
    let a = (r.meetingId != null ? agendas.get(`m${r.meetingId}`) : undefined) ?? byDate(r.date);
    if (!a) {
      const key = r.meetingId != null ? `m${r.meetingId}` : `d${r.date}`;
      a = agendas.get(key);
      if (!a) {
        if (agendas.size >= COMING_LIMIT) continue;
        const anchor = r.meetingId != null ? `sitzung-${r.meetingId}` : `termin-${r.date}`;
        a = { anchor, date: r.date, start: null, name: null, room: null, meetingId: r.meetingId, published: false, items: [], flagged: 0, blocking: false, hidden: 0, cancelled: false };
        agendas.set(key, a);
      }
    }
    if (a.items.some((i) => i.paperId === r.paperId)) continue;
    const l = load(r.paperId);
    if (!l) continue;
    a.items.push({
      number: null, name: l.name, paperId: r.paperId, reference: l.reference, plannedOnly: true, nonPublic: false,
      check: checkView(check(l, r.date)),
    });
  }
  const coming = [...agendas.values()].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : (x.start ?? '') < (y.start ?? '') ? -1 : 1));
  for (const a of coming) {
    a.flagged = a.items.filter((i) => i.check?.flagged).length;
    a.blocking = a.items.some((i) => i.check?.blocking);
  }
  const flags = coming.flatMap((a) => a.items.filter((i) => i.check?.flagged).map((i) => ({ ...i, date: a.date, anchor: a.anchor })));
  // long published agendas: the first AGENDA_ROWS rows, every flagged one and every planned-only one (the meeting page has not those)
  for (const a of coming) {
    if (a.meetingId == null || a.items.length <= AGENDA_ROWS) continue;
    const shown = a.items.filter((i, n) => n < AGENDA_ROWS || i.plannedOnly || i.check?.flagged);
    a.hidden = a.items.length - shown.length;
    a.items = shown;
  }

  const all = total + deadlineCount;
  return {
    queue,
    queueTotal: all,
    queuePage,
    queuePages: Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE)),
    queueCount: `${all} ${all === 1 ? 'Vorlage' : 'Vorlagen'} in der Warteschlange` +
      (deadlineCount ? ` (${deadlineCount} mit Frist vor einer späteren Station)` : '') +
      (total > QUEUE_PAGE_SIZE && ids.length > 0 ? `, hier Nr. ${offset + 1}–${offset + ids.length}` : ''),
    coming,
    flags,
    flaggedCount: flags.length,
  };
}
