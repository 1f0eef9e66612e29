/**
 * What was decided on an agenda item, as the motion page, the meeting page and the CSV show it: the vote
 * ("Dafür 25, Dagegen 8, Enthaltungen 0", "einstimmig mit zwei Enthaltungen") and the decision text (the
 * item's "Beschluss" section), and which agenda item belongs to a meeting row of a Beratungsfolge. PURE.
 *
 * Only the Beschluss text is shown, never a protocol section ("Protokoll", "Wortprotokoll": they name
 * staff and speakers). An OParl item's resolutionText has no heading: it is the decision text.
 */
import type { DecisionStatus, TextSection, Vote } from '../../scrapers/records';
import { formatGermanDate } from './german-format';

/** An agenda item that names a paper, with what its page states about the decision. */
export interface DecisionItem {
  /** agenda_items.id */
  id: number;
  /** the RIS's id of the item (TOLFDNR, OParl id) */
  externalId: string | null;
  meetingId: number | null;
  /** the meeting's date, else the item's */
  date: string | null;
  organization: string | null;
  vote: Vote | null;
  /** the RIS's status of the decision (ALLRIS 4 "Status Beschluss"), where it gives one */
  status: DecisionStatus | null;
  text: readonly TextSection[];
  /** the text came from OParl (resolutionText, without heading) */
  oparlText: boolean;
}

/** What a row or an agenda item shows of its decision; all null when its page states none. */
export interface DecisionView {
  voteText: string | null;
  decisionText: string | null;
  /** "Beschlussumsetzung erwünscht (22.12.2025)": the RIS's status of the decision and the day beside it */
  statusText: string | null;
}

/** Headings of a decision text; never a proposal ("Beschlussvorschlag", "Beschlussempfehlung") or a protocol. */
const DECISION_HEADING = /^\s*(?:beschlu(?:ss|ß)(?:text|fassung|inhalt)?|petitum\/beschluss|beschluss\s+des\s+\S.*)\s*:?\s*$/iu;

/** A line of its own that says "Beschluss:" inside a section: what follows it is the decision. */
const DECISION_LINE = /^[ \t]*beschlu(?:ss|ß)[ \t]*:[ \t]*$/imu;
/** Every such line of a section (a section with more than one holds several decisions). */
const DECISION_LINES = new RegExp(DECISION_LINE.source, 'gimu');

/** A line of the procedure that calls a vote ("Stadtverordnetenvorsteher Löser bittet um Abstimmung …"), where a "Beschluss:" line follows it. */
const CALLS_VOTE = /\b(?:Abstimmung|abstimmen)\b/iu;

/** Line i calls a vote right before a "Beschluss:" line ("Stadtverordnetenvorsteher Löser bittet um Abstimmung …"). */
const callsVote = (lines: readonly string[], i: number): boolean =>
  i + 1 < lines.length && DECISION_LINE.test(lines[i + 1]) && CALLS_VOTE.test(lines[i]);

/**
 * What a line calling a vote says the vote was on, without who called it: "… bittet daraufhin um Abstimmung über den
 * Gesamtbeschluss:" → "Abstimmung über den Gesamtbeschluss:", "… lässt über den Gesamtbeschluss abstimmen:" → "Abstimmung
 * über den Gesamtbeschluss:"; null when it says no more than that a vote was called.
 */
function voteSubject(line: string): string | null {
  const tail = /\bAbstimmung\b.*$/iu.exec(line)?.[0];
  if (tail) return /^Abstimmung\W*$/iu.test(tail) ? null : `A${tail.slice(1)}`;
  // (\b does not know "ü": letters around the words are looked at instead)
  const about = /(?<!\p{L})über(?!\p{L})(.+?)\s*(?<!\p{L})abstimmen(?!\p{L})(\W*)$/iu.exec(line);
  return about ? `Abstimmung über${about[1]}${about[2].trim()}` : null;
}

/** A line with a vote ("Abstimmung: …", "Abstimmungsergebnis: …"): a decision's text ends with it. */
const VOTE_LINE = /^[ \t]*Abstimmung(?:sergebnis)?[ \t]*:/iu;

/**
 * A section with two or more decisions (Taunusstein: first the committee's proposal, then the whole budget): each
 * "Beschluss:" line and the decision after it up to its vote, each vote, and before each decision what the vote was on
 * (voteSubject) — not who called it, and not the procedure before the first decision or between a vote and the next
 * call (it names speakers).
 */
function decisions(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let inDecision = false;
  lines.forEach((line, i) => {
    if (callsVote(lines, i)) {
      const subject = voteSubject(line);
      if (subject) out.push(subject);
      inDecision = false;
    } else if (DECISION_LINE.test(line)) {
      out.push(line);
      inDecision = true;
    } else if (inDecision) {
      out.push(line);
      if (VOTE_LINE.test(line)) inDecision = false;
    }
  });
  return out.join('\n').trim();
}

/** The lines of `text` without those that call a vote right before a "Beschluss:" line (the decision follows). */
function withoutVoteCalls(text: string): string {
  const lines = text.split('\n');
  return lines.filter((_line, i) => !callsVote(lines, i)).join('\n');
}

