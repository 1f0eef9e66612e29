/**
 * recoverPageUrl on every page of the corpus: the address a page names itself is the one it was served
 * at (test/fixtures/replay/corpus-manifest.json), or null where the page does not say — never another.
 * The variants below are made in the test from corpus pages (a link to another paper, addresses that
 * disagree, a calendar without both neighbours) and must not give a wrong address either.
 */
import fs from 'node:fs';
import { detectPage, type Detected } from '../../scrapers/detect';
import { pageFolder, pageUrlForId, recoverPageUrl } from '../../scrapers/page-url';
import { loadSourcesFile } from '../../src/ingest/crawl/sources';
import { corpusPages } from '../helpers/replay';

const bases = new Map(loadSourcesFile().map((s) => [s.key, s.baseUrl]));
const pages = corpusPages();
const detected = (file: string, edit: (t: string) => string = (t) => t): Detected =>
  detectPage(Buffer.from(edit(fs.readFileSync(pages.find((p) => p.file === file)!.absFile, 'utf8')), 'utf8'), null);

/** The pages that do not name their own address (each checked by hand: nothing in them says it). */
const SILENT = [
  'allris3/hamburg-nord/fr010-list.html', // a list: its address is a query (SELECT=1), not an identity
  'allris3/hamburg-nord/vo040-list.html',
  'allris3/hohenhameln/si010-calendar-excerpt.html', // no month, no year, no link to another month
  'allris3/landkreis-osnabrueck/vo020r-4010-excerpt.html', // no VOLFDNR anywhere (its id comes from the agenda: page-address.ts)
  'allris3/regensburg/vo020-VO-26-23343-D2-excerpt.html', // idem
  'allris4/trier/si010-ajax-calendar-2026-10.xml', // an AJAX answer: no address of its own
];

describe('recoverPageUrl on the corpus', () => {
  test.each(pages.map((p) => [p.file, p.url, p.source]))('%s', (file, url, source) => {
    const got = recoverPageUrl(detected(file), (source ? bases.get(source) : undefined) ?? null);
    expect(got).toBe(SILENT.includes(file) ? null : url);
  });

  test('without a known base: the page\'s own statement (perhaps over http) or null, never another page', () => {
    let named = 0;
    for (const p of pages) {
      const got = recoverPageUrl(detected(p.file), null);
      if (got === null) continue;
      named++;
      expect([p.file, got.replace(/^http:/, 'https:')]).toEqual([p.file, p.url.replace(/^http:/, 'https:')]);
    }
    // every OParl page, the Hamburg pages (their mail link), Laatzen, Taunusstein and Hildesheim's base href
    expect(named).toBe(47);
  });
});

describe('recoverPageUrl never guesses', () => {
  const REGENSBURG_VO = 'allris3/regensburg/vo020-VO-26-23343-D2-excerpt.html';
  const NORD_VO = 'allris3/hamburg-nord/vo020-1016851.html';
  const base = 'https://srv19.regensburg.de/bi/';

  test('a paper page linking another paper (its Ursprungsvorlage) does not take that paper\'s address', () => {
    const d = detected(REGENSBURG_VO, (t) => t.replace('<hr />', '<a href="vo020.asp?VOLFDNR=999">VO/26/00001</a><form action="vo020.asp"><input type="hidden" name="VOLFDNR" value="998" /></form><hr />'));
    expect(recoverPageUrl(d, base)).toBeNull();
  });

  test('places that name two different papers give no address', () => {
    const d = detected(NORD_VO, (t) => t.replace('<meta name="objectID" content="1016851"', '<meta name="objectID" content="1016852"'));
    expect(recoverPageUrl(d, 'https://sitzungsdienst-hamburg-nord.hamburg.de/bi/')).toBeNull();
  });

  test('a meeting page linking the previous meeting keeps its own address (Hildesheim links SILFDNR=3711)', () => {
    expect(recoverPageUrl(detected('allris3/hildesheim/to010-3712.html'), 'https://www.stadt-hildesheim.de/allris/'))
      .toBe('https://www.stadt-hildesheim.de/allris/to010.asp?SILFDNR=3712');
  });

  test('a calendar gets its month from both neighbours only: one neighbour is not enough', () => {
    const file = 'allris3/regensburg/si010-calendar-2026-09-excerpt.html';
    expect(recoverPageUrl(detected(file), base)).toBe('https://srv19.regensburg.de/bi/si010.asp?MM=9&YY=2026');
    expect(recoverPageUrl(detected(file, (t) => t.replace(/si010\.asp\?MM=10&amp;YY=2026/g, 'si010.asp?MM=11&amp;YY=2026')), base)).toBeNull();
    expect(recoverPageUrl(detected(file, (t) => t.replace(/href="si010\.asp\?MM=10&amp;YY=2026"/g, 'href="#"')), base)).toBeNull();
  });

  test('a page naming its address on another host than the known base keeps its own host and scheme', () => {
    const d = detected(NORD_VO);
    expect(recoverPageUrl(d, 'https://ris.example.org/bi/')).toBe('http://sitzungsdienst-hamburg-nord.hamburg.de/bi/vo020.asp?VOLFDNR=1016851');
  });

  test('a relative address without any folder to read it against is no address (Trier names only "to010?SILFDNR=…")', () => {
    expect(recoverPageUrl(detected('allris4/trier/to010-1000264.html'), null)).toBeNull();
    expect(recoverPageUrl(detected('allris4/trier/to010-1000264.html'), 'https://ratsinfo.trier.de/public/'))
      .toBe('https://ratsinfo.trier.de/public/to010?SILFDNR=1000264');
  });
});

describe('pageFolder and pageUrlForId', () => {
  test('the folder: <base href>, else the page\'s own absolute address, else the known base', () => {
    expect(pageFolder(detected('allris3/hildesheim/to020-76127.html'), null)).toBe('https://www.stadt-hildesheim.de/allris/');
    expect(pageFolder(detected('allris3/hamburg-nord/vo020-1016851.html'), 'https://sitzungsdienst-hamburg-nord.hamburg.de/bi/'))
      .toBe('https://sitzungsdienst-hamburg-nord.hamburg.de/bi/');
    expect(pageFolder(detected('allris3/regensburg/vo020-VO-26-23343-D2-excerpt.html'), null)).toBeNull();
  });

  test('a paper\'s address for an id known from elsewhere: classic, responsive `_r`, ALLRIS 4', () => {
    expect(pageUrlForId(detected('allris3/regensburg/vo020-VO-26-23343-D2-excerpt.html'), 'https://srv19.regensburg.de/bi/', '22820'))
      .toBe('https://srv19.regensburg.de/bi/vo020.asp?VOLFDNR=22820');
    expect(pageUrlForId(detected('allris3/landkreis-osnabrueck/vo020r-4010-excerpt.html'), 'https://kis.lkos.de/bi/', '4010'))
      .toBe('https://kis.lkos.de/bi/vo020_r.asp?VOLFDNR=4010');
    expect(pageUrlForId(detected('allris4/laatzen/vo020-1000238.html'), 'https://ratsinfo.laatzen.de/public/', '1000238'))
      .toBe('https://ratsinfo.laatzen.de/public/vo020?VOLFDNR=1000238');
    expect(pageUrlForId(detected('allris3/regensburg/vo020-VO-26-23343-D2-excerpt.html'), null, '22820')).toBeNull();
    expect(pageUrlForId(detected('allris3/regensburg/vo020-VO-26-23343-D2-excerpt.html'), 'https://srv19.regensburg.de/bi/', 'ref:x')).toBeNull();
  });
});
