/** Stored dates → Date: "2026-12-03" is midnight in Berlin; an ISO timestamp is that instant; anything else null. */
import { berlinToUtc } from '../util/berlin-time';

export function toDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return berlinToUtc(value, '00:00');
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t);
}

/** "2026-12-03" → "03.12.2026". */
export function dayDe(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}
