/**
 * ALLRIS 3 classic / `_raw` to020 ("Auszug") → AgendaItem record with vote. Real pages are read in place
 * from ../shared/corpus (PROVENANCE.md) through parsePage; the expected records under test/expected/allris3/
 * were written by reading each page. The small HTML pages below are hand-made for this test (traps no
 * recorded page shows on its own).
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseAllris3AgendaItem } from '../../../scrapers/allris3/to020';
import { LayoutChangedError } from '../../../scrapers/errors';
import { parsePage } from '../../../scrapers/parse';
import type { AgendaItemWithVote } from '../../../scrapers/shared/vote';
import { CASES } from '../../helpers/cases/agenda-items';
import { CORPUS } from '../../helpers/tmp';

const EXPECTED = path.resolve(__dirname, '../../expected');
const ALLRIS3 = CASES.filter((c) => c.page.startsWith('allris3/'));

function parseCorpus(page: string, url: string | null) {
  return parsePage(fs.readFileSync(path.join(CORPUS, page)), url);
}

function expected(file: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(EXPECTED, file), 'utf8')) as Record<string, unknown>;
}

describe('parseAllris3AgendaItem on recorded pages (full record)', () => {
  test('every allris3 to020 page of the corpus has a case', () => {
    expect(ALLRIS3.map((c) => c.page).sort()).toEqual([
      'allris3/hamburg-altona/to020-1049839.html',
      'allris3/hamburg-bergedorf/to020-1031085.html',
      'allris3/hamburg-eimsbuettel/to020-1035144.html',
      'allris3/hamburg-mitte/to020-1040311.html',
      'allris3/hamburg-nord/to020-1036324.html',
      'allris3/hildesheim/to020-76127.html',
    ]);
  });

  test.each(ALLRIS3.map((c) => [c.page, c] as const))('%s', (_page, c) => {
    expect(parseCorpus(c.page, c.url)).toEqual(expected(c.expected));
  });

  test('without a URL: sourceId from meta objectID (Hamburg), url null, nothing else changes', () => {
    const c = ALLRIS3.find((x) => x.page.includes('hamburg-altona'))!;
    expect(parseCorpus(c.page, null)).toEqual({ ...expected(c.expected), url: null });
  });

  test('without a URL: sourceId from the forms\' topSelected= (Hildesheim has no objectID meta)', () => {
    const c = ALLRIS3.find((x) => x.page.includes('hildesheim'))!;
    expect(parseCorpus(c.page, null)).toEqual({ ...expected(c.expected), url: null });
  });

  test('hildesheim NOLIS wrapper: portal navigation and staff names do not leak into the record', () => {
    const c = ALLRIS3.find((x) => x.page.includes('hildesheim'))!;
    expect(JSON.stringify(parseCorpus(c.page, c.url))).not.toMatch(/portal\/seiten|Rathaus & Verwaltung|Kartenanwendung|Sie sind hier|Müller|König/);
  });

  test('the motion\'s type and lead office from its head table ("Vorlage-Art", "Drucksache-Art", "Federführend"), never the Verfasser or Bearbeiter beside them', () => {
    const of = (name: string) => {
      const c = ALLRIS3.find((x) => x.page.includes(name))!;
      const r = parseCorpus(c.page, c.url) as { paperType?: string; paperUnderDirectionOf?: string[] };
      return [r.paperType, r.paperUnderDirectionOf];
    };
    expect(of('hildesheim')).toEqual(['Beschlussvorlage', ['10 Büro des Oberbürgermeisters']]);
    expect(of('hamburg-altona')).toEqual(['Sitzungsvorlage öffentlich', ['Geschäftsstelle der Bezirksversammlung']]);
    // a page without them gives neither
    expect(of('hamburg-bergedorf')).toEqual([undefined, undefined]);
  });

  test('Beschlussart "(offen)" is a null result with resultCode open (bergedorf)', () => {
    const c = ALLRIS3.find((x) => x.page.includes('bergedorf'))!;
    expect(parseCorpus(c.page, c.url)).toMatchObject({ result: null, resultCode: 'open' });
  });

  test('an empty Beschluss section (<p><span>&nbsp;</span></p>) is left out (hamburg-mitte)', () => {
    const c = ALLRIS3.find((x) => x.page.includes('hamburg-mitte'))!;
    const r = parseCorpus(c.page, c.url) as AgendaItemWithVote;
    expect(r.text.map((s) => s.heading)).toEqual(['Protokoll']);
  });

  test('"einstimmig" in the minutes is not taken for the vote: only a labelled vote statement counts (hamburg-nord)', () => {
    const c = ALLRIS3.find((x) => x.page.includes('hamburg-nord'))!;
    expect(parseCorpus(c.page, c.url)).toMatchObject({ vote: null });
  });
});

/** A hand-made classic to020 page around the given head rows and text sections. */
function page(rows: string, opts: { h1?: string | null; after?: string; meta?: string } = {}): string {
  const h1 = opts.h1 === undefined ? 'Auszug - Radweg an der Hauptstra&szlig;e&nbsp;&nbsp;' : opts.h1;
  return `<?xml version="1.0" encoding="iso-8859-1"?><html><head><title>Auszug</title>
<meta name="description" content="ALLRIS net Version 3.9.5 (221117m)" />${opts.meta ?? ''}</head><body>
<div id="allriscontainer" class="to020">${h1 === null ? '' : `<div id="risname"><h1>${h1}</h1></div>`}
<div id="rismain"><table class="tk1"><tr><td class="ko1" valign="top"><table class="tk1">
${rows}
</table></td><td class="ko2">&nbsp;</td><td class="me1"><br /><a href="#allrisWP">Protokoll</a><br /><a href="#allrisAE">Abstimmungsergebnis</a></td></tr></table>
<hr />${opts.after ?? ''}</div></div></body></html>`;
}

