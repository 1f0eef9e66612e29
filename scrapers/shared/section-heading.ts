/**
 * The heading line a text section starts with, as releases print it: "Sachverhalt:", "Sachverhalt"
 * (no colon), "<b>Sachverhalt</b>" (a bold paragraph of its own: the same line), "Anlage(n)", "Anlagen:",
 * "Petitum/Beschluss:". Pure.
 */
import { cleanText } from './text';

/**
 * First words that make a short "Xyz:" first line a section heading (lower case, umlauts kept).
 * Kept as data so a new heading is one entry; anything else stays part of the text.
 */
export const HEADING_WORDS: readonly string[] = [
  'sachverhalt', 'sachdarstellung', 'begründung', 'beschlussvorschlag', 'beschlussempfehlung', 'beschluss',
  'petitum', 'anlage', 'anlagen', 'finanzielle', 'auswirkungen', 'stellungnahme', 'erläuterung', 'erläuterungen',
  'problembeschreibung', 'problem', 'lösung', 'alternativen', 'kosten', 'vorbemerkung', 'antrag', 'antragstext',
  'anfrage', 'fragen', 'mitteilung', 'ergebnis', 'hintergrund', 'ausgangslage', 'zielsetzung', 'empfehlung',
  'wortprotokoll', 'abstimmungsergebnis',
];

/** "Petitum/Beschluss:" → { heading: "Petitum/Beschluss", rest: "" }; "Anlage/n: -" → rest "-"; otherwise null. */
export function splitHeadingLine(line: string): { heading: string; rest: string } | null {
  const m = /^([^:]{1,60}?)\s*:\s*(.*)$/.exec(line);
  if (!m) return null;
  const first = m[1].toLowerCase().split(/[\s/(-]/)[0];
  if (!HEADING_WORDS.includes(first)) return null;
  return { heading: m[1], rest: m[2] };
}

/** The first word of a line, lower case, cut at "/", "(", "-" and spaces: "Anlage(n)" → "anlage". */
function firstWord(line: string): string {
  return line.toLowerCase().split(/[\s/(-]/)[0];
}

/** Small words a heading may hold besides heading words ("Finanzielle Auswirkungen", "Sachverhalt und Begründung"). */
const JOINERS = new Set(['und', 'der', 'des', 'die', 'zur', 'zum', 'n', 'en']);

/**
 * A line that is only a heading, without colon: at most four words and 40 characters, no digit, no
 * sentence end, made of known heading words only ("Sachverhalt", "Anlage(n)", "Finanzielle Auswirkungen",
 * "Petitum/Beschluss") — "Antrag der CDU-Fraktion" is text, not a heading.
 */
export function isBareHeading(line: string): boolean {
  const t = cleanText(line);
  if (!t || t.length > 40 || t.split(' ').length > 4 || /\d|[.!?,;]$/.test(t)) return false;
  const words = t.toLowerCase().split(/[\s/()]+/).filter((w) => w !== '');
  return HEADING_WORDS.includes(firstWord(t)) && words.every((w) => HEADING_WORDS.includes(w) || JOINERS.has(w));
}

/** The heading of a section's first line and what follows it on that line; null when the line is no heading. */
export function headingOfLine(line: string): { heading: string; rest: string } | null {
  const withColon = splitHeadingLine(line);
  if (withColon) return withColon;
  const t = cleanText(line);
  return t && isBareHeading(t) ? { heading: t, rest: '' } : null;
}

/** The ALLRIS text anchors (`a[name=allrisSV]`, ALLRIS-NOTES §3) and the section each stands for. */
export const ANCHOR_HEADINGS: Readonly<Record<string, string>> = {
  SV: 'Sachverhalt', BV: 'Beschlussvorschlag', FA: 'Finanzielle Auswirkungen', AN: 'Anlagen', BG: 'Begründung',
  WP: 'Wortprotokoll', BS: 'Beschluss', AE: 'Abstimmungsergebnis',
};

/** The usual heading of an anchor ("SV" or "allrisSV" → "Sachverhalt"), null for an unknown one. */
export function anchorHeading(anchor: string): string | null {
  const code = anchor.startsWith('allris') ? anchor.slice('allris'.length) : anchor;
  return Object.prototype.hasOwnProperty.call(ANCHOR_HEADINGS, code) ? ANCHOR_HEADINGS[code] : null;
}
