/**
 * ALLRIS 3 classic / `_raw` vo020 → PaperRecord. Real pages are read in place from ../shared/corpus
 * (PROVENANCE.md); the expected records under test/expected/allris3/ were written by reading each page.
 * The small HTML snippets below are written for this test (traps no recorded page shows on its own).
 */
import * as fs from 'fs';
import * as path from 'path';
import { detectPage } from '../../../scrapers/detect';
import { LayoutChangedError } from '../../../scrapers/errors';
import { parseAllris3Paper } from '../../../scrapers/allris3/vo020';
import type { PaperRecord } from '../../../scrapers/records';

const CORPUS = path.resolve(__dirname, '../../../../shared/corpus/allris3');
const EXPECTED = path.resolve(__dirname, '../../expected/allris3');

function parseCorpus(page: string, url: string | null): PaperRecord {
  const d = detectPage(fs.readFileSync(path.join(CORPUS, `${page}.html`)), url);
  expect(d).toMatchObject({ system: 'allris3', kind: 'vo020' });
  return parseAllris3Paper({ text: d.text, url, systemVersion: d.systemVersion });
}

function expected(page: string): PaperRecord {
  return JSON.parse(fs.readFileSync(path.join(EXPECTED, `${page}.json`), 'utf8')) as PaperRecord;
}

const hh = (district: string, id: string) => `https://sitzungsdienst-${district}.hamburg.de/bi/vo020.asp?VOLFDNR=${id}`;

const PAGES: [string, string][] = [
  ['hamburg-altona/vo020-1018473', hh('altona', '1018473')],
  ['hamburg-bergedorf/vo020-1009833', hh('bergedorf', '1009833')],
  ['hamburg-eimsbuettel/vo020-1011853', hh('eimsbuettel', '1011853')],
  ['hamburg-mitte/vo020-1020365', hh('hamburg-mitte', '1020365')],
  ['hamburg-nord/vo020-1016851', hh('hamburg-nord', '1016851')],
  ['hildesheim/vo020-8000', 'https://www.stadt-hildesheim.de/allris/vo020.asp?VOLFDNR=8000'],
  ['regensburg/vo020-VO-26-23343-D2-excerpt', 'https://srv19.regensburg.de/bi/vo020.asp?VOLFDNR=22820'],
];

describe('parseAllris3Paper on recorded pages (full record)', () => {
  test.each(PAGES)('%s', (page, url) => {
    expect(parseCorpus(page, url)).toEqual(expected(page));
  });

  test('without a URL: sourceId from the page (meta objectID), url null, document links relative, nothing else changes', () => {
    const page = 'hamburg-nord/vo020-1016851';
    expect(parseCorpus(page, null)).toEqual({ ...expected(page), url: null, files: [{ name: 'Drucksache', url: 'do027.asp?DOLFDNR=1401263&options=64' }] });
  });

  test('without a URL: sourceId from the vo021 form, document links stay relative, expiring ___tmp attachment copies have no address', () => {
    const r = parseCorpus('hildesheim/vo020-8000', null);
    expect(r.sourceId).toBe('8000');
    expect(r.url).toBeNull();
    expect(r.files[0]).toEqual({ name: 'Vorlage', url: '/allris/do027.asp?DOLFDNR=373765&options=64' });
    expect(r.files[2]).toEqual({ name: 'Präsentation Entwurf Ernst-Ehrlicher-Park (incl. Kosten)', url: null });
    expect(r.files).toHaveLength(6);
  });

  test('Word list numbers are kept as a browser shows them: nested <ol type="I"> / <ol start="10"> (Bergedorf Auskunftsersuchen)', () => {
    const text = parseCorpus('hamburg-bergedorf/vo020-1009833', hh('bergedorf', '1009833')).text[0].text;
    expect(text).toContain('\nI. Fragen an die Fachbehörde für Soziales, Gesundheit und Integration:\n1. Welche Präventions-');
    expect(text).toContain('\nII. Fragen an die Behörde für Inneres und Sport:\n6. Welche sicherheitsbezogenen');
    expect(text).toContain('\nIII. Ressortübergreifende Fragen:\n10. Inwiefern sind die Justizbehörde');
    expect(text).toMatch(/\n11\. Wie werden die Maßnahmen der genannten Behörden ressortübergreifend koordiniert/);
  });

  test('hildesheim NOLIS wrapper: portal navigation does not leak into files or text', () => {
    const r = parseCorpus('hildesheim/vo020-8000', 'https://www.stadt-hildesheim.de/allris/vo020.asp?VOLFDNR=8000');
    expect(JSON.stringify(r)).not.toMatch(/portal\/seiten|Rathaus & Verwaltung|Ausschreibungen|Nachname/);
  });

  test('attachments listed twice (right column and table under the text) become one file each', () => {
    const r = parseCorpus('hamburg-altona/vo020-1018473', hh('altona', '1018473'));
    expect(r.files.map((f) => f.name)).toEqual([
      'Drucksache',
      '22-M2076.1 Metrobuslinie 1 - Anbindung des Marion Dönhoff Gymnasiums mit regulären Bussen wiederherstellen',
    ]);
  });
});

