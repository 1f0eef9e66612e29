/**
 * German folding, the one for every comparison of words ratsradar makes itself (topics' keywords and
 * text, the spellings a search asks the index for): lower case, ä → ae, ö → oe, ü → ue, ß → ss, every
 * other diacritic removed (é → e). NFC first, so an umlaut written as u + combining diaeresis folds like
 * ü. Pure.
 *
 * The search index (papers_fts) does not store folded text: it holds the text as written and its
 * tokenizer (unicode61 remove_diacritics 2) reads ä as a; src/db/fts-query.ts asks for each spelling a
 * German text may use. So this function can change without rebuilding the index.
 */
export function foldGerman(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '');
}