const MEETING = `<tr valign="top"><td><form action="to010.asp?topSelected=501" method="post"><input type="hidden" name="SILFDNR" value="77" /><input type="submit" class="il1_to" value="TO" /></form></td>
<td class="text1" colspan="3"><a href="to010.asp?SILFDNR=77">Sitzung des Bauausschusses</a></td></tr>`;
const head = (top: string, result = 'ungeändert beschlossen&nbsp;') => `${MEETING}
<tr valign="top"><td class="kb1">TOP:</td><td class="text1" colspan="3">${top}</td></tr>
<tr valign="top"><td class="kb1">Gremium:</td><td class="text1"><a href="au020.asp?AULFDNR=5">Bauausschuss</a></td><td class="kb1">Beschlussart:</td><td class="text3">${result}</td></tr>
<tr valign="top"><td class="kb1">Datum:</td><td class="text2" nowrap="nowrap">Di, 22.09.2026</td><td class="kb1">Status:</td><td class="text3">öffentlich</td></tr>`;

const doc = (body: string) =>
  `<?xml version="1.0" encoding="iso-8859-1" standalone="no"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "x"><html><head><title></title></head><body><div>${body}</div></body></html>`;

function parseHtml(html: string, url: string | null = 'https://ris.example.de/bi/to020.asp?TOLFDNR=501') {
  return parseAllris3AgendaItem({ text: html, url, systemVersion: '3.9.5' });
}

