/**
 * Word-converted decision texts number their points with `<ol start="2" type="1"><li>` (Aspose,
 * ALLRIS 4 docParts): a browser shows "2. Das Investitionsprogramm …", a text renderer loses the
 * number. writeListNumbers puts the shown marker in front of each item's text, in the page's own
 * parsed tree (the caller's document; nothing outside it changes).
 */
import { Text, type AnyNode, type Element } from 'domhandler';
import { attr, childElements, findAll } from './dom';

function roman(n: number): string {
  const table: [number, string][] = [
    [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'],
    [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
  ];
  let out = '';
  for (const [value, digits] of table) {
    while (n >= value) {
      out += digits;
      n -= value;
    }
  }
  return out;
}

function letters(n: number): string {
  let out = '';
  while (n > 0) {
    n -= 1;
    out = String.fromCharCode(97 + (n % 26)) + out;
    n = Math.floor(n / 26);
  }
  return out;
}

/** The marker a browser shows for item n of `<ol type=…>`: "3.", "c.", "C.", "iii.", "III.". */
export function listMarker(n: number, type: string | undefined): string {
  switch (type) {
    case 'a': return `${letters(n)}.`;
    case 'A': return `${letters(n).toUpperCase()}.`;
    case 'i': return `${roman(n)}.`;
    case 'I': return `${roman(n).toUpperCase()}.`;
    default: return `${n}.`;
  }
}

/**
 * Prefixes every `ol > li` under root with its shown marker ("1. ", "2. ", … from `start`): a text node
 * before the item's first child.
 */
export function writeListNumbers(root: AnyNode): void {
  for (const ol of findAll(root, (el) => el.name === 'ol')) {
    const start = Number.parseInt(attr(ol, 'start') ?? '1', 10);
    let n = Number.isFinite(start) ? start : 1;
    const type = attr(ol, 'type');
    for (const li of childElements(ol).filter((c) => c.name === 'li')) {
      const value = Number.parseInt(attr(li, 'value') ?? '', 10);
      if (Number.isFinite(value)) n = value;
      prependText(li, `${listMarker(n, type)} `);
      n += 1;
    }
  }
}

function prependText(el: Element, data: string): void {
  const node = new Text(data);
  const first = el.children[0] ?? null;
  node.parent = el;
  node.prev = null;
  node.next = first;
  if (first) first.prev = node;
  el.children.unshift(node);
}
