/**
 * Word-converted decision texts number their points with `<ol start="2" type="1"><li>` (Aspose,
 * ALLRIS 4 docParts): a browser shows "2. Das Investitionsprogramm …", a text renderer loses the
 * number. listMarkers names the shown marker of each item; the text renderer puts it in front of the
 * item's text (the parsed document is not changed).
 */
import type { AnyNode, Element } from 'domhandler';
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
 * The shown marker of every `ol > li` under root ("1. ", "2. ", … from `start`, `<li value>` restarts),
 * for the text renderer's `markers` option (html/text.ts): the parsed document is not changed.
 */
export function listMarkers(root: AnyNode): Map<Element, string> {
  const markers = new Map<Element, string>();
  for (const ol of findAll(root, (el) => el.name === 'ol')) {
    const start = Number.parseInt(attr(ol, 'start') ?? '1', 10);
    let n = Number.isFinite(start) ? start : 1;
    const type = attr(ol, 'type');
    for (const li of childElements(ol).filter((c) => c.name === 'li')) {
      const value = Number.parseInt(attr(li, 'value') ?? '', 10);
      if (Number.isFinite(value)) n = value;
      markers.set(li, `${listMarker(n, type)} `);
      n += 1;
    }
  }
  return markers;
}
