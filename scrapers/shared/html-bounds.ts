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
  const tag = /<(\/?)([a-zA-Z][^\s/>]*)|<!--/g;
  for (let m = tag.exec(text); m; m = tag.exec(text)) {
    if (m[0] === '<!--') {
      const end = text.indexOf('-->', tag.lastIndex);
      if (end < 0) break;
      tag.lastIndex = end + 3;
      continue;
    }
    const name = m[2].toLowerCase();
    const gt = text.indexOf('>', tag.lastIndex);
    if (gt < 0) break;
    tag.lastIndex = gt + 1;
    if (m[1]) {
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
      const close = new RegExp(`</${name}`, 'gi');
      close.lastIndex = tag.lastIndex;
      if (!close.exec(text)) break;
      tag.lastIndex = close.lastIndex - name.length - 2;
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
