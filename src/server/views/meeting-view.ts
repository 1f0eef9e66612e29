/**
 * A meeting's agenda as the meeting page and its agenda CSV show it: per item the result, the vote and
 * the Beschluss text; for staff the earlier stations of its motion and what became of them, and — for a
 * coming meeting — the agenda check ("bereit", "Vorstation offen", "Vorstation ausstehend").
 */
import type Database from 'better-sqlite3';
import { loadMeeting, loadSequenceRows, type AgendaItemView, type MeetingView, type SequenceRowView } from '../../db/queries-meetings';
import { loadPaperSummaries } from '../../db/queries-summaries';
import { checkAgendaItem, SEQUENCE_UNKNOWN } from '../../domain/agenda-check';
import { earlierStations, type EarlierStation } from '../../domain/earlier-stations';
import type { ProgressSummary } from '../../domain/progress-summary';

export interface AgendaCheckView {
  blocking: boolean;
  messages: string[];
}

export interface MeetingItemView extends AgendaItemView {
  publicLabel: string;
  /** the agenda check of a coming meeting's item whose motion has an earlier station not done; else null */
  check: AgendaCheckView | null;
  /** "bereit" / "Vorstation offen" / "Vorstation ausstehend" / "Beratungsfolge nicht bekannt" for a coming meeting's item with a motion; else null */
  checkStatus: string | null;
  earlier: EarlierStation[];
}

export interface MeetingAgenda {
  meeting: MeetingView;
  future: boolean;
  items: MeetingItemView[];
  /** what the JSON names of the progress of every motion on the agenda for today (its derived state) */
  progress: Map<number, ProgressSummary>;
  /**
   * the motions whose Beratungsfolge names this meeting and that no known agenda item of it names: what is known
   * of a meeting whose agenda was not read (a motion's page linked it), or a motion its agenda leaves out
   */
  fromSequences: SequenceRowView[];
}

/** The check status as a word, for the CSV and print ("bereit": every earlier station done). */
export function checkStatusLabel(check: AgendaCheckView | null): string {
  if (!check) return 'bereit';
  return check.blocking ? 'Vorstation offen' : 'Vorstation ausstehend';
}

/** Loads the meeting and derives its agenda's view for `today`; null when there is no such meeting. */
export function loadMeetingAgenda(sqlite: Database.Database, id: number, today: string): MeetingAgenda | null {
  const found = loadMeeting(sqlite, id);
  if (!found) return null;
  const { meeting, items } = found;
  const future = meeting.date ? meeting.date >= today : false;
  const papers = loadPaperSummaries(sqlite, items.map((i) => i.paperId).filter((x): x is number => x != null), today);
  const slot = meeting.organization && meeting.date ? { organization: meeting.organization, date: meeting.date } : null;
  const progressById = new Map<number, ProgressSummary>();
  for (const [pid, stored] of papers) progressById.set(pid, stored.summary);
  const viewItems = items.map((i): MeetingItemView => {
    const pr = slot && i.paperId != null ? (progressById.get(i.paperId) ?? null) : null;
    let check: AgendaCheckView | null = null;
    let unknown = false;
    if (pr && slot && future) {
      const c = checkAgendaItem(pr, slot, !papers.get(i.paperId!)?.agendaOnly);
      if (c.flagged) check = { blocking: c.severity === 'blocking', messages: c.issues.map((x) => x.message) };
      unknown = c.sequenceUnknown;
    }
    return {
      ...i,
      publicLabel: i.public === false ? 'N' : i.public === true ? 'Ö' : '',
      check,
      checkStatus: pr && future ? (unknown ? SEQUENCE_UNKNOWN : checkStatusLabel(check)) : null,
      earlier: pr && slot ? earlierStations(pr, slot) : [],
    };
  });
  const onAgenda = new Set(items.map((i) => i.paperId).filter((x): x is number => x != null));
  const fromSequences = loadSequenceRows(sqlite, meeting.id).filter((r) => !onAgenda.has(r.paperId));
  return { meeting, future, items: viewItems, progress: progressById, fromSequences };
}
