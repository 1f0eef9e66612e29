/**
 * What ical-generator's text lacks of RFC 5545, put right before it is sent (src/server/routes/calendar.ts):
 *  - the calendar's name (NAME, RFC 7986, and X-WR-CALNAME) is TEXT: its commas, semicolons and backslashes
 *    are escaped (§3.3.11) — ical-generator writes them as they are, so "Bauausschuss, Hamburg-Nord" split;
 *  - every content line ends with CRLF, the last (END:VCALENDAR) too (§3.1);
 *  - a calendar has one component at least (§3.6): one without events (no coming meetings) carries the
 *    VTIMEZONE of the meetings' zone, Europe/Berlin (its events' times are written in UTC).
 * Lines stay folded at 75 octets, never inside a UTF-8 sequence.
 */

const CRLF = '\r\n';
const FOLD_OCTETS = 75;

/** Europe/Berlin since 1996: CEST from the last Sunday of March 02:00, CET from the last Sunday of October 03:00. */
const BERLIN_ZONE = [
  'BEGIN:VTIMEZONE', 'TZID:Europe/Berlin',
  'BEGIN:DAYLIGHT', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'TZNAME:CEST', 'DTSTART:19700329T020000', 'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU', 'END:DAYLIGHT',
  'BEGIN:STANDARD', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'TZNAME:CET', 'DTSTART:19701025T030000', 'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU', 'END:STANDARD',
  'END:VTIMEZONE',
];

/** A TEXT value escaped (RFC 5545 §3.3.11). */
export function escapeIcsText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** One content line folded: at most 75 octets a line, continued with CRLF and a space, never inside a character. */
export function foldIcsLine(line: string): string {
  if (Buffer.byteLength(line, 'utf8') <= FOLD_OCTETS) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch, 'utf8');
    // a continuation line starts with a space, which counts
    if (octets + n > FOLD_OCTETS) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += n;
  }
  parts.push(current);
  return parts.join(CRLF);
}

/** The calendar's name lines, folded or not (they come before the first component). */
const NAME_LINE = /^(NAME|X-WR-CALNAME)((?:;[^:\r\n]*)?):((?:[^\r\n]|\r\n[ \t])*)\r\n/gm;

/** ical-generator's calendar text as RFC 5545 wants it (see the file comment); every other line is left as it is. */
export function finishIcs(text: string): string {
  let out = text.endsWith(CRLF) ? text : text + CRLF;
  const firstComponent = out.search(/^BEGIN:V(?:EVENT|TODO|JOURNAL|FREEBUSY|TIMEZONE)\r$/m);
  const head = firstComponent < 0 ? out : out.slice(0, firstComponent);
  const named = head.replace(NAME_LINE, (_all, prop: string, params: string, value: string) =>
    `${foldIcsLine(`${prop}${params}:${escapeIcsText(value.replace(/\r\n[ \t]/g, ''))}`)}${CRLF}`);
  out = named + (firstComponent < 0 ? '' : out.slice(firstComponent));
  if (firstComponent < 0) out = out.replace(/END:VCALENDAR\r\n$/, `${BERLIN_ZONE.join(CRLF)}${CRLF}END:VCALENDAR${CRLF}`);
  return out;
}