/** A minimal classic vo020 page (written for this test) around the given head rows and extras. */
function page(rows: string, opts: { h1?: string | null; after?: string; before?: string } = {}): string {
  const h1 = opts.h1 === undefined ? 'Vorlage - VO/1/2&nbsp;&nbsp;' : opts.h1;
  return `<?xml version="1.0" encoding="iso-8859-1"?><html><head><title>Vorlage</title>
<meta name="description" content="ALLRIS net Version 3.9.5 (221117m)" /></head><body>${opts.before ?? ''}
<div id="allriscontainer" class="vo020">${h1 === null ? '' : `<div id="risname"><h1>${h1}</h1></div>`}
<div id="rismain"><table class="tk1"><tr><td class="ko1" valign="top"><table class="tk1">
${rows}
</table></td><td class="ko2"></td><td class="me1"></td></tr></table>${opts.after ?? ''}</div></div></body></html>`;
}

const BETREFF = `<tr><td class="kb1">Betreff:</td><td class="text1" colspan="3">
<script language="Javascript" type="text/javascript"><!--
//<![CDATA[
	function checkClickResult(id, clicked, value) {
	}
//]]>
--></script>
Radweg&nbsp;&nbsp;an der\u00a0 Hauptstra&szlig;e<br  />Antrag der Fraktion</td></tr>`;

function parseHtml(html: string, url: string | null = 'https://ris.example.de/bi/vo020.asp?VOLFDNR=4711'): PaperRecord {
  return parseAllris3Paper({ text: html, url, systemVersion: '3.9.5' });
}

function consultationTable(rows: string): string {
  return `<tr><td class="kb1" colspan="4">Beratungsfolge:</td></tr>
<tr><td valign="top" colspan="4"><table cellspacing="0" cellpadding="3" border="0">
<tr><td><img src="images/einpix.gif" alt="" /></td><td colspan="6"><img src="images/einpix.gif" alt="" /></td></tr>
${rows}</table></td></tr>`;
}

