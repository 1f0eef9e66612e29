/**
 * The short German phrases every view uses for what comes next — so the motion page, its calendar and
 * feed, the lists' feeds, the committee queue and the agenda check say it the same way. Pure.
 *  - next step: "Rat der Stadt Musterstadt am 17.12.2026 (Entscheidung)", "… , noch ohne Termin";
 *  - from an agenda: "laut Tagesordnung der Sitzung vom 17.12.2026";
 *  - a committee that met without a published result: "Hauptausschuss: Sitzung am 07.07.2026,
 *    Ergebnis noch nicht veröffentlicht";
 *  - a deadline: "muss vor dem 17.12.2026 beraten werden — Rat der Stadt Musterstadt";
 *  - days: "1 Tag", "46 Tage"; running: "seit 1 Tag", "seit 46 Tagen" (dative plural).
 */
import { formatGermanDate } from './german-format';
import { UNKNOWN_COMMITTEE, undatedText } from './explain';
import type { AwaitedResult, Deadline, NextStep } from './progress-types';

export const committeeName = (organization: string | null | undefined): string => organization ?? UNKNOWN_COMMITTEE;

/**
 * "Rat der Stadt Musterstadt am 17.12.2026 (Entscheidung)", "Hauptausschuss (Vorberatung), noch ohne Termin",
 * or, where its meeting was cancelled, "Hauptausschuss (Vorberatung), noch ohne neuen Termin (Sitzung am 10.12.2026 abgesagt)".
 */
export function nextStepText(next: Pick<NextStep, 'organization' | 'role' | 'date' | 'cancelledDate'>): string {
  const role = next.role ? ` (${next.role})` : '';
  return next.date ? `${committeeName(next.organization)} am ${formatGermanDate(next.date)}${role}` : `${committeeName(next.organization)}${role}, ${undatedText(next)}`;
}

/** "laut Tagesordnung der Sitzung vom 17.12.2026" — where a date comes from a published agenda. */
export function agendaSourceText(agenda: { date: string } | null | undefined): string | null {
  return agenda ? `laut Tagesordnung der Sitzung vom ${formatGermanDate(agenda.date)}` : null;
}

/** "Sitzung am 07.07.2026, Ergebnis noch nicht veröffentlicht" (without the committee). */
export function awaitingText(a: Pick<AwaitedResult, 'date'>): string {
  return a.date ? `Sitzung am ${formatGermanDate(a.date)}, Ergebnis noch nicht veröffentlicht` : 'beraten, Ergebnis noch nicht veröffentlicht';
}

/** "muss vor dem 17.12.2026 beraten werden — Rat der Stadt Musterstadt" */
export function deadlineText(d: Pick<Deadline, 'before' | 'nextOrganization'>): string {
  return `muss vor dem ${formatGermanDate(d.before)} beraten werden — ${committeeName(d.nextOrganization)}`;
}

/** "1 Tag", "46 Tagen" (dative plural, after "seit" and "vor"). */
const daysDative = (days: number): string => (days === 1 ? '1 Tag' : `${days} Tagen`);

/** "1 Tag", "46 Tage"; running (counted up to today): "seit 1 Tag", "seit 46 Tagen". */
export function daysText(days: number, running: boolean): string {
  if (running) return `seit ${daysDative(days)}`;
  return days === 1 ? '1 Tag' : `${days} Tage`;
}

/** "vor 1 Tag", "vor 46 Tagen". */
export const daysAgoText = (days: number): string => `vor ${daysDative(days)}`;
