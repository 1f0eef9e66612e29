/**
 * Topics: named keyword sets kept as data (data/topics.json), matched German-aware against a paper's
 * reference, title and text sections, and the text of its documents when the topic says so
 * ("documents": true). PURE: no fs, no database — the caller reads the JSON and hands it to parseTopics.
 *
 * MATCHING RULES (the same rules src/db/fts-query.ts turns into an FTS5 query over papers_fts,
 * so the list from the index and matchTopic agree):
 *  - Text and keywords are folded (src/domain/german-fold.ts): lower case, ä → ae, ö → oe, ü → ue,
 *    ß → ss, other diacritics removed (é → e); then split into words at every character that is not a letter or digit
 *    ("Smart-City-Strategie" → smart, city, strategie; "E-Government" → e, government).
 *  - A keyword is one or more words. A word ending in `*` is a stem: it matches every word that begins
 *    with it, so "digital*" finds "Digitalisierung", "digitale", "Digitaltag" and the compound
 *    "Digitalstrategie". A word without `*` matches only the whole word: "OZG" finds "(OZG)" and
 *    "OZG-Umsetzung", never "Ozean".
 *  - A keyword of several words matches those words in a row ("Smart City", "Open Data").
 *  - A stem must have at least 2 letters (the index keeps prefixes of 2–4 letters).
 * Compounds whose keyword is not their first part ("Schuldigitalisierung") need their own stem in the
 * topic ("schuldigital*"): word-prefix matching is what the FTS5 index can answer fast.
 */
import { foldGerman } from './german-fold';

export interface KeywordWord {
  /** folded word */
  term: string;
  /** true when it matches every word beginning with `term` */
  prefix: boolean;
}

export interface Keyword {
  /** as written in topics.json */
  text: string;
  words: KeywordWord[];
}

export interface Topic {
  id: string;
  label: string;
  description: string;
  keywords: Keyword[];
  /** also match the text of the motion's documents (topics.json "documents": true); title and text sections always */
  documents: boolean;
}

export interface TopicSet {
  defaultId: string;
  topics: Topic[];
}

export class TopicsFormatError extends Error {
  constructor(message: string) {
    super(`topics: ${message}`);
    this.name = 'TopicsFormatError';
  }
}

/** The words of a text as written and folded, in order (NFC first, so "é" written as e + accent is one letter). */
function wordPairs(text: string): { original: string; folded: string }[] {
  return text
    .normalize('NFC')
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .map((original) => ({ original, folded: foldGerman(original).replace(/[^\p{L}\p{N}]+/gu, '') }))
    .filter((w) => w.folded !== '');
}

/** Folded words of a text, in order. */
export function toWords(text: string): string[] {
  return wordPairs(text).map((w) => w.folded);
}

/** Parses one keyword as written ("digital*", "Smart City", "OZG"); throws TopicsFormatError when it has no word. */
export function parseKeyword(text: string): Keyword {
  const parts = text.trim().split(/\s+/).filter(Boolean);
  const words: KeywordWord[] = [];
  for (const part of parts) {
    const prefix = part.endsWith('*');
    const inner = toWords(prefix ? part.slice(0, -1) : part);
    inner.forEach((term, i) => words.push({ term, prefix: prefix && i === inner.length - 1 }));
  }
  if (words.length === 0) throw new TopicsFormatError(`keyword "${text}" has no word`);
  for (const w of words) {
    if (w.prefix && w.term.length < 2) throw new TopicsFormatError(`keyword "${text}": a stem needs at least 2 letters`);
  }
  return { text, words };
}

function str(value: unknown, what: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new TopicsFormatError(`${what} must be a non-empty string`);
  return value.trim();
}

/** Validates the parsed topics.json ({ default, topics: [{ id, label, description, keywords }] }). */
export function parseTopics(data: unknown): TopicSet {
  if (!data || typeof data !== 'object') throw new TopicsFormatError('expected an object with "default" and "topics"');
  const obj = data as { default?: unknown; topics?: unknown };
  if (!Array.isArray(obj.topics) || obj.topics.length === 0) throw new TopicsFormatError('"topics" must be a non-empty list');
  const seen = new Set<string>();
  const topics = obj.topics.map((t: unknown, i: number): Topic => {
    if (!t || typeof t !== 'object') throw new TopicsFormatError(`topic ${i + 1} is not an object`);
    const raw = t as Record<string, unknown>;
    const id = str(raw.id, `topic ${i + 1}: id`);
    if (!/^[a-z0-9-]+$/.test(id)) throw new TopicsFormatError(`topic id "${id}" may only hold a-z, 0-9 and -`);
    if (id === 'alle') throw new TopicsFormatError('topic id "alle" is reserved for the list of all papers');
    if (seen.has(id)) throw new TopicsFormatError(`topic id "${id}" appears twice`);
    seen.add(id);
    if (!Array.isArray(raw.keywords) || raw.keywords.length === 0) throw new TopicsFormatError(`topic "${id}" needs keywords`);
    if (raw.documents !== undefined && typeof raw.documents !== 'boolean') throw new TopicsFormatError(`topic "${id}": documents must be true or false`);
    return {
      id,
      label: str(raw.label, `topic "${id}": label`),
      description: str(raw.description, `topic "${id}": description`),
      keywords: raw.keywords.map((k: unknown) => parseKeyword(str(k, `topic "${id}": keyword`))),
      documents: raw.documents === true,
    };
  });
  const defaultId = str(obj.default, '"default"');
  if (!seen.has(defaultId)) throw new TopicsFormatError(`default topic "${defaultId}" is not in the list`);
  return { defaultId, topics };
}

function wordMatches(w: KeywordWord, word: string): boolean {
  return w.prefix ? word.startsWith(w.term) : word === w.term;
}

/** Where the keyword occurs in these (folded) words: the index of each occurrence's first word. */
function occurrences(keyword: Keyword, words: readonly string[]): number[] {
  const n = keyword.words.length;
  const at: number[] = [];
  for (let i = 0; i + n <= words.length; i++) {
    let ok = true;
    for (let j = 0; j < n && ok; j++) ok = wordMatches(keyword.words[j], words[i + j]);
    if (ok) at.push(i);
  }
  return at;
}

/** Does the keyword occur in these (folded) words? */
export function keywordOccurs(keyword: Keyword, words: readonly string[]): boolean {
  return occurrences(keyword, words).length > 0;
}

/** The topic's keywords (as written) that occur in the text; empty when the topic does not match. */
export function matchTopic(topic: Topic, text: string): string[] {
  const words = toWords(text);
  return topic.keywords.filter((k) => keywordOccurs(k, words)).map((k) => k.text);
}

/** The passages of the text that made it match, as written ("Digitaltag", "Smart City"), each once, in text order. */
export function topicHits(topic: Topic, text: string): string[] {
  const pairs = wordPairs(text);
  const words = pairs.map((w) => w.folded);
  const hits: { at: number; text: string }[] = [];
  for (const k of topic.keywords) {
    for (const i of occurrences(k, words)) {
      hits.push({ at: i, text: pairs.slice(i, i + k.words.length).map((w) => w.original).join(' ') });
    }
  }
  hits.sort((a, b) => a.at - b.at);
  return [...new Set(hits.map((h) => h.text))];
}

