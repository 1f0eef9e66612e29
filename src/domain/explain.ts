/**
 * The sentences that say why a paper has its state: which station and which meeting row set it.
 * German (DD.MM.YYYY, „…“) for the pages, English (YYYY-MM-DD, “…”) for the JSON and logs. Pure.
 */
import type { SequenceSource } from './paper';
import type { AwaitedResult, Deadline, NextStep, RowRef } from './progress-types';
import { formatGermanDate } from './german-format';
import { capitalise, STATE_LABELS, STATE_LABELS_EN, type PaperState } from './states';
import { HOLDING_RESULTS, type MeetingProgress, type StationProgress } from './stations';

export interface ExplainInput {
  state: PaperState;
  stations: readonly StationProgress[];
  /** The row that decided (or withdrew) the paper. */
  setter: RowRef | null;
  stoppedStation: number | null;
  /** Every station of the page is shown "Erledigt": the deciding one (progress rule 3). */
  risDone?: number | null;
  next: NextStep | null;
  awaiting?: AwaitedResult | null;
  deadlines?: readonly Deadline[];
  /** The latest past meeting row. */
  lastRow: RowRef | null;
  paperDate: string | null;
  stalledSince: string | null;
  /** where the Beratungsfolge is known from, where not from the paper's own page (domain/paper.ts SequenceSource) */
  sequence?: SequenceSource;
}

const de = (s: string) => `„${s}“`;
const en = (s: string) => `“${s}”`;

/** " (Sitzung am 10.12.2026 abgesagt)" where the step's meeting was cancelled, else "". */
const cancelledNote = (next: Pick<NextStep, 'cancelledDate'>): string =>
  next.cancelledDate ? ` (Sitzung am ${formatGermanDate(next.cancelledDate)} abgesagt)` : '';
const cancelledNoteEn = (next: Pick<NextStep, 'cancelledDate'>): string =>
  next.cancelledDate ? ` (the meeting on ${next.cancelledDate} was cancelled)` : '';

/**
 * "noch ohne Termin"; "noch ohne neuen Termin (Sitzung am 10.12.2026 abgesagt)" where the step's meeting was cancelled;
 * "einer Sitzung zugeordnet, deren Datum nicht bekannt ist" where its row names a meeting without a date.
 */
export function undatedText(next: Pick<NextStep, 'cancelledDate' | 'undatedMeeting'>): string {
  if (next.cancelledDate) return `noch ohne neuen Termin${cancelledNote(next)}`;
  return next.undatedMeeting ? 'einer Sitzung zugeordnet, deren Datum nicht bekannt ist' : 'noch ohne Termin';
}

/** "no date yet", "no new date yet (the meeting on 2026-12-10 was cancelled)", or "assigned to a meeting whose date is not known". */
export function undatedTextEn(next: Pick<NextStep, 'cancelledDate' | 'undatedMeeting'>): string {
  if (next.cancelledDate) return `no new date yet${cancelledNoteEn(next)}`;
  return next.undatedMeeting ? 'assigned to a meeting whose date is not known' : 'no date yet';
}

/** What a committee is called where its name is not known (never an empty box or sentence). */
export const UNKNOWN_COMMITTEE = 'Gremium nicht bekannt';

function orgDe(s: { organization: string | null }): string {
  return s.organization ?? UNKNOWN_COMMITTEE;
}
function orgEn(s: { organization: string | null }): string {
  return s.organization ?? 'committee not known';
}
/** "FA Wirtschaft (1. Lesung)" — the station with its role where one is shown. */
function stationDe(s: { organization: string | null; role: string | null }): string {
  return s.role ? `${orgDe(s)} (${s.role})` : orgDe(s);
}
function stationEn(s: { organization: string | null; role: string | null }): string {
  return s.role ? `${orgEn(s)} (${s.role})` : orgEn(s);
}