describe('vendor traps', () => {
  test('Betreff: the inline checkClickResult script is stripped, <br> and NBSP runs become one space', () => {
    const r = parseHtml(page(BETREFF));
    expect(r.name).toBe('Radweg an der Hauptstraße Antrag der Fraktion');
    expect(r.reference).toBe('VO/1/2');
  });

  test('an ignored label (Verfasser, Bearbeiter/-in) ends the previous field and is not kept', () => {
    const r = parseHtml(
      page(`${BETREFF}
<tr><td class="kb1">Status:</td><td class="text3">nicht&nbsp;öffentlich</td><td class="kb1">Vorlage-Art:</td><td class="text4">Mitteilungsvorlage</td><td class="kb1">Verfasser:</td><td class="text4">Müller, Hans</td></tr>
<tr><td class="kb1">Federführend:</td><td class="text4">61 Stadtplanung</td><td class="kb1">Bearbeiter/-in:</td><td class="text4">Schulze, Erika</td></tr>`),
    );
    expect(r.paperType).toBe('Mitteilungsvorlage');
    expect(r.underDirectionOf).toEqual(['61 Stadtplanung']);
    expect(r.public).toBe(false);
    expect(r.statusText).toBe('nicht öffentlich');
    expect(JSON.stringify(r)).not.toMatch(/Müller|Schulze/);
  });

  test('label variants: Antragsteller, Federführende Organisationseinheit, Bezugsvorlage, Vorlageart, Datum', () => {
    const r = parseHtml(
      page(`${BETREFF}
<tr><td class="kb1">Status:</td><td class="text3">öffentlich (Vorlage freigegeben)</td><td class="kb1">Vorlageart:</td><td class="text4">Antrag</td></tr>
<tr><td class="kb1">Antragsteller/-in:</td><td class="text4">Fraktion DIE LINKE<br />SPD-Fraktion</td></tr>
<tr><td class="kb1">Federführende Organisationseinheit:</td><td class="text4">40 Bildung und Sport</td></tr>
<tr><td class="kb1">Bezugsvorlage:</td><td class="text4"><a href="vo020.asp?VOLFDNR=99">VII-A-00889</a>, VII-A-00890</td></tr>
<tr><td class="kb1">Datum:</td><td class="text2">22.01.2020&nbsp;</td><td class="kb1">Aktenzeichen:</td><td class="text4">AZ 1</td></tr>`),
    );
    expect(r).toMatchObject({
      paperType: 'Antrag',
      public: true,
      statusText: 'öffentlich (Vorlage freigegeben)',
      originator: ['Fraktion DIE LINKE', 'SPD-Fraktion'],
      underDirectionOf: ['40 Bildung und Sport'],
      relatedReferences: ['VII-A-00889', 'VII-A-00890'],
      date: '2020-01-22',
      sourceId: '4711',
    });
  });

  test('Beratungsfolge: "(offen)" and blank results are null with resultCode open; stations without meetings keep []', () => {
    const r = parseHtml(
      page(`${BETREFF}${consultationTable(`
<tr valign="top" class="zl12" title="Folgenummer 0"><td bgcolor="#ffffff" title="Erledigt"></td><td class="text1" colspan="3">Bauausschuss</td><td class="text1" colspan="3" nowrap="nowrap">Vorberatung</td></tr>
<tr valign="top" class="zl12"><td bgcolor="#ffffff" title="Erledigt"></td><td class="text2">01.02.2026&nbsp;</td>
<td><form action="to010.asp?topSelected=501" method="post"><input type="hidden" name="SILFDNR" value="77" /><input type="submit" class="il1_to" value="TO" /></form></td>
<td><a href="to010.asp?SILFDNR=77">Sitzung&nbsp;des&nbsp;Bauausschusses</a></td><td class="text3">vertagt&nbsp;</td><td>&nbsp;</td>
<td><form action="to020.asp" method="post"><input type="hidden" name="TOLFDNR" value="501" /><input type="submit" class="il1_naz" value="NA" title="Beschluss" /></form></td></tr>
<tr valign="top" class="zl12"><td bgcolor="#73d216" title="Geplant"></td><td class="text2">01.03.2026&nbsp;</td><td>&nbsp;</td>
<td><a href="to010.asp?SILFDNR=78&amp;TOLFDNR=502#beschluss">Sitzung des Bauausschusses</a></td><td class="text3">(offen)</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr valign="top" class="zl12" title="Folgenummer 1"><td bgcolor="#555753" title="Gestoppt"></td><td class="text1" colspan="3">Rat</td><td class="text1" colspan="3" nowrap="nowrap">Entscheidung</td></tr>`)}`),
    );
    expect(r.consultation).toEqual([
      {
        organization: 'Bauausschuss', role: 'Vorberatung', roleCode: 'preliminary', stationStatus: 'Erledigt',
        meetings: [
          { date: '2026-02-01', name: 'Sitzung des Bauausschusses', meetingSourceId: '77', agendaItemSourceId: '501', result: 'vertagt', resultCode: 'deferred' },
          { date: '2026-03-01', name: 'Sitzung des Bauausschusses', meetingSourceId: '78', agendaItemSourceId: '502', result: null, resultCode: 'open' },
        ],
      },
      { organization: 'Rat', role: 'Entscheidung', roleCode: 'decision', stationStatus: 'Gestoppt', meetings: [] },
    ]);
  });

  test('files: do027 POST buttons get the stable do027.asp?DOLFDNR= address, ___tmp copies none, portal links outside #rismain are ignored', () => {
    const me1 = `<hr /><form action="do027.asp" method="post"><input type="hidden" name="DOLFDNR" value="1" /><input type="submit" class="il2_p" value="Vorlage" title="Vorlage (Öffnet PDF-Datei in neuem Fenster)" /></form>
<a href="___tmp/tmp/45-181-136/abc/01/plan.pdf" title="Anlage 1 öffnen">Lageplan&nbsp;&nbsp;Nord</a>`;
    const r = parseHtml(page(BETREFF, { after: me1, before: '<div id="nav"><a href="___tmp/portal.pdf">Portal</a></div>' }));
    expect(r.files).toEqual([
      { name: 'Vorlage', url: 'https://ris.example.de/bi/do027.asp?DOLFDNR=1' },
      { name: 'Lageplan Nord', url: null },
    ]);
  });

  test('files: a do027 form without a numeric DOLFDNR has no address; options and typ are kept, other fields not', () => {
    const me1 = `<hr /><form action="do027.asp" method="post"><input type="hidden" name="DOLFDNR" value="x1" /><input type="submit" value="Kaputt" /></form>
<form action="do027.asp" method="post"><input type="hidden" name="DOLFDNR" value="7" /><input type="hidden" name="options" value="64" /><input type="hidden" name="annots" value="1" /><input type="hidden" name="typ" value="130" /><input type="submit" value="Sammeldokument" /></form>`;
    const r = parseHtml(page(BETREFF, { after: me1 }));
    expect(r.files).toEqual([
      { name: 'Kaputt', url: null },
      { name: 'Sammeldokument', url: 'https://ris.example.de/bi/do027.asp?DOLFDNR=7&options=64&typ=130' },
    ]);
  });

  test('text sections: heading line split off, paragraphs joined by "\\n", empty sections left out', () => {
    const doc = (body: string) =>
      `<?xml version="1.0" encoding="iso-8859-1" standalone="no"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "x"><html><head><title></title></head><body><div>${body}</div></body></html>`;
    const after = `<hr /><!-- ### SV1.rtf --><a name="allrisSV"></a>${doc('<p><span>Sachverhalt</span><span>:</span></p><p>&#xa0;</p><p>Erster&nbsp; Absatz<br />zweite Zeile</p><p>Letzter Absatz.</p>')}
<!-- ### BV2.rtf --><a name="allrisBV"></a>${doc('<p>Beschlussvorschlag:</p><p><span>&#xa0;</span></p>')}
<!-- ### AN3.rtf --><a name="allrisAN"></a>${doc('<p>Anlage/n: - </p>')}<!-- ### AN0.rtf -->`;
    const r = parseHtml(page(BETREFF, { after }));
    expect(r.text).toEqual([
      { heading: 'Sachverhalt', text: 'Erster Absatz\nzweite Zeile\nLetzter Absatz.' },
      { heading: 'Anlage/n', text: '-' },
    ]);
  });

  test('reference falls back to <title> when the page has no #risname h1', () => {
    const html = page(BETREFF, { h1: null }).replace('<title>Vorlage</title>', '<title>Vorlage - 23/224 - Radweg</title>');
    expect(parseHtml(html).reference).toBe('23/224');
  });

  test('LayoutChangedError when there is neither a reference h1 nor a Betreff', () => {
    const html = page('<tr><td class="kb1">Status:</td><td class="text3">öffentlich</td></tr>', { h1: null });
    expect(() => parseHtml(html)).toThrow(LayoutChangedError);
  });

  test('LayoutChangedError when a "Beratungsfolge:" label has no readable table', () => {
    const html = page(`${BETREFF}<tr><td class="kb1" colspan="4">Beratungsfolge:</td></tr><tr><td colspan="4">&nbsp;</td></tr>`);
    expect(() => parseHtml(html)).toThrow(LayoutChangedError);
    try {
      parseHtml(html);
    } catch (e) {
      expect((e as LayoutChangedError).selector).toMatch(/Beratungsfolge/);
      expect((e as LayoutChangedError).page).toBe('https://ris.example.de/bi/vo020.asp?VOLFDNR=4711');
    }
  });
});
