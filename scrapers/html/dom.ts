/**
 * The page's one document and direct walks over the domhandler tree: the parsers' fast path. The page
 * is parsed once (htmlparser2.parseDocument, the same call and options cheerio/slim's load() makes) and
 * read without compiling CSS selectors per call. Every helper keeps the semantics of the cheerio call it
 * replaces (named in its comment): the same elements in the same order, the same attribute values.
 *
 * Why these stay beside the declared selectors (html/selector.ts, css-select, cheerio's engine): the
 * parsers' hot queries (`a[href]`, `table.tl1`, `#head .row`, `#toTable td.tonr a`) over the corpus's
 * 50 HTML pages took 1644 ms on css-select (compiled once) against 812 ms as these walks (20 passes,
 * best of 3, 2 cores under load): 2.0× — every parser moved onto css-select would raise the
 * parse bench's ratio to the htmlparser2 floor. Declared selectors are for the parts a page must have
 * (a few per page, where the count is checked); the walks are for reading rows and cells. Pure.
 */
import { parseDocument } from 'htmlparser2';
import type { AnyNode, Document, Element, ParentNode } from 'domhandler';
import { textContent } from './text';

export { textContent };

/** The document of a page: parsed as cheerio/slim's load(text) parses it. */
export function parseHtml(text: string): Document {
  return parseDocument(text);
}

/** The parsed document of a parse context, parsed on first use and then shared. */
export function documentOf(ctx: { text: string; document?: Document }): Document {
  if (!ctx.document) ctx.document = parseHtml(ctx.text);
  return ctx.document;
}

