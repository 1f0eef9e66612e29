/**
 * The one text renderer (scrapers/html/text.ts) and list markers that leave the document as it was
 * (scrapers/html/list-numbers.ts). Inputs are small HTML pieces written for this test.
 */
import { parseHtml, findFirst } from '../../../scrapers/html/dom';
import { listMarkers } from '../../../scrapers/html/list-numbers';
import { ROWS, text, textContent, textLines, textValue } from '../../../scrapers/html/text';

const HTML = '<div><p>Erste<br/>Zeile</p><script>var x = 1;</script><table><tr><td>a</td><td>b</td></tr></table><select><option>X</option></select></div>';

describe('text(): one renderer, layouts by name', () => {
  const doc = parseHtml(HTML);
  const div = findFirst(doc, (el) => el.name === 'div')!;

  test.each([
    ['flat (cheerio .text(): scripts kept)', {}, 'ErsteZeilevar x = 1;abX'],
    ['flat, visibleOnly', { visibleOnly: true }, 'ErsteZeileabX'],
    ['flat, visibleOnly, separator', { visibleOnly: true, separator: ' ' }, 'Erste Zeile a b X'],
  ])('%s', (_name, opts, expected) => expect(text(div, opts)).toBe(expected));

  test("'lines': <br> and blocks break lines, a cell starts with a space, <select> shown", () => {
    expect(textLines([div])).toEqual(['Erste', 'Zeile', 'a b', 'X']);
  });

  test("'rows': a table row is one line, cells joined by ' | ', <select> not shown", () => {
    expect(textLines([div], ROWS)).toEqual(['Erste', 'Zeile', 'a | b']);
  });

  test('textValue: one cleaned line; null for nothing', () => {
    expect(textValue([div])).toBe('Erste Zeile a b X');
    expect(textValue([findFirst(doc, (el) => el.name === 'script')])).toBeNull();
    expect(textValue([undefined])).toBeNull();
  });

  test('lines: skip leaves out descendants', () => {
    expect(textValue([div], { skip: (el) => el.name === 'table' })).toBe('Erste Zeile X');
  });

  test('textContent of a text node and of several nodes', () => {
    const p = findFirst(doc, (el) => el.name === 'p')!;
    expect(textContent(p.children[0])).toBe('Erste');
    expect(textContent(p.children)).toBe('ErsteZeile');
  });
});

describe('listMarkers: the shown list numbers, the document unchanged', () => {
  const html = '<div><ol start="2" type="1"><li>Zwei</li><li value="7">Sieben</li><li>Acht</li></ol><ol type="a"><li>erstens</li></ol></div>';

  test('the markers reach the text, in lines and rows layouts', () => {
    const doc = parseHtml(html);
    const markers = listMarkers(doc);
    const div = findFirst(doc, (el) => el.name === 'div')!;
    expect(textLines([div], { markers })).toEqual(['2. Zwei', '7. Sieben', '8. Acht', 'a. erstens']);
    expect(textLines([div], { ...ROWS, markers })).toEqual(['2. Zwei', '7. Sieben', '8. Acht', 'a. erstens']);
    // 'rows' renders elements: the document node itself renders as nothing (as the texts' reader always did)
    expect(textLines([doc], ROWS)).toEqual([]);
  });

  test('the parsed document is not changed: its text is the same before and after', () => {
    const doc = parseHtml(html);
    const before = textContent(doc);
    listMarkers(doc);
    expect(textContent(doc)).toBe(before);
    expect(textLines([doc])).toEqual(['Zwei', 'Sieben', 'Acht', 'erstens']);
  });
});
