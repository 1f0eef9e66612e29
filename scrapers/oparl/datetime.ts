/**
 * OParl dates and times (RFC 3339 with offset, or YYYY-MM-DD) → Europe/Berlin local date and HH:MM,
 * as the HTML pages show them (CONTRACTS.md). ALLRIS's placeholders are dropped (ALLRIS-NOTES §6):
 * timestamps at 2000-01-01 00:00 (Braunschweig's created/modified) mean "unknown", and a meeting's
 * `end` at the midnight after its start means "no end given". Pure: the time zone rules come from Intl.
 */
import { oparlString } from './quirks';

export interface LocalDateTime {
  date: string;
  /** HH:MM, or null for a date without a time */
  time: string | null;
  /**
   * the UTC offset the source gave ("+01:00"), only where the Berlin local time occurs twice (the hour
   * repeated when summer time ends): HH:MM alone cannot say which of the two instants it was
   */
  offset?: string;
}

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;

const BERLIN = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function berlin(epochMs: number): LocalDateTime {
  const parts: Record<string, string> = {};
  for (const p of BERLIN.formatToParts(new Date(epochMs))) parts[p.type] = p.value;
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

function validDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** Reads an OParl date or date-time into Berlin local time; unreadable values and placeholders are null. */
export function oparlDateTime(v: unknown): LocalDateTime | null {
  const s = oparlString(v);
  if (!s) return null;
  const m = RFC3339.exec(s);
  if (!m) return null;
  const [, y, mo, d, h, mi, , zone] = m;
  if (!validDate(Number(y), Number(mo), Number(d)) || (h !== undefined && (Number(h) > 23 || Number(mi) > 59))) return null;
  let local: LocalDateTime;
  if (h === undefined) local = { date: `${y}-${mo}-${d}`, time: null };
  else if (!zone) local = { date: `${y}-${mo}-${d}`, time: `${h}:${mi}` };
  else {
    let offsetMin = 0;
    if (zone.toUpperCase() !== 'Z') {
      const z = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
      offsetMin = (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3]));
    }
    const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi)) - offsetMin * 60000;
    local = berlin(utc);
    if (occursTwice(utc, local)) local.offset = formatOffset(utc, local);
  }
  if (isPlaceholderTimestamp(local)) return null;
  return local;
}

const sameWallTime = (a: LocalDateTime, b: LocalDateTime) => a.date === b.date && a.time === b.time;

/** Whether the Berlin wall time of the instant `utc` also stands for the instant an hour before or after it. */
function occursTwice(utc: number, local: LocalDateTime): boolean {
  return sameWallTime(berlin(utc - 3_600_000), local) || sameWallTime(berlin(utc + 3_600_000), local);
}

/** "+01:00" / "+02:00": Berlin's offset at the instant `utc`, whose wall time is `local`. */
function formatOffset(utc: number, local: LocalDateTime): string {
  const [y, mo, d] = local.date.split('-').map(Number);
  const [h, mi] = local.time!.split(':').map(Number);
  const minutes = Math.round((Date.UTC(y, mo - 1, d, h, mi) - utc) / 60000);
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** ALLRIS 4 writes 2000-01-01T00:00:00+01:00 where it has no timestamp. */
export function isPlaceholderTimestamp(t: LocalDateTime): boolean {
  return t.date === '2000-01-01' && t.time === '00:00';
}

/** The local date of an OParl date or date-time, or null. */
export function oparlDate(v: unknown): string | null {
  return oparlDateTime(v)?.date ?? null;
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** ALLRIS's `end` placeholder: midnight at the end of the start day ("2027-12-02T00:00:00+01:00" for a start on 12-01). */
export function isNextMidnight(start: LocalDateTime | null, end: LocalDateTime): boolean {
  return start !== null && end.time === '00:00' && end.date === nextDay(start.date);
}
