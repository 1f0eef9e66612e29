/**
 * Builds FTS5 MATCH expressions for papers_fts (migration 0002: columns reference, name, folded;
 * unicode61 remove_diacritics 2; prefix indexes 2 3 4). PURE string building.
 *
 * Every word goes into the expression as a double-quoted FTS5 string, so nothing a user types can be
 * read as FTS5 syntax (AND, OR, NOT, NEAR(, *, ^, -, :, parentheses, quotes): a quote inside a word
 * cannot occur because words hold only letters and digits.
 */
import { foldText, type Keyword, type Topic } from '../domain/topics';

/** A double-quoted FTS5 string. */
function q(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function keywordExpression(k: Keyword): string {
  return k.words.map((w) => q(w.term) + (w.prefix ? '*' : '')).join(' + ');
}

/**
 * The topic as a MATCH expression over the folded column: the keywords OR-ed, each word a quoted
 * string, stems with `*`, several words joined with `+` (in a row). Agrees with matchTopic().
 */
export function topicMatchExpression(topic: Topic): string {
  return `folded : (${topic.keywords.map(keywordExpression).join(' OR ')})`;
}

/** Limits for search input: longer queries are cut, further words ignored. */
export const MAX_QUERY_LENGTH = 200;
export const MAX_QUERY_WORDS = 8;

/** Words of a user's search (letters and digits, lower case, as typed otherwise). */
function typedWords(chunk: string): string[] {
  return chunk.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/**
 * The user's search as a MATCH expression, or null when it holds no word. Each white-space separated
 * part becomes a phrase of its words ("VII-A-00777" → vii a 00777 in a row) whose last word is a
 * prefix when it has 2 letters or more; the part is matched as typed (unicode61 folds ä → a) OR
 * German-folded (ä → ae, ß → ss) against the folded column; parts are AND-ed.
 */
export function searchMatchExpression(query: string): string | null {
  const parts: string[] = [];
  for (const chunk of query.slice(0, MAX_QUERY_LENGTH).split(/\s+/)) {
    const typed = typedWords(chunk);
    if (!typed.length) continue;
    const folded = typed.map((w) => foldText(w).replace(/[^\p{L}\p{N}]+/gu, '')).filter(Boolean);
    const star = typed[typed.length - 1].length >= 2 ? '*' : '';
    const typedPhrase = q(typed.join(' ')) + star;
    const foldedPhrase = folded.length ? q(folded.join(' ')) + (folded[folded.length - 1].length >= 2 ? '*' : '') : null;
    parts.push(foldedPhrase && foldedPhrase !== typedPhrase ? `(${typedPhrase} OR folded : ${foldedPhrase})` : typedPhrase);
    if (parts.length >= MAX_QUERY_WORDS) break;
  }
  return parts.length ? parts.join(' AND ') : null;
}
