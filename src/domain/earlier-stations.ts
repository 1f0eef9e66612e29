/**
 * For staff preparing a meeting: the stations of a motion's Beratungsfolge before the station this
 * meeting deals it in, and what became of each — "Vorberatung im Hauptausschuss am 03.12.2026:
 * ungeändert beschlossen". The station of the meeting is the one the agenda check finds
 * (./agenda-check.ts); steps known only from other agendas are left out, as there. Pure.
 */
import { checkAgendaItem, type AgendaSlot } from './agenda-check';
import { formatGermanDate } from './german-format';
import { UNKNOWN_COMMITTEE } from './explain';
import type { ProgressSummary, SummaryStation } from './progress-summary';

/** Head nouns of committee names by grammatical gender (lower case; a name's word ending in one of them decides). */
const FEMININE = ['versammlung', 'vertretung', 'kommission', 'konferenz', 'runde', 'deputation', 'gruppe', 'vollversammlung', 'kammer'];
const MASCULINE_NEUTER = ['ausschuss', 'rat', 'beirat', 'tag', 'gremium', 'kollegium', 'präsidium', 'plenum', 'forum', 'komitee', 'senat', 'vorstand'];

/**
 * "im Hauptausschuss", "in der Bezirksversammlung Hamburg-Nord", "im Rat der Stadt Musterstadt"; a name
 * whose head noun is not known gets no guessed article but brackets: "(Name)".
 */
export function inCommittee(name: string | null): string {
  const n = name?.trim() || UNKNOWN_COMMITTEE;
  if (name) {
    for (const word of n.toLowerCase().split(/[\s/]+/)) {
      const w = word.replace(/[^\p{L}-]/gu, '').split('-').pop() ?? '';
      if (FEMININE.some((s) => w.endsWith(s))) return `in der ${n}`;
      if (MASCULINE_NEUTER.some((s) => w.endsWith(s))) return `im ${n}`;
    }
  }
  return `(${n})`;
}

/** "Vorberatung im Hauptausschuss": a station's role and committee. */
const stationHead = (s: SummaryStation): string => `${s.role?.trim() || 'Beratung'} ${inCommittee(s.organization)}`;

/** What became of one station, as one line. */
export function stationLine(s: SummaryStation): string {
  const head = stationHead(s);
  if (s.status === 'skipped') return `${head}: übersprungen`;
  if (s.lastDate) {
    const at = `${head} am ${formatGermanDate(s.lastDate)}`;
    if (s.awaitingResult) return `${at}: Ergebnis noch nicht veröffentlicht`;
    if (s.result) return `${at}: ${s.result}`;
    return `${at}: ${s.status === 'stopped' ? 'gestoppt' : 'ohne Ergebnis im RIS'}`;
  }
  if (s.status === 'stopped') return `${head}: gestoppt`;
  if (s.status === 'done') return `${head}: erledigt${s.result ? ` (${s.result})` : ''}`;
  return s.nextDate ? `${head}: noch nicht beraten, Termin ${formatGermanDate(s.nextDate)}` : `${head}: noch nicht beraten, kein Termin`;
}

export interface EarlierStation {
  stationIndex: number;
  /** the station is done (or skipped): nothing open there */
  settled: boolean;
  text: string;
}

/**
 * The stations before the meeting's station in the motion's own Beratungsfolge, in page order, then the meeting's
 * station's own earlier meetings with a result ("Vorberatung im Schulausschuss am 29.06.2026: vertagt": the same
 * committee dealt with it before) — [] when there is none.
 */
export function earlierStations(pr: ProgressSummary, at: AgendaSlot): EarlierStation[] {
  const { station } = checkAgendaItem(pr, at);
  if (station == null) return [];
  const before = pr.stations
    .slice(0, station)
    .filter((s) => !s.fromAgenda)
    .map((s) => ({ stationIndex: s.index, settled: (s.status === 'done' || s.status === 'skipped') && !s.awaitingResult, text: stationLine(s) }));
  const own = pr.stations[station];
  const again = (own?.meetings ?? [])
    .filter((m): m is { date: string; result: string } => m.result != null && m.date != null && m.date < at.date)
    .map((m) => ({ stationIndex: own.index, settled: true, text: `${stationHead(own)} am ${formatGermanDate(m.date)}: ${m.result}` }));
  return [...before, ...again];
}