export function explain(c: ExplainInput): { de: string; en: string } {
  const headDe = capitalise(STATE_LABELS[c.state]);
  const headEn = capitalise(STATE_LABELS_EN[c.state]);
  const row = (r: RowRef): [StationProgress, MeetingProgress] => [c.stations[r.s], c.stations[r.s].meetings[r.m]];

  // Decided, rejected, noted, withdrawn, settled: the row that ended it.
  if (c.setter) {
    const [s, m] = row(c.setter);
    const result = m.result ?? m.resultCode;
    const roleDe = s.role ? ` (${s.role})` : '';
    if (m.resultCode === 'withdrawn') {
      const whereDe = s.role ? `${orgDe(s)}, ${s.role}` : orgDe(s);
      const whereEn = s.role ? `${orgEn(s)}, ${s.role}` : orgEn(s);
      return {
        de: `${headDe}: in der Sitzung${m.date ? ` am ${formatGermanDate(m.date)}` : ''} (${whereDe}) als ${de(result)} vermerkt.`,
        en: `${headEn}: recorded as ${en(result)} at the meeting${m.date ? ` on ${m.date}` : ''} (${whereEn}).`,
      };
    }
    const tailDe = m.resultCode === 'settled' ? '; die Beratung ist damit beendet.' : '.';
    const tailEn = m.resultCode === 'settled' ? '; the deliberation has ended.' : '.';
    return {
      de: `${headDe}: ${orgDe(s)} hat${m.date ? ` am ${formatGermanDate(m.date)}` : ''} ${de(result)}${roleDe}${tailDe}`,
      en: `${headEn}: ${orgEn(s)} resolved ${en(result)}${m.date ? ` on ${m.date}` : ''}${s.role ? ` (${s.role})` : ''}${tailEn}`,
    };
  }

  if (c.state === 'stopped' && c.stoppedStation != null) {
    const s = c.stations[c.stoppedStation];
    const dated = [...s.meetings].reverse().find((m) => m.date != null);
    const partsDe = [s.role, dated?.date ? `Sitzung am ${formatGermanDate(dated.date)}` : null].filter(Boolean).join(', ');
    const partsEn = [s.role, dated?.date ? `meeting on ${dated.date}` : null].filter(Boolean).join(', ');
    return {
      de: `${headDe}: die Station ${de(orgDe(s))}${partsDe ? ` (${partsDe})` : ''} ist als ${de(s.stationStatus ?? 'Gestoppt')} markiert; danach ist nichts mehr geschehen oder geplant.`,
      en: `${headEn}: the station ${en(orgEn(s))}${partsEn ? ` (${partsEn})` : ''} is marked ${en(s.stationStatus ?? 'Gestoppt')}; nothing has happened or is planned after it.`,
    };
  }

  if (c.risDone != null) {
    const s = c.stations[c.risDone];
    const row = [...s.meetings].reverse().find((m) => m.past);
    const whenDe = s.lastDate ? ` am ${formatGermanDate(s.lastDate)}` : '';
    const whenEn = s.lastDate ? ` on ${s.lastDate}` : '';
    const resDe = row?.result ? `; letztes Ergebnis: ${de(row.result)}` : '; ein Ergebnis ist nicht angegeben';
    const resEn = row?.result ? `; last result: ${en(row.result)}` : '; no result is given';
    return {
      de: `${headDe}: alle Stationen sind im RIS als ${de('Erledigt')} markiert, zuletzt ${stationDe(s)}${whenDe}${resDe}.`,
      en: `${headEn}: every station is marked ${en('Erledigt')} in the RIS, last ${stationEn(s)}${whenEn}${resEn}.`,
    };
  }

  const last = lastDe(c);
  const lastE = lastEn(c);
  const dl = deadlinesDe(c);
  const dlE = deadlinesEn(c);

  if (c.state === 'scheduled' && c.next?.date) {
    const fromDe = c.next.agenda ? ` (laut Tagesordnung der Sitzung vom ${formatGermanDate(c.next.agenda.date)})` : '';
    const fromEn = c.next.agenda ? ` (on the published agenda of the meeting of ${c.next.agenda.date})` : '';
    return {
      de: `${headDe}: ${stationDe(c.next)} am ${formatGermanDate(c.next.date)}${fromDe}${last ? `; zuletzt ${last}` : ''}${dl}.`,
      en: `${headEn}: ${stationEn(c.next)} on ${c.next.date}${fromEn}${lastE ? `; last ${lastE}` : ''}${dlE}.`,
    };
  }

  if (c.state === 'stalled') {
    const since = c.stalledSince as string;
    // a deferral or referral that nothing followed (progress rule 6) is named with its result
    const lastMeeting = c.lastRow ? c.stations[c.lastRow.s].meetings[c.lastRow.m] : null;
    const lastResult = lastMeeting && (HOLDING_RESULTS.has(lastMeeting.resultCode) || lastMeeting.resultCode === 'referred') ? lastMeeting.result : null;
    const whoDe = c.lastRow ? `${orgDe(c.stations[c.lastRow.s])}${lastResult ? `, ${de(lastResult)}` : ''}` : 'Datum der Vorlage';
    const whoEn = c.lastRow ? `${orgEn(c.stations[c.lastRow.s])}${lastResult ? `, ${en(lastResult)}` : ''}` : 'date of the paper';
    const newDe = c.next?.cancelledDate ? 'neuen ' : '';
    const newEn = c.next?.cancelledDate ? 'new ' : '';
    const openDe = c.next ? ` Offen ist noch ${stationDe(c.next)}, ohne ${newDe}Termin${cancelledNote(c.next)}.` : '';
    const openEn = c.next ? ` Still open: ${stationEn(c.next)}, no ${newEn}date${cancelledNoteEn(c.next)}.` : '';
    return {
      de: `${headDe}: seit dem ${formatGermanDate(since)} (${whoDe}) ist nichts geschehen und nichts geplant.${openDe}`,
      en: `${headEn}: nothing has happened since ${since} (${whoEn}) and nothing is planned.${openEn}`,
    };
  }

  if (c.state === 'submitted') {
    const whenDe = c.paperDate ? `am ${formatGermanDate(c.paperDate)} vorgelegt, ` : '';
    const whenEn = c.paperDate ? `dated ${c.paperDate}, ` : '';
    if (c.stations.length === 0 && c.sequence === 'unknown') {
      return {
        de: `${headDe}: ${whenDe}die Beratungsfolge ist nicht bekannt (die Seite der Vorlage wurde nicht gelesen).`,
        en: `${headEn}: ${whenEn}its consultations are not known (the paper's own page was not read).`,
      };
    }
    if (c.stations.length === 0) {
      return { de: `${headDe}: ${whenDe}keine Beratungsfolge angegeben.`, en: `${headEn}: ${whenEn}no consultations listed.` };
    }
    // a meeting without a known date may have passed: not "noch nicht beraten"
    const notYetDe = c.next?.undatedMeeting ? '' : 'noch nicht beraten';
    const notYetEn = c.next?.undatedMeeting ? '' : 'not yet deliberated';
    const nextDe = c.next ? `als Nächstes ${stationDe(c.next)}, ${undatedText(c.next)}` : '';
    const nextEn = c.next ? `next ${stationEn(c.next)}, ${undatedTextEn(c.next)}` : '';
    return {
      de: `${headDe}: ${[`${whenDe}${notYetDe}`.replace(/, $/, ''), nextDe].filter(Boolean).join('; ')}.`,
      en: `${headEn}: ${[`${whenEn}${notYetEn}`.replace(/, $/, ''), nextEn].filter(Boolean).join('; ')}.`,
    };
  }

  // In deliberation (and anything else not final).
  if (c.awaiting) {
    const a = c.awaiting;
    const heldDe = a.date ? `Sitzung am ${formatGermanDate(a.date)}` : 'beraten';
    const heldEn = a.date ? `met on ${a.date}` : 'deliberated';
    const thenDe = c.next ? `; danach ${stationDe(c.next)}, ${undatedText(c.next)}` : '';
    const thenEn = c.next ? `; then ${stationEn(c.next)}, ${undatedTextEn(c.next)}` : '';
    return {
      de: `${headDe}: ${stationDe(a)}, ${heldDe}, Ergebnis noch nicht veröffentlicht${thenDe}.`,
      en: `${headEn}: ${stationEn(a)} ${heldEn}, result not yet published${thenEn}.`,
    };
  }
  let nextDe: string;
  let nextEn: string;
  const lastStation = c.lastRow ? c.stations[c.lastRow.s] : null;
  if (c.next && lastStation && c.next.stationIndex === lastStation.index && lastStation.status === 'current') {
    const lastMeeting = lastStation.meetings[(c.lastRow as RowRef).m];
    const holding = HOLDING_RESULTS.has(lastMeeting.resultCode);
    nextDe = holding ? `ein neuer Termin steht noch aus${cancelledNote(c.next)}` : 'das Ergebnis steht noch aus';
    nextEn = holding ? `no new date yet${cancelledNoteEn(c.next)}` : 'the result is still outstanding';
  } else if (c.next) {
    nextDe = `als Nächstes ${stationDe(c.next)}, ${undatedText(c.next)}`;
    nextEn = `next ${stationEn(c.next)}, ${undatedTextEn(c.next)}`;
  } else if (c.sequence) {
    // the Beratungsfolge is what agendas showed: the paper may have gone on where ratsradar did not look
    nextDe = 'wie es weitergeht, ist nicht bekannt (die Beratungsfolge ist nur aus Tagesordnungen bekannt, die Seite der Vorlage wurde nicht gelesen)';
    nextEn = 'what comes next is not known (the consultations are known from agendas only, the paper\'s own page was not read)';
  } else {
    nextDe = 'keine weitere Station vorgesehen und kein Beschluss verzeichnet';
    nextEn = 'no further station listed and no decision recorded';
  }
  return {
    de: `${headDe}: ${last ? `zuletzt ${last}` : 'bisher ohne Sitzungstermin'}; ${nextDe}.`,
    en: `${headEn}: ${lastE ? `last ${lastE}` : 'no meeting date so far'}; ${nextEn}.`,
  };
}

