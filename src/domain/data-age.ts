/**
 * How old a paper's data is, and the day its durations are counted to. Pure: today is a parameter.
 *
 * A page saved in August and imported in December says nothing about September to December, so
 * "seit 152 Tagen" counted to December would claim a knowledge ratsradar does not have.
 *
 * RULES
 *  1. asOf: the Europe/Berlin day of `dataAsOf` (an instant, or a plain YYYY-MM-DD day), when the data was
 *     last read from the RIS; null when not known (or not a readable date).
 *  2. Known up to: the later of asOf and the latest meeting date that has a result (`heldDates`) and is not
 *     after today: a result proves the data is at least that recent, whatever the read time says (a saved
 *     page's stated time can be older than its content).
 *  3. countTo, the day durations run to: that known day when it lies before today, else today. With asOf
 *     unknown: today (nothing better is known; the page says the read time is unknown).
 *  4. ageDays: whole days from asOf to today (0 when asOf is today or later); stale when ageDays is more than
 *     DATA_MAX_AGE_DAYS — the motion page then warns that its data may be out of date.
 *  5. Wording: stamp "Stand der Daten: 14.08.2026" (or "… unbekannt"); countNote, only when countTo is
 *     before today: "Dauern sind bis zum 14.08.2026 gezählt, dem Stand der Daten." (or "…, dem Tag der
 *     letzten Sitzung mit Ergebnis." when rule 2 moved it past asOf); notice, only when
 *     stale: "Die Daten dieser Vorlage haben den Stand vom 14.08.2026 (vor 114 Tagen)." (a stand, not a read:
 *     for saved pages the time the page states, an OParl object's `modified`, not when it was read)
 */
import { daysBetween, isIsoDate } from './dates';
import { daysDative, formatGermanDate } from './german-format';

/** Data read longer ago than this many days is flagged on the motion page (README "Age of the data"). */
export const DATA_MAX_AGE_DAYS = 30;

/** What a paper given to progress() may carry beside its record: when its data was read (src/db/data-as-of.ts). */
export interface DatedPaper {
  dataAsOf?: string | null;
}

export interface DataAgeInput {
  today: string;
  /** when the data was last read from the RIS: an ISO instant ("2026-08-14T09:12:00Z") or day; null: unknown */
  dataAsOf: string | null | undefined;
  /** dates of meeting rows that have a result */
  heldDates?: readonly (string | null)[];
}

export interface DataAge {
  /** the Berlin day the data was read, or null when not known */
  asOf: string | null;
  /** the day durations run to (countTo <= today) */
  countTo: string;
  /** countTo lies before today: durations stop at the data's day */
  capped: boolean;
  ageDays: number | null;
  stale: boolean;
  stamp: string;
  countNote: string | null;
  notice: string | null;
}

const BERLIN_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Europe/Berlin day of an instant ("2026-08-13T23:30:00Z" → "2026-08-14"); a plain day stays; else null. */
export function berlinDayOf(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  if (isIsoDate(value)) return value;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : BERLIN_DAY.format(new Date(ms));
}

/** The day durations run to for a paper read at `dataAsOf` (rules 1–3); the part progress() needs. */
export function durationsEnd(today: string, dataAsOf: string | null | undefined, heldDates: readonly (string | null)[] = []): string {
  const asOf = berlinDayOf(dataAsOf);
  if (asOf == null) return today;
  let known = asOf;
  for (const d of heldDates) if (d != null && isIsoDate(d) && d <= today && d > known) known = d;
  return known < today ? known : today;
}

/** The dates of the meeting rows that have taken place with a result (rule 2's evidence), from derived stations. */
export function heldDates(stations: readonly { meetings: readonly { date: string | null; past: boolean; resultCode: string }[] }[]): string[] {
  const out: string[] = [];
  for (const s of stations) for (const m of s.meetings) if (m.past && m.resultCode !== 'open' && m.date != null) out.push(m.date);
  return out;
}

export function deriveDataAge(input: DataAgeInput): DataAge {
  const { today } = input;
  if (!isIsoDate(today)) throw new TypeError(`deriveDataAge: today must be YYYY-MM-DD, got "${String(today)}"`);
  const asOf = berlinDayOf(input.dataAsOf);
  const countTo = durationsEnd(today, input.dataAsOf, input.heldDates);
  const capped = countTo < today;
  const ageDays = asOf == null ? null : Math.max(0, daysBetween(asOf, today));
  const stale = ageDays != null && ageDays > DATA_MAX_AGE_DAYS;
  return {
    asOf,
    countTo,
    capped,
    ageDays,
    stale,
    stamp: `Stand der Daten: ${asOf == null ? 'unbekannt' : formatGermanDate(asOf)}`,
    countNote: !capped ? null
      : countTo === asOf ? `Dauern sind bis zum ${formatGermanDate(countTo)} gezählt, dem Stand der Daten.`
        : `Dauern sind bis zum ${formatGermanDate(countTo)} gezählt, dem Tag der letzten Sitzung mit Ergebnis.`,
    notice: stale && asOf != null
      ? `Die Daten dieser Vorlage haben den Stand vom ${formatGermanDate(asOf)} (vor ${daysDative(ageDays as number)}).`
      : null,
  };
}
