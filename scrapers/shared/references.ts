/**
 * Lists of paper references as ALLRIS prints them in Bezugsvorlage / Bezugsdrucksache / Bezüglich fields:
 * separated by ",", ";", "|" or line breaks, decorated by release ("| 22-1940", "Bezug: 22-1940;",
 * "siehe 22-1940."), or several references in one cell split only by spaces. Pure.
 */
import { cleanText } from './text';

/** A label or word before a reference that is not part of it ("Bezug:", "Bezugsvorlage", "siehe", "vgl."). */
const DECORATION = /^(?:bez(?:ug|ü|ue)\w*\s*(?:auf|zu)?\s*:?|siehe|s\.|vgl\.|zu|nr\.?|:)\s*/i;

/** A reference alone: letters and digits joined by "/", "-" or "." with at least one digit, no spaces inside. */
const SINGLE = /^(?=.*\d)[\p{L}\d]+(?:[./-][\p{L}\d]+)+$/u;

/**
 * The references of one field value, in order, each once: "| 22-1940" → ["22-1940"];
 * "Bezug: 22-1940; 22-1941" → ["22-1940", "22-1941"]; "DRS. 25/161" stays one; a piece without a digit
 * (a leftover word) is no reference.
 */
export function splitReferences(value: string | null | undefined): string[] {
  const out: string[] = [];
  for (const raw of (value ?? '').split(/[,;|\n]+/)) {
    let piece = cleanText(raw) ?? '';
    for (let prev = ''; prev !== piece; ) {
      prev = piece;
      piece = piece.replace(DECORATION, '').replace(/[\s.:;]+$/, '').trim();
    }
    if (!/\d/.test(piece)) continue;
    const words = piece.split(' ');
    const parts = words.length > 1 && words.every((w) => SINGLE.test(w)) ? words : [piece];
    for (const p of parts) if (!out.includes(p)) out.push(p);
  }
  return out;
}
