/**
 * Whether an ALLRIS HTML page came whole, judged by its own end. Pure.
 *
 * ALLRIS vo020/to020 pages embed whole XHTML documents (the Word texts, ALLRIS-NOTES §3), each with its
 * own `<html>…</html>`; a page cut right after one of them still ends with `</html>`. So a page must
 * also show the end of its outer document:
 * - every generation whose whole pages we know prints something after its content that a cut page
 *   lacks (FRAMES below: the ALLRIS 3 frame's `#risfoot`, ALLRIS 4's `</main>`, the NOLIS city portal
 *   around ALLRIS pages); it must stand after the last embedded document, and the page's `<html>` and
 *   `</html>` tags must pair up (the last `</html>` closes the outer document, not an embedded one);
 * - a page of no known frame (the `_raw`/`_r` programs outside a portal; the corpus has them only as
 *   trimmed excerpts, whose outer `</html>` doubles as the embedded document's) is only required to end
 *   with `</html>`: a cut right after an embedded document of such a page is not recognised by its bytes
 *   (the fetcher's Content-Length check and the shrink guard are the defences there).
 */

interface Frame {
  /** the generation, for the error message */
  name: string;
  /** the page is of this generation */
  is: RegExp;
  /** what the generation prints after its content (and so after every embedded document) */
  end: RegExp;
  /** how the end is named in the error message */
  endName: string;
}

/** Studied on the last few hundred bytes of every whole corpus page, per generation. */
const FRAMES: readonly Frame[] = [
  { name: 'ALLRIS 3 page frame (#risname)', is: /id=["']?risname["'\s>]/i, end: /id=["']?risfoot["'\s>]/gi, endName: 'the #risfoot footer' },
  { name: 'ALLRIS 4 page', is: /<main\b/i, end: /<\/main\s*>/gi, endName: 'the closing </main>' },
  { name: 'NOLIS city portal', is: /nolis/i, end: /<\/body\s*>/gi, endName: 'the portal\'s closing </body>' },
];

const HTML_OPEN = /<html\b/gi;
const HTML_CLOSE = /<\/html\s*>/gi;

function count(text: string, re: RegExp): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text)) n++;
  return n;
}

function lastIndex(text: string, re: RegExp): number {
  re.lastIndex = 0;
  let at = -1;
  for (let m = re.exec(text); m; m = re.exec(text)) at = m.index;
  return at;
}

/** Where the last embedded document (any `<html>` after the first) starts, or -1 when the page embeds none. */
function lastEmbeddedStart(text: string): number {
  HTML_OPEN.lastIndex = 0;
  const first = HTML_OPEN.exec(text);
  if (!first) return -1;
  const last = lastIndex(text, HTML_OPEN);
  return last > first.index ? last : -1;
}

/**
 * Why the page (already known to end with `</html>`) is not whole, or null when it is. Only pages that
 * embed documents can be cut after one; a page without embedded documents is whole when it ends with
 * `</html>` (detect.ts checks that).
 */
export function incompletePage(text: string): string | null {
  const embedded = lastEmbeddedStart(text);
  if (embedded < 0) return null;
  const frame = FRAMES.find((f) => f.is.test(text));
  if (!frame) return null;
  if (count(text, HTML_OPEN) !== count(text, HTML_CLOSE)) {
    return `truncated page: its last </html> closes an embedded document, not the ${frame.name}`;
  }
  if (lastIndex(text, frame.end) < embedded) {
    return `truncated page: ${frame.endName} of the ${frame.name} does not follow its last embedded document`;
  }
  return null;
}
