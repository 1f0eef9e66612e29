import fs from 'node:fs';
import path from 'node:path';
import { MAX_CHILDREN, MAX_NESTING_DEPTH, measureTree } from '../../../scrapers/shared/html-bounds';
import { decodePage } from '../../../scrapers/shared/encoding';
import { CORPUS } from '../../helpers/tmp';

function corpusFiles(dir = CORPUS): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return corpusFiles(p);
    return /\.(html|xml)$/.test(e.name) ? [p] : [];
  });
}

describe('measureTree', () => {
  test('every corpus page stays far inside the bounds (no real page is refused)', () => {
    const widest = { depth: 0, children: 0 };
    for (const f of corpusFiles()) {
      const b = measureTree(decodePage(fs.readFileSync(f)).text, 1e9, 1e9);
      widest.depth = Math.max(widest.depth, b.depth);
      widest.children = Math.max(widest.children, b.children);
    }
    expect(widest.depth).toBeGreaterThan(10);
    expect(widest.depth).toBeLessThan(MAX_NESTING_DEPTH / 10);
    expect(widest.children).toBeGreaterThan(20);
    expect(widest.children).toBeLessThan(MAX_CHILDREN / 50);
  });

  test.each([
    ['nested elements', '<html><body><div><div><span>x</span></div></div></body></html>', { depth: 5, children: 1 }],
    ['siblings', '<ul><li>a</li><li>b</li><li>c</li></ul>', { depth: 2, children: 3 }],
    ['unclosed <li>, <p>, <td> and <tr> close their predecessor, as in htmlparser2', '<ul><li>a<li>b<li>c</ul><p>1<p>2<table><tr><td>a<td>b<tr><td>c</table>', { depth: 3, children: 4 }],
    ['void elements do not nest', '<div><br><br><img src=x><input></div>', { depth: 1, children: 4 }],
    ['a stray close tag is ignored', '<div></span></td><b>x</b></div>', { depth: 2, children: 1 }],
    ['comments and scripts are not tags', '<div><!-- <div><div><div> --><script>if (a<b) document.write("<div><div>")</script></div>', { depth: 2, children: 1 }],
    ['CDATA content is read (ALLRIS 4 AJAX answers)', '<ajax-response><component><![CDATA[<table><tr><td>x</td></tr></table>]]></component></ajax-response>', { depth: 5, children: 1 }],
  ])('%s', (_name, html, expected) => {
    expect(measureTree(html)).toEqual(expected);
  });

  test('scanning stops just past a limit', () => {
    expect(measureTree('<i>'.repeat(100), 10)).toEqual({ depth: 11, children: 1 });
    expect(measureTree('<br>'.repeat(100), 10, 10)).toEqual({ depth: 0, children: 11 });
  });
});

describe('measureTree counts what htmlparser2 makes elements of', () => {
  test.each([
    ['a stray </p> becomes an empty <p>', '<div></p></p></p></div>', { depth: 1, children: 3 }],
    ['a stray </br> becomes a <br>', '</br></br>', { depth: 0, children: 2 }],
    ['<iframe> and <noscript> content is parsed as tags', '<iframe><b><b></b></b></iframe><noscript><i></i></noscript>', { depth: 3, children: 2 }],
  ])('%s', (_name, html, expected) => {
    expect(measureTree(html)).toEqual(expected);
  });
});
