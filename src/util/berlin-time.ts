/** Local Europe/Berlin wall-clock time → the instant (Date), daylight saving time included. Pure: no clock. */

const fmt = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
});

/** Berlin's offset from UTC in minutes at this instant (60 or 120). */
function offsetMinutes(instant: number): number {
  const parts = Object.fromEntries(fmt.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
  return Math.round((asUtc - Math.floor(instant / 60000) * 60000) / 60000);
}

/** "2026-12-03" + "18:00" (Berlin) → 2026-12-03T17:00:00Z; null when date or time is not well-formed. */
export function berlinToUtc(date: string, time: string): Date | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{1,2}):(\d{2})$/.exec(time);
  if (!d || !t || Number(t[1]) > 23 || Number(t[2]) > 59) return null;
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  if (Number.isNaN(wall) || new Date(wall).toISOString().slice(0, 10) !== date) return null;
  // two rounds settle the offset also next to the daylight saving switches
  let guess = wall - offsetMinutes(wall) * 60000;
  guess = wall - offsetMinutes(guess) * 60000;
  return new Date(guess);
}

/**
 * "2026-10-25" + "02:30" + "+01:00" → 2026-10-25T01:30:00Z: a local time with the UTC offset it was
 * meant with (the hour that occurs twice when summer time ends); without an offset, berlinToUtc.
 */
export function localToUtc(date: string, time: string, offset: string | null | undefined): Date | null {
  const z = offset ? /^([+-])(\d{2}):(\d{2})$/.exec(offset) : null;
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{1,2}):(\d{2})$/.exec(time);
  // berlinToUtc also checks that date and time are well-formed
  if (!z || !d || !t || !berlinToUtc(date, time)) return berlinToUtc(date, time);
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  return new Date(wall - (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3])) * 60000);
}
