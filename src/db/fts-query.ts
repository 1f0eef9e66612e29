/**
 * Builds FTS5 MATCH expressions for papers_fts (migration 0015: columns reference, name, body, doc;
 * unicode61 remove_diacritics 2, which folds ä → a on both sides; prefix indexes 2 3 4). PURE string
 * building.
 *
 * Umlauts either way: the index holds the text as written, so a word is asked for in each spelling a
 * German text may use — as typed, folded (ä → ae, ß → ss) and with each ae / oe / ue / ss read back as
 * ä / ö / ü / ß ("mueller" also as "müller", which unicode61 reads as "muller"; "strasse" also as
 * "straße").
 *
 * Every word goes into the expression as a double-quoted FTS5 string, so nothing a user types can be
 * read as FTS5 syntax (AND, OR, NOT, NEAR(, *, ^, -, :, parentheses, quotes): a quote inside a word
 * cannot occur because words hold only letters and digits.
 */
import { foldGerman } from '../domain/german-fold';
import type { Keyword, Topic } from '../domain/topics';

/** Where a search or topic looks: the columns of papers_fts (doc rows hold only `doc`). */
export type SearchScope = 'titel' | 'text' | 'dokumente';

export const SCOPE_COLUMNS: Record<SearchScope, string> = {
  titel: '{reference name}',
  text: 'body',
  dokumente: 'doc',
};

/** The paper columns a topic always matches (documents only when the topic says so). */
export const PAPER_COLUMNS = '{reference name body}';

/** A double-quoted FTS5 string. */
function q(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

const MAX_SPELLINGS = 8;
const MAX_PHRASES = 16;
const UNFOLD: Record<string, string> = { ae: 'ä', oe: 'ö', ue: 'ü', ss: 'ß' };

/** How unicode61 (remove_diacritics 2) reads a word: lower case, diacritics dropped. */
function indexForm(word: string): string {
  return word.toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '');
}

/**
 * The spellings of one lower-case word a German text may use, each once as the index reads it (at most
 * 8): as typed, German-folded, and with every combination of its ae / oe / ue / ss read back as ä / ö / ü / ß.
 */
export function toSpellings(word: string): string[] {
  const out = new Map<string, string>();
  const add = (w: string) => {
    if (out.size < MAX_SPELLINGS && !out.has(indexForm(w))) out.set(indexForm(w), w);
  };
  add(word);
  const folded = foldGerman(word);
  add(folded);
  const parts = folded.split(/(ae|oe|ue|ss)/);
  const slots = parts.filter((_, i) => i % 2 === 1).length;
  for (let mask = 1; mask < 1 << Math.min(slots, 4); mask++) {
    let slot = 0;
    add(parts.map((p, i) => (i % 2 === 1 ? ((mask >> slot++) & 1 ? UNFOLD[p] : p) : p)).join(''));
  }
  return [...out.values()];
}

/** Every phrase (words in a row) the spellings of these words make, at most 16. */
function phrases(words: readonly string[]): string[][] {
  let out: string[][] = [[]];
  for (const w of words) {
    const next: string[][] = [];
    for (const head of out) for (const s of toSpellings(w)) if (next.length < MAX_PHRASES) next.push([...head, s]);
    out = next;
  }
  return out;
}

/** One phrase: the words in a row; `stars[i]`: word i is a prefix. */
function phrase(words: readonly string[], stars: readonly boolean[]): string {
  if (!stars.slice(0, -1).some(Boolean)) return q(words.join(' ')) + (stars[stars.length - 1] ? '*' : '');
  return words.map((w, i) => q(w) + (stars[i] ? '*' : '')).join(' + ');
}

/**
 * The index's terms that begin with a prefix (in index form: lower case, no diacritics), or null when
 * there are too many to list; see src/db/search-terms.ts.
 */
export type PrefixTerms = (prefix: string) => readonly string[] | null;

/** At most this many terms replace a prefix (else the prefix query stays). */
export const MAX_PREFIX_TERMS = 40;

/**
 * One phrase whose last word is a prefix, with the prefix replaced by the index's terms that begin
 * with it (exact terms: FTS5 finds one row of an exact term by its rowid at once, where a prefix query
 * first merges every matching term's whole list).
 */
function expandedPhrase(words: readonly string[], terms: readonly string[]): string[] {
  const head = words.slice(0, -1).join(' ');
  return terms.map((t) => q(head ? `${head} ${t}` : t));
}

/** The words (in a row) in every spelling, OR-ed; `stars[i]`: word i is a prefix. */
function spelledPhrase(words: readonly string[], stars: readonly boolean[], expand: PrefixTerms | null = null): string {
  const lastStar = stars[stars.length - 1] && !stars.slice(0, -1).some(Boolean);
  const alts: string[] = [];
  for (const p of phrases(words)) {
    const terms = expand && lastStar ? expand(indexForm(p[p.length - 1])) : null;
    if (terms && terms.length > 0 && terms.length <= MAX_PREFIX_TERMS) alts.push(...expandedPhrase(p, terms));
    else alts.push(phrase(p, stars));
  }
  const unique = [...new Set(alts)];
  return unique.length === 1 ? unique[0] : `(${unique.join(' OR ')})`;
}

function keywordExpression(k: Keyword): string {
  return spelledPhrase(
    k.words.map((w) => w.term),
    k.words.map((w) => w.prefix),
  );
}

/**
 * The topic as a MATCH expression: the keywords OR-ed, each in every spelling, stems with `*`, several
 * words in a row. Over reference, title and text sections; with `withDocuments`, over every column
 * (document pages hold only `doc`). Agrees with matchTopic().
 */
export function topicMatchExpression(topic: Topic, withDocuments = false): string {
  const any = topic.keywords.map(keywordExpression).join(' OR ');
  return withDocuments ? `(${any})` : `${PAPER_COLUMNS} : (${any})`;
}

/** The topic's expression over document pages only. */
export function topicDocumentExpression(topic: Topic): string {
  return `doc : (${topic.keywords.map(keywordExpression).join(' OR ')})`;
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
 * prefix when it has 2 letters or more, asked for in every spelling (toSpellings); parts are AND-ed.
 * With a scope, only those columns are searched ("titel": reference and title; "text": the text
 * sections; "dokumente": document pages). With `expand`, a prefix is replaced by the terms that begin
 * with it (when there are few enough): the same matches, found faster.
 */
export function searchMatchExpression(query: string, scope: SearchScope | null = null, expand: PrefixTerms | null = null): string | null {
  const parts: string[] = [];
  for (const chunk of query.slice(0, MAX_QUERY_LENGTH).split(/\s+/)) {
    const typed = typedWords(chunk);
    if (!typed.length) continue;
    parts.push(spelledPhrase(typed, typed.map((w, i) => i === typed.length - 1 && w.length >= 2), expand));
    if (parts.length >= MAX_QUERY_WORDS) break;
  }
  if (!parts.length) return null;
  const expr = parts.join(' AND ');
  return scope ? `${SCOPE_COLUMNS[scope]} : (${expr})` : expr;
}

/**
 * A reference number as one phrase of its words over document pages only ("22-1692" → doc : "22 1692"; no
 * word a prefix, no other spelling): where a document names that motion. Null when it holds no word.
 */
export function referenceInDocumentsExpression(reference: string): string | null {
  const words = typedWords(reference);
  return words.length ? `doc : ${q(words.join(' '))}` : null;
}