/** domhandler's isTag: elements, <script> and <style> (what a CSS selector can match). */
export function isTag(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

function childrenOf(node: AnyNode): AnyNode[] | null {
  const c = (node as ParentNode).children;
  return c === undefined ? null : c;
}

const BOOLEAN_ATTR = /^(?:autofocus|autoplay|async|checked|controls|defer|disabled|hidden|loop|multiple|open|readonly|required|scoped|selected)$/i;

/** cheerio's `.attr(name)` of one node (boolean attributes read as their name, an option's value as its text). */
export function attr(node: AnyNode | undefined | null, name: string): string | undefined {
  if (!node || !isTag(node)) return undefined;
  const attribs = node.attribs ?? {};
  if (Object.prototype.hasOwnProperty.call(attribs, name)) return BOOLEAN_ATTR.test(name) ? name : attribs[name];
  if (node.name === 'option' && name === 'value') return textContent(node.children);
  if (node.name === 'input' && (attribs.type === 'radio' || attribs.type === 'checkbox') && name === 'value') return 'on';
  return undefined;
}

/** css-select's getAttributeValue (what `[name…]`, `.class` and `#id` selectors compare). */
export function attrValue(el: Element, name: string): string | undefined {
  return el.attribs?.[name];
}

const SPACE = /\s/;

/** `.cls` in a selector and cheerio's hasClass: the class attribute holds the word (JS white space separates). */
export function hasClass(el: AnyNode, cls: string): boolean {
  if (!isTag(el)) return false;
  const value = el.attribs?.class;
  if (!value || cls.length === 0) return false;
  let idx = -1;
  while ((idx = value.indexOf(cls, idx + 1)) > -1) {
    const end = idx + cls.length;
    if ((idx === 0 || SPACE.test(value[idx - 1])) && (end === value.length || SPACE.test(value[end]))) return true;
  }
  return false;
}

/** `[name]`: the element has the attribute (css-select's hasAttrib). */
export function hasAttribute(el: Element, name: string): boolean {
  return !!el.attribs && Object.prototype.hasOwnProperty.call(el.attribs, name) && el.attribs[name] != null;
}

/** `[name*="part"]`: the attribute contains the (non-empty) part, case-sensitively. */
export function attrContains(el: Element, name: string, part: string): boolean {
  const v = el.attribs?.[name];
  return part !== '' && v != null && v.includes(part);
}

/** `#id` */
export function hasId(el: Element, id: string): boolean {
  return el.attribs?.id === id;
}

export type Test = (el: Element) => boolean;

function walk(nodes: readonly AnyNode[], test: Test, out: Element[], limit: number): boolean {
  for (const n of nodes) {
    if (isTag(n) && test(n)) {
      out.push(n);
      if (out.length >= limit) return true;
    }
    const c = childrenOf(n);
    if (c !== null && c.length > 0 && walk(c, test, out, limit)) return true;
  }
  return false;
}

/** Removes contexts that lie inside another context (css-select's removeSubsets), keeping order. */
function outermost(nodes: readonly AnyNode[]): AnyNode[] {
  if (nodes.length < 2) return [...nodes];
  const set = new Set(nodes);
  const out: AnyNode[] = [];
  const seen = new Set<AnyNode>();
  for (const n of nodes) {
    if (seen.has(n)) continue;
    seen.add(n);
    let p = n.parent;
    let nested = false;
    while (p) {
      if (set.has(p)) {
        nested = true;
        break;
      }
      p = p.parent;
    }
    if (!nested) out.push(n);
  }
  return out;
}

/**
 * cheerio's `$(ctx).find(selector)` for a selector without combinators: the descendant elements of
 * the context(s) that pass `test`, in document order (the search starts at the contexts' element
 * children, as cheerio's does). `limit` stops after that many.
 */
export function findAll(ctx: AnyNode | readonly AnyNode[], test: Test, limit = Infinity): Element[] {
  const out: Element[] = [];
  const roots = Array.isArray(ctx) ? outermost(ctx as readonly AnyNode[]) : [ctx as AnyNode];
  for (const r of roots) {
    const c = childrenOf(r);
    if (c === null) continue;
    const start = c.filter(isTag);
    if (walk(start, test, out, limit)) break;
  }
  return out;
}

/** Where a tree keeps its id index: on its top node (no WeakMap, whose ephemerons slow the GC down; no module state). */
const ID_INDEX = Symbol('ratsradar.idIndex');

type Indexed = { [ID_INDEX]?: Map<string, Element[]> };

function indexIds(nodes: readonly AnyNode[], index: Map<string, Element[]>): void {
  for (const n of nodes) {
    if (isTag(n)) {
      const id = n.attribs?.id;
      if (id !== undefined) {
        const list = index.get(id);
        if (list) list.push(n);
        else index.set(id, [n]);
      }
    }
    const c = childrenOf(n);
    if (c !== null && c.length > 0) indexIds(c, index);
  }
}

/**
 * Every element with this id in the tree `node` belongs to, in document order: an index built once
 * per tree (the parsers add no elements; list numbers are text nodes).
 */
function elementsWithId(node: AnyNode, id: string): Element[] {
  let top = node;
  while (top.parent) top = top.parent;
  let index = (top as Indexed)[ID_INDEX];
  if (!index) {
    index = new Map<string, Element[]>();
    const c = childrenOf(top);
    if (c !== null) indexIds(c.filter(isTag), index);
    (top as Indexed)[ID_INDEX] = index;
  }
  return index.get(id) ?? [];
}

function isBelow(el: AnyNode, root: AnyNode): boolean {
  for (let p = el.parent; p; p = p.parent) if (p === root) return true;
  return false;
}

/** `$(root).find('#id').first()[0]`: the first element below `root` with this id. */
export function byId(root: AnyNode, id: string): Element | undefined {
  const all = elementsWithId(root, id);
  if (root.parent === null) return all[0];
  return all.find((el) => isBelow(el, root));
}

/** Whether any element of the tree `node` belongs to has one of these ids. */
export function treeHasId(node: AnyNode, ids: readonly string[]): boolean {
  return ids.some((id) => elementsWithId(node, id).length > 0);
}

/** `$(ctx).find(selector).first()[0]` for a selector without combinators. */
export function findFirst(ctx: AnyNode | readonly AnyNode[], test: Test): Element | undefined {
  return findAll(ctx, test, 1)[0];
}

function tagParent(el: AnyNode): Element | null {
  const p = el.parent;
  return p && isTag(p) ? p : null;
}

/**
 * The ancestor tests of a descendant selector `A B C` that cheerio runs from the context(s) `ctx`:
 * `el` has an ancestor passing B that has an ancestor passing A (`chain` = [A, B]; through element
 * parents only, as css-select climbs). Where every context is an element inside another element,
 * cheerio's selector engine scopes the selector (`:scope A B C`, a context itself may be A): A must
 * be a context or lie inside one.
 */
export function hasAncestors(el: Element, ctx: AnyNode | readonly AnyNode[], chain: readonly Test[]): boolean {
  const contexts: readonly AnyNode[] = Array.isArray(ctx) ? (ctx as readonly AnyNode[]) : [ctx as AnyNode];
  const scoped = contexts.length > 0 && contexts.every((c) => isTag(c) && tagParent(c) !== null);
  const inScope = (a: Element): boolean => {
    if (!scoped) return true;
    for (let q: Element | null = a; q; q = tagParent(q)) if (contexts.includes(q)) return true;
    return false;
  };
  const match = (node: Element, i: number): boolean => {
    for (let p = tagParent(node); p; p = tagParent(p)) {
      if (chain[i](p) && (i === 0 ? inScope(p) : match(p, i - 1))) return true;
    }
    return false;
  };
  return chain.length === 0 ? true : match(el, chain.length - 1);
}

/** `A B` from the context(s): see hasAncestors. */
export function hasAncestor(el: Element, ctx: AnyNode | readonly AnyNode[], ancestor: Test): boolean {
  return hasAncestors(el, ctx, [ancestor]);
}

/** cheerio's `$(ctx).find('A B')`: elements passing `test` below the context(s) with an ancestor passing `ancestor` (see hasAncestors). */
export function findUnder(ctx: AnyNode | readonly AnyNode[], ancestor: Test, test: Test, limit = Infinity): Element[] {
  return findAll(ctx, (el) => test(el) && hasAncestors(el, ctx, [ancestor]), limit);
}

/** `$(ctx).find('#id1 X, #id2 X')`: findUnder with the ids as the ancestor test; at once empty when no element of the tree has one of the ids. */
export function findUnderId(ctx: AnyNode | readonly AnyNode[], ids: readonly string[], test: Test, limit = Infinity): Element[] {
  const any: AnyNode | undefined = Array.isArray(ctx) ? (ctx as readonly AnyNode[])[0] : (ctx as AnyNode);
  if (any === undefined || !treeHasId(any, ids)) return [];
  return findUnder(ctx, (el) => ids.some((id) => hasId(el, id)), test, limit);
}

/** cheerio's `$(ctx).find('A B C')`: `chain` = [A, B], see hasAncestors. */
export function findChain(ctx: AnyNode | readonly AnyNode[], chain: readonly Test[], test: Test, limit = Infinity): Element[] {
  return findAll(ctx, (el) => test(el) && hasAncestors(el, ctx, chain), limit);
}

/** cheerio's `.closest(selector)` of one node: the nearest element-or-self passing `test`, through element parents. */
export function closest(node: AnyNode, test: Test): Element | undefined {
  let n: AnyNode | null = node;
  if (n && n.type !== 'root' && !isTag(n)) n = n.parent;
  for (; n && isTag(n); n = n.parent) if (test(n)) return n;
  return undefined;
}

/** The element children of an element (cheerio's `.children()` of one element). */
export function childElements(node: AnyNode): Element[] {
  const c = childrenOf(node);
  return c === null ? [] : c.filter(isTag);
}

/** The element siblings after an element, in order (cheerio's `.nextAll()` of one element). */
export function nextElements(el: AnyNode): Element[] {
  const out: Element[] = [];
  for (let n = el.next; n; n = n.next) if (isTag(n)) out.push(n);
  return out;
}

/** The element siblings before an element, nearest first (cheerio's `.prevAll()` of one element). */
export function prevElements(el: AnyNode): Element[] {
  const out: Element[] = [];
  for (let n = el.prev; n; n = n.prev) if (isTag(n)) out.push(n);
  return out;
}

/** cheerio's `.parent()` of one node: its parent, unless that is the document. */
export function parentElement(node: AnyNode): Element | undefined {
  const p = node.parent;
  return p && p.type !== 'root' && isTag(p as AnyNode) ? (p as Element) : undefined;
}
