/**
 * Field values of a to020 "Auszug" page that ALLRIS 3 and ALLRIS 4 write the same way
 * (ALLRIS-NOTES §4.3): the TOP cell "Ö 2.1" / "N 10", the Vorlage link "22-0621 Betreff…" /
 * "DRS. 25/161 Betreff…", and the ALLRIS 4 page title "11.12.2025 - 3.1.12 Entwurf der Haushalts…"
 * that cuts long names off. Pure string functions.
 */
import { splitLeadingDate } from './dates';
import { cleanText } from './text';

/** "Ö 2.1" → { number: "2.1", public: true }; "N 10" → false; "3" (no marker) → public null. */
export function splitTopNumber(shown: string | null): { number: string | null; public: boolean | null } {
  const t = cleanText(shown);
  if (!t) return { number: null, public: null };
  const m = /^(Ö|Oe|N)(?=[\s\d]|$)\s*(.*)$/i.exec(t);
  if (!m) return { number: t, public: null };
  return { number: cleanText(m[2]), public: m[1].toUpperCase() !== 'N' };
}

/**
 * The Vorlage link text "22-0621 Geparkte Kfz …" → reference "22-0621" and the paper's name.
 * The reference ends with the first word that holds a digit, within the first three words
 * ("DRS. 25/161", "K 2026/0725", "VO/26/23343/D2"); a text without such a word is all name.
 */
export function splitPaperLink(shown: string | null): { reference: string | null; name: string | null } {
  const t = cleanText(shown);
  if (!t) return { reference: null, name: null };
  const words = t.split(' ');
  const end = words.slice(0, 3).findIndex((w) => /\d/.test(w));
  if (end < 0) return { reference: null, name: t };
  return { reference: words.slice(0, end + 1).join(' '), name: cleanText(words.slice(end + 1).join(' ')) };
}

/** "Auszug - Geparkte Kfz …" (ALLRIS 3 h1 / <title>) → "Geparkte Kfz …"; null without the prefix. */
export function nameFromAuszugTitle(shown: string | null): string | null {
  const t = cleanText(shown);
  const m = t ? /^Auszug\s*[-–]\s*(.*)$/i.exec(t) : null;
  return m ? cleanText(m[1]) : null;
}

/**
 * The ALLRIS 4 page title "11.12.2025 - 3.1.12 Entwurf der Haushaltssatzung der Stadt Taunusst..."
 * → the item's name: without the leading date and TOP number. ALLRIS cuts long names off with "...";
 * when the Vorlage's name starts with the cut-off text, that full name is the item's name, else the
 * title stays as shown (with its "...").
 */
export function nameFromAllris4Title(shown: string | null, number: string | null, paperName: string | null): string | null {
  let t = cleanText(shown);
  if (!t) return null;
  t = splitLeadingDate(t)?.rest ?? t;
  if (number && t.startsWith(`${number} `)) t = t.slice(number.length + 1);
  t = t.replace(/^(Ö|N)\s+\d[\d.]*\s+/, '');
  const cut = /^(.*?)\s*(\.\.\.|…)$/.exec(t);
  if (cut && paperName && cut[1].length > 0 && paperName.startsWith(cut[1])) return paperName;
  return cleanText(t);
}
