/**
 * ALLRIS 3 start page (allris.net.asp) → SystemRecord. The real page is read in place from ../shared/corpus
 * (PROVENANCE.md); its expected record under test/expected/ was written by reading the page. The small pages
 * built with startPage are hand-made for this test (traps the recorded excerpt does not show).
 */
import { LayoutChangedError } from '../../../scrapers/errors';
import { parsePage } from '../../../scrapers/parse';
import { programName } from '../../../scrapers/allris3/start';
import type { SystemRecord } from '../../../scrapers/records';
import { caseOf, expectedOf, latin1, parseCase } from '../../helpers/list-pages';

const WST = caseOf('westerstede/startpage-menu-allris.net.asp-excerpt.html');

describe('start page on the recorded page (full record)', () => {
  test('Westerstede: programs in menu order; no installation name on the page (title is only "ALLRIS net")', () => {
    expect(parseCase(WST, WST.url)).toEqual(expectedOf(WST));
  });

  test('without a URL: url null, nothing else changes', () => {
    expect(parseCase(WST, null)).toEqual({ ...expectedOf<SystemRecord>(WST), url: null });
  });
});

/** A hand-made 3.9.5 start page with the given menu items, optional #rishead / #risname, portal markup. */
function startPage(menu: string, opts: { head?: string; name?: string; title?: string; outside?: string } = {}): string {
  return `<?xml version="1.0" encoding="iso-8859-1"?>
<html xmlns="http://www.w3.org/1999/xhtml" lang="de"><head><title>${opts.title ?? 'ALLRIS net'}</title>
<meta name="description" content="ALLRIS net Version 3.9.5 (221117m)" /></head><body>${opts.outside ?? ''}
<div id="allriscontainer" class="allris"><div id="risleft"><div id="rismenu"><ul id="menu">
<li><strong><a href="/bi/allris.net.asp?toggleMenu=1" title="Reduzieren">Bürgerinfo</a></strong></li><li><ul>${menu}</ul></li></ul></div></div>
<div id="risright">${opts.head ? `<div id="rishead"><p class="topHeadline">${opts.head}</p></div>` : ''}
${opts.name ? `<div id="risname"><h1>${opts.name}&nbsp;&nbsp;</h1></div>` : ''}<div id="rismain"></div></div></div></body></html>
`;
}
const li = (href: string, text = 'x') => `<li><a href="${href}">${text}</a></li>`;
const URL = 'https://ris.example.de/bi/allris.net.asp';
const parse = (html: string, url: string | null = URL) => parsePage(latin1(html), url) as SystemRecord;

describe('start page quirks on hand-made pages', () => {
  test('each program once, query strings and paths dropped; Home, toggleMenu and other hosts are no programs', () => {
    const menu = [
      li('allris.net.asp', 'Home'), li('au010.asp?T1=Gremien&amp;AU=Gremium'), li('fr010.asp?SELECT=1'), li('/bi/si010_j.asp'),
      li('au010.asp?T1=Ortsräte'), li('https://www.example.de/stadt.asp', 'Stadt'), li('https://ris.example.de/bi/kp040.asp'),
      li('vo040.asp'), li('mailto:info@example.de'), li('impressum.asp'),
    ].join('');
    expect(parse(startPage(menu)).programs).toEqual(['au010', 'fr010', 'si010_j', 'kp040', 'vo040', 'impressum']);
  });

  test('the installation name: #risname heading, else the headline above it, else a title saying more than "ALLRIS net"', () => {
    const menu = li('vo040.asp');
    expect(parse(startPage(menu, { name: 'Bürgerinformationssystem Stadt X', head: 'Kopf' })).name).toBe('Bürgerinformationssystem Stadt X');
    expect(parse(startPage(menu, { head: 'Bezirksversammlung Hamburg-Nord' })).name).toBe('Bezirksversammlung Hamburg-Nord');
    expect(parse(startPage(menu, { title: 'ALLRIS net - Stadt Musterstadt' })).name).toBe('Stadt Musterstadt');
    expect(parse(startPage(menu)).name).toBeNull();
  });

  test('a city portal around ALLRIS: its navigation links are no programs', () => {
    const outside = '<nav class="site-navigation"><ul><li><a href="https://www.example.de/buergerinformationssystem/si010_r.asp">Kalender</a></li><li><a href="yw040_r.asp">Suche</a></li></ul></nav>';
    expect(parse(startPage(li('si010_e.asp'), { outside })).programs).toEqual(['si010_e']);
  });

  test('programName reads the file name of a program link', () => {
    expect(programName('do011_x.asp', null)).toBe('do011_x');
    expect(programName('/bi/si010_e.asp?MM=9&YY=2026', null)).toBe('si010_e');
    expect(programName('http://other.example/bi/vo040.asp', null)).toBeNull();
    expect(programName('webcal://ris.example.de/bi/si010.asp', URL)).toBeNull();
    expect(programName('https://ris.example.de/bi/vo040.asp', URL)).toBe('vo040');
  });

  test('no ALLRIS menu, or a menu without programs: LayoutChangedError naming the page', () => {
    const noMenu = startPage(li('vo040.asp')).replace(/<div id="rismenu">[\s\S]*?<\/ul><\/li><\/ul><\/div>/, '<div id="nix"></div>');
    expect(() => parse(noMenu)).toThrow(LayoutChangedError);
    expect(() => parse(startPage(li('allris.net.asp', 'Home')))).toThrow(LayoutChangedError);
    try {
      parse(noMenu);
    } catch (e) {
      expect((e as LayoutChangedError).page).toBe(URL);
    }
  });
});
