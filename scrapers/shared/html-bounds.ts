/**
 * How deep and how wide a page's element tree is, measured before the HTML parser sees it. Pure.
 *
 * Two costs grow faster than the page on hostile input, so detectPage refuses such pages first:
 * - depth: the HTML parser under cheerio (htmlparser2) keeps its open elements in an array it grows
 *   with unshift(), so every tag costs time in proportion to the current depth (a million unclosed
 *   `<b>` tags take hours);
 * - width: cheerio's `.find()` hands the children of its context to css-select, whose removeSubsets()
 *   is quadratic in their number (20 000 children of the content container: 40 s per parse).
 * The scanner simulates htmlparser2's stack (void elements, its implied closes, a close tag pops down
 * to its match) in linear time. Real RIS pages nest a few dozen levels and have at most a few hundred
 * children per element (the corpus: 31 levels, 61 children).
 */

/** Far deeper than any real RIS page; cheap enough for htmlparser2 on a 10 MB page. */
export const MAX_NESTING_DEPTH = 500;
/** Far wider than any real RIS table (a month calendar, an agenda, a list page); keeps removeSubsets() under a second or so. */
export const MAX_CHILDREN = 5000;

const VOID = new Set(['area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'image', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

const P = ['p'];
const FORM = ['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea'];
/** Which open tag closes which elements on top of the stack (htmlparser2's openImpliesClose). */
const IMPLIES_CLOSE = new Map<string, Set<string>>([
  ['tr', new Set(['tr', 'th', 'td'])], ['th', new Set(['th'])], ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])], ['li', new Set(['li'])], ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])], ['dd', new Set(['dd', 'dt'])], ['dt', new Set(['dd', 'dt'])],
  ['rt', new Set(['rt', 'rp'])], ['rp', new Set(['rt', 'rp'])], ['tbody', new Set(['thead', 'tbody'])], ['tfoot', new Set(['thead', 'tbody'])],
  ...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map((t): [string, Set<string>] => [t, new Set(FORM)]),
  ...['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul']
    .map((t): [string, Set<string>] => [t, new Set(P)]),
]);

/** Elements whose content htmlparser2 reads as raw text (no tags inside until their close tag): exactly these, no more. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp']);

export interface TreeBounds {
  /** the deepest nesting of elements */
  depth: number;
  /** the most element children of one element (the document root counts as an element) */
  children: number;
}

/**
 * The depth and width of the element tree the page makes. Scanning stops as soon as either passes
 * its limit (the result then says by how much at least). Linear in the length of the text.
 */
export function measureTree(text: string, maxDepth = MAX_NESTING_DEPTH, maxChildren = MAX_CHILDREN): TreeBounds {
  const stack: string[] = [];
  const childCount: number[] = [0]; // childCount[d]: children of the element at depth d (0: the root)
  const onStack = new Map<string, number>();
  const pop = (): string => {
    const name = stack.pop() as string;
    childCount.pop();
    onStack.set(name, (onStack.get(name) ?? 1) - 1);
    return name;
  };
  const bounds: TreeBounds = { depth: 0, children: 0 };
  /** one more element child of the element on top of the stack; returns its number of children */
  const addChild = (): number => {
    const n = ++childCount[stack.length];
    if (n > bounds.children) bounds.children = n;
    return n;
  };
  // CDATA is not skipped: ALLRIS 4 AJAX answers carry their HTML inside CDATA, and the parser reads it.
  // A hand-written scan for what /<(\/?)([a-zA-Z][^\s/>]*)|<!--/g would match (no match objects, no regex).
  const n = text.length;
  let pos = 0;
  for (;;) {
    const lt = text.indexOf('<', pos);
    if (lt < 0) break;
    let i = lt + 1;
    let c = text.charCodeAt(i);
    if (c === 0x21 && text.charCodeAt(lt + 2) === 0x2d && text.charCodeAt(lt + 3) === 0x2d) {
      const end = text.indexOf('-->', lt + 4);
      if (end < 0) break;
      pos = end + 3;
      continue;
    }
    const close = c === 0x2f;
    if (close) c = text.charCodeAt(++i);
    if (!((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a))) {
      pos = lt + 1;
      continue;
    }
    let j = i + 1;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (d === 0x2f || d === 0x3e || isSpace(d)) break;
      j++;
    }
    const name = text.slice(i, j).toLowerCase();
    const gt = text.indexOf('>', j);
    if (gt < 0) break;
    pos = gt + 1;
    if (close) {
      if ((onStack.get(name) ?? 0) > 0) while (pop() !== name);
      // htmlparser2 turns a stray </p> into an empty <p></p> and </br> into <br>: an element each
      else if ((name === 'p' || name === 'br') && addChild() > maxChildren) return bounds;
      continue;
    }
    const implied = IMPLIES_CLOSE.get(name);
    if (implied) while (stack.length && implied.has(stack[stack.length - 1])) pop();
    if (addChild() > maxChildren) return bounds;
    if (VOID.has(name)) continue;
    if (RAW_TEXT.has(name)) {
      bounds.depth = Math.max(bounds.depth, stack.length + 1);
      const end = indexOfCloseTag(text, name, pos);
      if (end < 0) break;
      pos = end;
      continue;
    }
    stack.push(name);
    childCount.push(0);
    onStack.set(name, (onStack.get(name) ?? 0) + 1);
    if (stack.length > bounds.depth) {
      bounds.depth = stack.length;
      if (bounds.depth > maxDepth) return bounds;
    }
  }
  return bounds;
}

/** JavaScript's \s (what a regex's \s matches), for one UTF-16 code unit. */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Where `</name` next starts at or after `from`, ASCII letters of the name in any case (as /<\/name/gi finds it); -1 if nowhere. */
function indexOfCloseTag(text: string, name: string, from: number): number {
  for (let at = text.indexOf('</', from); at >= 0; at = text.indexOf('</', at + 1)) {
    let k = 0;
    while (k < name.length && (text.charCodeAt(at + 2 + k) | 0x20) === name.charCodeAt(k)) k++;
    if (k === name.length) return at;
  }
  return -1;
}