/**
 * The latest past row: "Schulausschuss am 29.06.2026 („vertagt“)" quoting its result, or, without a
 * result, "Ratsversammlung (Verweisung in die Gremien) am 22.01.2020" naming the station's role unquoted.
 */
function lastDe(c: ExplainInput): string | null {
  if (c.lastRow) {
    const s = c.stations[c.lastRow.s];
    const m = s.meetings[c.lastRow.m];
    const role = !m.result && s.role ? ` (${s.role})` : '';
    return `${orgDe(s)}${role}${m.date ? ` am ${formatGermanDate(m.date)}` : ''}${m.result ? ` (${de(m.result)})` : ''}`;
  }
  const done = [...c.stations].reverse().find((s) => s.status === 'done' || s.status === 'current');
  return done ? `${stationDe(done)}, ${done.status === 'done' ? 'erledigt' : 'in Beratung'} ohne Sitzungsdatum` : null;
}

function lastEn(c: ExplainInput): string | null {
  if (c.lastRow) {
    const s = c.stations[c.lastRow.s];
    const m = s.meetings[c.lastRow.m];
    const role = !m.result && s.role ? ` (${s.role})` : '';
    return `${orgEn(s)}${role}${m.date ? ` on ${m.date}` : ''}${m.result ? ` (${en(m.result)})` : ''}`;
  }
  const done = [...c.stations].reverse().find((s) => s.status === 'done' || s.status === 'current');
  return done ? `${stationEn(done)}, ${done.status === 'done' ? 'done' : 'under way'} without a meeting date` : null;
}

/** "; vorher muss noch Ausschuss X (Vorberatung) beraten (vor dem 17.12.2026)" — the deadlines before a dated next step. */
function deadlinesDe(c: ExplainInput): string {
  const d = c.deadlines ?? [];
  if (!d.length) return '';
  return `; vorher muss noch ${d.map((x) => stationDe(x)).join(' und ')} beraten (vor dem ${formatGermanDate(d[0].before)})`;
}

function deadlinesEn(c: ExplainInput): string {
  const d = c.deadlines ?? [];
  if (!d.length) return '';
  return `; before that, ${d.map((x) => stationEn(x)).join(' and ')} must deliberate (before ${d[0].before})`;
}
