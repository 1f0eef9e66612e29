/**
 * A document's text made fit for search, page by page (pure: no I/O). The text as extracted is kept
 * and shown; this is what is indexed:
 * - a word hyphenated at a line end is joined ("Straßen-\nbeleuchtung" → "Straßenbeleuchtung"); a
 *   hyphen before a capital stays a hyphen of a compound ("Nord-\nSüd" → "Nord-Süd");
 * - a header or footer line that repeats on every page (page numbers aside: "Seite 2 von 3") is dropped;
 * - runs of white space become one space.
 */

/** Lines looked at, from the top and from the bottom of each page, for a repeated header or footer. */
const EDGE_LINES = 3;

/** A line as compared across pages: digits ignored (page numbers, dates of printing), spaces folded. */
function shapeOf(line: string): string {
  return line.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

function lines(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
}

/** The line shapes that stand at the top or bottom of every page that has text (at least two pages). */
export function repeatedEdgeLines(pages: string[]): Set<string> {
  const withText = pages.map(lines).filter((ls) => ls.length > 0);
  if (withText.length < 2) return new Set();
  const edges = withText.map((ls) => new Set([...ls.slice(0, EDGE_LINES), ...ls.slice(-EDGE_LINES)].map(shapeOf)));
  const [first, ...rest] = edges;
  // a line that is a page's whole text is content, not a footer, unless it is the same on every page
  return new Set([...first].filter((shape) => shape.length > 0 && rest.every((e) => e.has(shape))));
}

/** Joins words hyphenated at a line end; a hyphen before a capital letter is kept (a compound). */
export function joinHyphenation(text: string): string {
  return text.replace(/(\p{L})-[ \t]*\r?\n[ \t]*(\p{Ll})/gu, '$1$2').replace(/(\p{L})-[ \t]*\r?\n[ \t]*(\p{Lu})/gu, '$1-$2');
}

/** The search text of each page: hyphenation joined, repeated headers/footers dropped, spaces folded. */
export function toSearchText(pages: string[]): string[] {
  const repeated = repeatedEdgeLines(pages);
  return pages.map((page) => {
    const ls = page.split(/\r?\n/);
    const all = ls.map((l) => l.trim()).filter((l) => l.length > 0);
    const edge = new Set([...all.slice(0, EDGE_LINES), ...all.slice(-EDGE_LINES)]);
    const kept = ls.filter((l) => !(edge.has(l.trim()) && repeated.has(shapeOf(l))));
    return joinHyphenation(kept.join('\n')).replace(/\s+/g, ' ').trim();
  });
}

/** Whether any page has a text layer worth the name (a scan has none: at most stray characters). */
export function hasTextLayer(searchPages: string[]): boolean {
  return searchPages.some((p) => /\p{L}{2,}/u.test(p));
}