describe('vendor traps (hand-made pages)', () => {
  test('"N&nbsp;10" is a non-public item numbered "10"; NBSP runs in the result are collapsed', () => {
    const r = parseHtml(page(head('N&nbsp;10')));
    expect(r).toMatchObject({
      number: '10', public: false, name: 'Radweg an der Hauptstraße', meetingSourceId: '77',
      meetingName: 'Sitzung des Bauausschusses', organization: 'Bauausschuss', date: '2026-09-22',
      result: 'ungeändert beschlossen', resultCode: 'adopted', paperReference: null, paperSourceId: null,
    });
  });

  test('a Vorlage row: reference = the link text up to its first word with a digit, VOLFDNR from the link', () => {
    const vo = `<tr><td><form action="vo020.asp" method="post"><input type="hidden" name="VOLFDNR" value="900" /><input type="submit" class="il1_vo" value="VO" /></form></td>
<td class="text1"><a href="vo020.asp?VOLFDNR=900">VO/26/23343/D2 Radweg<br />an der Hauptstraße</a></td><td class="kb1"></td><td class="text1">&nbsp;</td></tr>
<tr><td class="kb1">Verfasser:</td><td class="text4">Schulze, Erika</td></tr>`;
    const r = parseHtml(page(head('Ö 3') + vo));
    expect(r).toMatchObject({ paperReference: 'VO/26/23343/D2', paperSourceId: '900', public: true, number: '3' });
    expect(JSON.stringify(r)).not.toMatch(/Schulze/);
  });

  test('without a #risname h1 the name comes from <title> "Auszug - …"', () => {
    const html = page(head('Ö 1'), { h1: null }).replace('<title>Auszug</title>', '<title>Auszug - Annahme von Spenden\r\n</title>');
    expect(parseHtml(html).name).toBe('Annahme von Spenden');
  });

  test('without URL or objectID: sourceId from the print form, then from topSelected=', () => {
    const print = '<form action="to020.asp?TOLFDNR=502" method="post"><input type="hidden" name="TOLFDNR" value="502" /></form>';
    expect(parseHtml(page(head('Ö 1')).replace('<div id="rismain">', `${print}<div id="rismain">`), null).sourceId).toBe('502');
    expect(parseHtml(page(head('Ö 1')), null).sourceId).toBe('501');
    expect(parseHtml(page(head('Ö 1'), { meta: '<meta name="objectID" content="503" />' }), null).sourceId).toBe('503');
  });

  test('sections: empty ones left out, heading from the section\'s own first line or the page\'s anchor link; vote from the Abstimmungsergebnis', () => {
    const after = `<!-- ### WP1.rtf --><a name="allrisWP"></a>${doc('<p>Herr A. berichtet.</p><p><span>&#xa0;</span></p><p>Aussprache.</p>')}
<!-- ### BS0.rtf --><a name="allrisBS"></a>${doc('<p><span>&nbsp;</span></p>')}<!-- ### AN0.rtf -->
<!-- ### AE2.rtf --><a name="allrisAE"></a>${doc('<hr /><p><b>Abstimmungsergebnis:</b></p><p>Ja: 12, Nein: 3, Enthaltung: eine</p>')}`;
    const r = parseHtml(page(head('Ö 1'), { after }));
    expect(r.text).toEqual([
      { heading: 'Protokoll', text: 'Herr A. berichtet.\nAussprache.' },
      { heading: 'Abstimmungsergebnis', text: 'Ja: 12, Nein: 3, Enthaltung: eine' },
    ]);
    expect(r.vote).toEqual({ yes: 12, no: 3, abstain: 1, text: 'Ja: 12, Nein: 3, Enthaltung: eine' });
  });

  test('Beschlussart "(offen)" → result null, resultCode open', () => {
    expect(parseHtml(page(head('Ö 1', '(offen)')))).toMatchObject({ result: null, resultCode: 'open' });
  });

  test('LayoutChangedError naming the page and selector when there is no "TOP:" label', () => {
    const html = page('<tr><td class="kb1">Gremium:</td><td class="text1">Rat</td></tr>');
    expect(() => parseHtml(html)).toThrow(LayoutChangedError);
    try {
      parseHtml(html);
    } catch (e) {
      expect((e as LayoutChangedError).page).toBe('https://ris.example.de/bi/to020.asp?TOLFDNR=501');
      expect((e as LayoutChangedError).selector).toMatch(/TOP/);
    }
  });
});
