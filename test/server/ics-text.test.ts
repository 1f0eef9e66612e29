/** What ratsradar puts right in ical-generator's text (src/server/ics-text.ts): the name as TEXT, the last CRLF, one component at least. */
import { escapeIcsText, finishIcs, foldIcsLine } from '../../src/server/ics-text';

const CRLF = '\r\n';

test('TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545 3.3.11)', () => {
  expect(escapeIcsText('a\\b; c, d\ne')).toBe('a\\\\b\\; c\\, d\\ne');
});

test('folding keeps every line within 75 octets and never splits a character', () => {
  const line = `NAME:${'ä'.repeat(60)}€${'x'.repeat(40)}`;
  const folded = foldIcsLine(line);
  const lines = folded.split(CRLF);
  expect(lines.length).toBeGreaterThan(1);
  for (const l of lines) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
  expect(lines.slice(1).every((l) => l.startsWith(' '))).toBe(true);
  expect(lines.map((l, i) => (i ? l.slice(1) : l)).join('')).toBe(line);
  expect(folded).not.toContain('\uFFFD');
  expect(foldIcsLine('SHORT:x')).toBe('SHORT:x');
});

test('the name lines are escaped (folded ones too), the text ends with CRLF, an empty calendar gets the Berlin zone', () => {
  const long = `Ausschuss für öffentlichen Personennahverkehr, Schüler- und Jugendverkehr; Bezirk ${'x'.repeat(20)}`;
  const generated = ['BEGIN:VCALENDAR', 'VERSION:2.0', foldIcsLine(`NAME:${long}`), 'X-WR-CALNAME:A, B', 'END:VCALENDAR'].join(CRLF);
  const out = finishIcs(generated);
  expect(out.endsWith(`END:VTIMEZONE${CRLF}END:VCALENDAR${CRLF}`)).toBe(true);
  const unfolded = out.replace(/\r\n[ \t]/g, '');
  expect(unfolded).toContain(`${CRLF}NAME:${escapeIcsText(long)}${CRLF}`);
  expect(unfolded).toContain(`${CRLF}X-WR-CALNAME:A\\, B${CRLF}`);
  expect(unfolded).toContain(`${CRLF}BEGIN:VTIMEZONE${CRLF}TZID:Europe/Berlin${CRLF}`);
  for (const l of out.split(CRLF)) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
});

test('a calendar with events keeps them as they are and gets no zone; an event\'s own text is not touched', () => {
  const event = ['BEGIN:VEVENT', 'UID:x', 'SUMMARY:Rat\\, Sitzung', 'END:VEVENT'];
  const generated = ['BEGIN:VCALENDAR', 'NAME:Rat, Stadt', ...event, 'END:VCALENDAR'].join(CRLF);
  expect(finishIcs(generated)).toBe(['BEGIN:VCALENDAR', 'NAME:Rat\\, Stadt', ...event, 'END:VCALENDAR', ''].join(CRLF));
});