/** A vote as a table's cells in one line ("Abstimmung: | Dafür: | 25 | Dagegen: | 8 | Enthaltungen: | 0", ALLRIS 4). */
const VOTE_CELLS = /^([ \t]*Abstimmung(?:sergebnis)?[ \t]*:)[ \t]*\|(.*)$/gimu;

/** A vote table's line as words: "Abstimmung: Dafür 25, Dagegen 8, Enthaltungen 0", "Abstimmung: einstimmig bei einer Enthaltung". */
function voteLines(text: string): string {
  return text.replace(VOTE_CELLS, (_line, head: string, rest: string) => {
    const cells = rest.split('|').map((c) => c.trim()).filter((c) => c !== '');
    const words: string[] = [];
    for (let i = 0; i < cells.length; i++) {
      const label = /^(.+?)\s*:$/u.exec(cells[i]);
      if (label && i + 1 < cells.length && /^\d+$/.test(cells[i + 1])) words.push(`${label[1]} ${cells[++i]}`);
      else words.push(cells[i]);
    }
    return `${head.trim()} ${words.join(', ')}`;
  });
}

/**
 * A section's decision: its text, or — where one line "Beschluss:" stands after other lines (Taunusstein: "Stadt-
 * verordnetenvorsteher … bittet um Abstimmung …", then "Beschluss:") — what follows that line: the procedure
 * before it is no part of the decision. A section with two or more decisions (Taunusstein: first the committee's
 * proposal, then the whole budget) keeps its decisions, votes and what each vote was on (decisions), not who asked. A vote
 * given as a table's cells reads as words.
 */
function decisionPart(text: string): string {
  const m = DECISION_LINE.exec(text);
  if (!m) return voteLines(text.trim());
  if ((text.match(DECISION_LINES) ?? []).length > 1) return voteLines(decisions(text.trim()));
  if (m.index === 0) return voteLines(text.trim());
  const rest = withoutVoteCalls(text.slice(m.index + m[0].length)).trim();
  return voteLines(rest === '' ? text.trim() : rest);
}

/** The decision text: every Beschluss section, in page order (null when there is none). */
export function decisionTextOf(sections: readonly TextSection[] | null | undefined, oparlText = false): string | null {
  const parts = (sections ?? [])
    .filter((s) => (s.heading == null ? oparlText : DECISION_HEADING.test(s.heading)))
    .map((s) => decisionPart(s.text))
    .filter((t) => t !== '');
  return parts.length ? parts.join('\n\n') : null;
}

/**
 * The vote as one line: all three counts known → "Dafür 25, Dagegen 8, Enthaltungen 0"; otherwise the
 * statement as the page gives it ("einstimmig mit zwei Enthaltungen"). Null without a vote.
 */
export function formatVote(vote: Vote | null | undefined): string | null {
  if (!vote) return null;
  if (vote.yes != null && vote.no != null && vote.abstain != null) {
    return `Dafür ${vote.yes}, Dagegen ${vote.no}, Enthaltungen ${vote.abstain}`;
  }
  const text = vote.text.trim();
  return text === '' ? null : text;
}

export function decisionOf(item: Pick<DecisionItem, 'vote' | 'text' | 'oparlText' | 'status'> | null | undefined): DecisionView {
  if (!item) return { voteText: null, decisionText: null, statusText: null };
  const status = item.status ? `${item.status.text}${item.status.date ? ` (${formatGermanDate(item.status.date)})` : ''}` : null;
  return { voteText: formatVote(item.vote), decisionText: decisionTextOf(item.text, item.oparlText), statusText: status };
}

/** A meeting row of a station, with what links it to an agenda item. */
export interface RowToMatch {
  date: string | null;
  agendaItemSourceId: string | null;
  /** the agenda item linked to the row (consultation_meetings.agenda_item_id) */
  agendaItemId?: number | null;
  /** the meeting the row is linked to */
  meetingId?: number | null;
}

/**
 * The agenda item of a meeting row, first match wins: the item linked to the row; the item with the
 * row's TOLFDNR; the item of the row's meeting; the one item of the same day and committee. Null when
 * none (or, by day and committee, more than one) matches.
 */
export function itemOfRow<T extends DecisionItem>(row: RowToMatch, organization: string | null, items: readonly T[]): T | null {
  if (row.agendaItemId != null) {
    const linked = items.find((i) => i.id === row.agendaItemId);
    if (linked) return linked;
  }
  if (row.agendaItemSourceId) {
    const bySid = items.find((i) => i.externalId === row.agendaItemSourceId);
    if (bySid) return bySid;
  }
  if (row.meetingId != null) {
    const byMeeting = items.filter((i) => i.meetingId === row.meetingId);
    if (byMeeting.length === 1) return byMeeting[0];
  }
  if (!row.date) return null;
  const sameDay = items.filter((i) => i.date === row.date && (organization == null || i.organization == null || i.organization === organization));
  return sameDay.length === 1 ? sameDay[0] : null;
}
