/** German (and the English-locale ALLRIS 4) date and time formats → ISO strings. Pure: no clock. */

const EN_MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};
const DE_MONTHS: Record<string, number> = {
  januar: 1, jan: 1, februar: 2, feb: 2, märz: 3, maerz: 3, mär: 3, mrz: 3, april: 4, apr: 4, mai: 5,
  juni: 6, jun: 6, juli: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, oktober: 10, okt: 10,
  november: 11, nov: 11, dezember: 12, dez: 12,
};

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function isoDate(y: number, m: number, d: number): string | null {
  if (y < 100) y += y < 70 ? 2000 : 1900;
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * Parses the first date in a short cell text: "22.09.2026", "Di, 22.09.2026", "Mi., 05.04.2017",
 * "Jan 29, 2026", "29. Januar 2026", "2026-01-29". Returns YYYY-MM-DD or null.
 * Only for cells that hold a date: never run it over a whole page (the version line has a date too).
 */
export function parseGermanDate(text: string | null | undefined): string | null {
  if (!text) return null;
  const s = text.replace(/\u00a0/g, ' ').trim();
  let m = /(?:^|[^\d])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})(?!\d)/.exec(s);
  if (m) return isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /(?:^|[^\d])(\d{4})-(\d{2})-(\d{2})(?!\d)/.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /\b([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})\b/.exec(s);
  if (m && EN_MONTHS[m[1].toLowerCase()]) return isoDate(Number(m[3]), EN_MONTHS[m[1].toLowerCase()], Number(m[2]));
  m = /(\d{1,2})\.?\s+([A-Za-zäÄ]+)\.?\s+(\d{4})/.exec(s);
  if (m && DE_MONTHS[m[2].toLowerCase()]) return isoDate(Number(m[3]), DE_MONTHS[m[2].toLowerCase()], Number(m[1]));
  return null;
}

/** Parses "18:00 - 20:00", "18:00 Uhr", "9:00", "7:30 PM" into start and end HH:MM. */
export function parseTimeRange(text: string | null | undefined): { start: string | null; end: string | null } {
  if (!text) return { start: null, end: null };
  const times: string[] = [];
  const re = /(\d{1,2})[:.](\d{2})(?:\s*([AaPp])\.?[Mm]\.?)?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && times.length < 2) {
    let h = Number(m[1]);
    const min = Number(m[2]);
    if (m[3]) {
      const pm = m[3].toLowerCase() === 'p';
      if (pm && h < 12) h += 12;
      if (!pm && h === 12) h = 0;
    }
    if (h > 24 || min > 59) continue;
    times.push(`${pad(h)}:${pad(min)}`);
  }
  return { start: times[0] ?? null, end: times[1] ?? null };
}
