/**
 * Meetings the RIS marks as cancelled (CONTRACTS.md §2: they stay meetings, with `cancelled: true`):
 * "AUSFALL", "ENTFÄLLT!", "entfällt", "(ABGESAGT!!)", "abgesagt", "fällt aus", "ausgefallen", "storniert",
 * ALLRIS 4's "Sitzung abgesagt" status. Kept as data; a postponement ("verschoben") is no cancellation. Pure.
 */
import { cleanText } from './text';

/** The words that mark a cancelled meeting, matched as whole words, case-insensitive. */
export const CANCEL_MARKS: readonly RegExp[] = [
  /(?<![\p{L}])ausfall(?![\p{L}])/iu,
  /(?<![\p{L}])entf(ä|ae)llt(?![\p{L}])/iu,
  /(?<![\p{L}])abgesagt(?![\p{L}])/iu,
  /(?<![\p{L}])f(ä|ae)llt\s+aus(?![\p{L}])/iu,
  /(?<![\p{L}])ausgefallen(?![\p{L}])/iu,
  /(?<![\p{L}])storniert(?![\p{L}])/iu,
  /(?<![\p{L}])cancell?ed(?![\p{L}])/iu,
];

/** True when a meeting's name, status or row text says it is cancelled. */
export function isCancelledText(text: string | null | undefined): boolean {
  const t = cleanText(text);
  return t !== null && CANCEL_MARKS.some((re) => re.test(t));
}

/** True for a text that is nothing but a cancel mark ("AUSFALL", "- entfällt -", "(abgesagt!)"): no meeting name. */
export function isOnlyCancelMark(text: string | null | undefined): boolean {
  const t = cleanText(text);
  if (t === null || !isCancelledText(t)) return false;
  const rest = CANCEL_MARKS.reduce((s, re) => s.replace(new RegExp(re.source, 'giu'), ''), t);
  return !/[\p{L}\d]/u.test(rest.replace(/\b(die|diese|sitzung|termin)\b/giu, ''));
}

/** `{ cancelled: true }` to spread into a record entry when cancelled; nothing otherwise (the field stays absent). */
export function cancelledField(cancelled: boolean): { cancelled?: true } {
  return cancelled ? { cancelled: true } : {};
}

/** Head labels whose value may say the meeting is cancelled (labelKey form): name, status, Zusatz, Anlass, Bemerkung. */
const MEETING_MARK_KEYS = /^(bezeichnung|betreff|sitzung|status|sitzungsstatus|zusatz|anlass|bemerkung|hinweis)$/;

/**
 * True when a meeting page's head says the meeting is cancelled: its title, name or status, or a
 * Zusatz / Anlass / Bemerkung field ("AUSFALL", "Sitzung entfällt", "abgesagt"). The agenda is not read.
 */
export function meetingHeadCancelled(
  fields: readonly { key: string; text: string | null }[],
  shown: readonly (string | null)[],
): boolean {
  return shown.some(isCancelledText) || fields.some((f) => MEETING_MARK_KEYS.test(f.key) && isCancelledText(f.text));
}
