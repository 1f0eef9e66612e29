/**
 * ALLRIS 3 responsive `_r` to010 (to010_r.asp) → MeetingRecord. The real page (an upstream excerpt,
 * PROVENANCE.md) is read in place through parsePage; the expected record was written by reading it.
 * The small pages below are hand-made for this test and say so.
 */
import * as fs from 'fs';
import * as path from 'path';
import { LayoutChangedError } from '../../../scrapers/errors';
import { parsePage } from '../../../scrapers/parse';
import type { MeetingRecord } from '../../../scrapers/records';
import { CASES } from '../../helpers/cases/meetings';
import { CORPUS } from '../../helpers/tmp';

const CASE = CASES.find((c) => c.page.includes('to010r-1543'))!;
const expected = () =>
  JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../expected', CASE.expected), 'utf8')) as MeetingRecord;
const parseCase = (url: string | null) => parsePage(fs.readFileSync(path.join(CORPUS, CASE.page)), url) as MeetingRecord;

describe('parseAllris3rMeeting on the recorded Landkreis Osnabrück page', () => {
  test('full record', () => {
    expect(parseCase(CASE.url)).toEqual(expected());
  });

  test('without a URL: SILFDNR from the TOP links, url null', () => {
    expect(parseCase(null)).toEqual({ ...expected(), url: null });
  });

  test('table + caption opened twice: every row is read once', () => {
    expect(parseCase(CASE.url).agendaItem.map((a) => a.sourceId)).toEqual(['24115', '24118', '24130', '24135']);
  });

  test('unclosed <div> in td.tobetreff: the subject stops at its cell (no Vorlage number glued on)', () => {
    const item = parseCase(CASE.url).agendaItem[3];
    expect(item.name).toBe('Fortführung Lütti in Bramsche und Melle / Förderung ODV in kreisangehörigen Kommunen');
    expect(item.paperReference).toBe('VO/2026/181');
  });

  test('a link inside the subject (calendar date) stays part of the subject', () => {
    expect(parseCase(CASE.url).agendaItem[1].name).toBe('Genehmigung des Protokolls der Sitzung vom 29.06.2026');
  });
});

/** A minimal `_r` to010 page, hand-made for this test (with the Gremium row every real `_r` head shows: a required part). */
function page(body: string): Uint8Array {
  return new TextEncoder().encode(`<?xml version="1.0" encoding="iso-8859-1"?><html><head><title>ALLRIS - Tagesordnung</title></head>
<body><div id="allris" class="to010 normal"><h1 class="title">Bauausschuss - 01.10.2026</h1>
<div id="head"><div class="row"><a aria-describedby="sibetreff">Betreff:</a> <span id="sibetreff">Sitzung des Bauausschusses</span></div>
<div class="row"><a aria-describedby="sigremium">Gremium:</a> <span id="sigremium">Bauausschuss</span></div>
<div class="row"><a aria-describedby="sidatum">Datum:</a> <span id="sidatum">Do, 01.10.2026</span>
<a aria-describedby="sizeit">Zeit:</a> <span id="sizeit">17:00 - 19:00</span></div></div>
${body}</div></body></html>`);
}

const URL = 'https://ris.example/bi/to010_r.asp?SILFDNR=5';

describe('parseAllris3rMeeting quirks (hand-made pages)', () => {
  test('head by aria-describedby labels; section rows set publicity; result from td.tobanr', () => {
    const r = parsePage(
      page(`<div id="toTable"><table class="dataTable toTable"><tbody>
<tr><td class="tonr"></td><td class="tobetreff"><div>Nichtöffentlicher Teil</div></td><td class="tovonr"></td></tr>
<tr><td class="tonr"><a href="to010_r.asp?SILFDNR=5&TOLFDNR=51#beschluss">7</a></td><td class="tobetreff"><div>Grundstück</div></td><td class="tovonr"></td><td class="tobanr">vertagt</td></tr>
</tbody></table></div>`),
      URL,
    ) as MeetingRecord;
    expect(r).toMatchObject({ name: 'Sitzung des Bauausschusses', date: '2026-10-01', start: '17:00', end: '19:00', sourceId: '5' });
    expect(r.agendaItem).toEqual([
      { number: '7', public: false, sourceId: '51', name: 'Grundstück', paperReference: null, paperSourceId: null, result: 'vertagt', resultCode: 'deferred' },
    ]);
  });

  test('LayoutChangedError naming #toTable when the agenda table is missing', () => {
    expect(() => parsePage(page('<div id="toTable-missing"></div><div id="bfTable"></div>'), URL)).toThrow(LayoutChangedError);
  });
});
