/**
 * ALLRIS 3 classic / `_raw` to010 → MeetingRecord. Real pages are read in place from ../shared/corpus
 * (PROVENANCE.md) through parsePage; the expected records under test/expected/ were written by
 * reading each page. The small HTML pages below are hand-made for this test (traps no recorded page
 * shows on its own) and say so.
 */
import * as fs from 'fs';
import * as path from 'path';
import { LayoutChangedError } from '../../../scrapers/errors';
import { parsePage } from '../../../scrapers/parse';
import type { MeetingRecord } from '../../../scrapers/records';
import { CASES, type MeetingCase } from '../../helpers/cases/meetings';
import { CORPUS } from '../../helpers/tmp';
import { expectSameWithoutUrl } from '../../helpers/meeting-without-url';

const EXPECTED = path.resolve(__dirname, '../../expected');
const CLASSIC = CASES.filter((c) => c.page.startsWith('allris3/') && !c.page.includes('to010r-'));

function parseCase(c: MeetingCase, url: string | null = c.url): MeetingRecord {
  return parsePage(fs.readFileSync(path.join(CORPUS, c.page)), url) as MeetingRecord;
}

function expected(c: MeetingCase): MeetingRecord {
  return JSON.parse(fs.readFileSync(path.join(EXPECTED, c.expected), 'utf8')) as MeetingRecord;
}

const byPage = (name: string) => CLASSIC.find((c) => c.page.includes(name))!;

describe('parseAllris3Meeting on recorded pages (full record)', () => {
  test.each(CLASSIC.map((c) => [c.page, c] as const))('%s', (_, c) => {
    expect(parseCase(c)).toEqual(expected(c));
  });

  test.each(CLASSIC.map((c) => [c.page, c] as const))('%s without a URL: sourceId from the page, url null, the meeting\'s document links as the page writes them', (_, c) => {
    expectSameWithoutUrl(parseCase(c, null), expected(c));
  });

  test('every item row is kept, sub-items included, in page order (Hamburg-Nord 6.1.1 … 7.1.2)', () => {
    const r = parseCase(byPage('to010-1003201'));
    expect(r.agendaItem.map((a) => a.number)).toEqual([
      '1', '2', '3', '4', '4.1', '5', '5.1', '6', '6.1', '6.1.1', '6.1.2', '6.1.3', '6.1.4', '6.1.5', '6.1.6', '6.1.7',
      '6.1.8', '7', '7.1', '7.1.1', '7.1.2', '7.2', '8', '8.1', '9',
    ]);
  });

  test('result only in the PA button title; "(offen)" is no result (Hildesheim)', () => {
    const items = parseCase(byPage('hildesheim')).agendaItem;
    expect(items.find((a) => a.number === '10.1')).toMatchObject({ result: 'zurückgezogen', resultCode: 'withdrawn' });
    expect(items.find((a) => a.number === '20.1')).toMatchObject({ result: 'geändert beschlossen', resultCode: 'adopted-amended' });
    expect(items.find((a) => a.number === '1')).toMatchObject({ result: null, resultCode: 'open' });
  });

  test('"Nachtrags-TOP" (the TOP number\'s title, green) marks an item added later: Hildesheim Ö 8, 10.1, 18.1, 20.2; Altona Ö 4–6, 7.6, 7.7', () => {
    const added = (name: string) => parseCase(byPage(name)).agendaItem.filter((a) => a.supplement === true).map((a) => a.number);
    expect(added('hildesheim')).toEqual(['8', '10.1', '18.1', '20.2']);
    expect(added('hamburg-altona')).toEqual(['4', '5', '6', '7.6', '7.7']);
    // the others carry no mark at all (not false)
    expect(parseCase(byPage('hildesheim')).agendaItem.filter((a) => a.supplement === undefined)).toHaveLength(29);
  });

  test('the grey Zusatzinfo is the item\'s note, never when it names a Referent (Hildesheim: none kept), a remark that names none is (Altona, Mitte)', () => {
    const notes = (name: string) => parseCase(byPage(name)).agendaItem.filter((a) => a.note).map((a) => [a.number, a.note]);
    expect(notes('hildesheim')).toEqual([]);
    expect(JSON.stringify(parseCase(byPage('hildesheim')))).not.toMatch(/Referent|Ingo Meyer|Wendt/);
    expect(notes('hamburg-altona')).toEqual([['2.4', 'Nach eingegangener Stellungnahme des Mobilitätsausschusses wird die Beratung im Ausschuss für Grün, Naturschutz und Sport fortgesetzt']]);
    expect(notes('hamburg-mitte')).toContainEqual(expect.arrayContaining(['Ein Vertreter der Polizei berichtet.']));
  });

  test('Ö/N marker per row: N 24–28 are non-public and keep their titles (Hildesheim)', () => {
    const items = parseCase(byPage('hildesheim')).agendaItem;
    expect(items.filter((a) => a.public === false).map((a) => [a.number, a.name])).toEqual([
      ['24', 'Genehmigung des Protokolls über die Sitzung vom 17.02.2025 (vertraulicher Teil)'],
      ['25', 'Grundstücksangelegenheit'],
      ['26', 'Verlängerung eines Erbbaurechtsvertrages'],
      ['27', 'Bericht des Oberbürgermeisters über wichtige Angelegenheiten'],
      ['28', 'Anfragen und Anregungen'],
    ]);
  });

  test('Zusatzinfo spans (Referent/-in, Verfasser/-in, remarks) are not part of the name', () => {
    const names = CLASSIC.flatMap((c) => parseCase(c).agendaItem.map((a) => a.name ?? ''));
    expect(names.filter((n) => /\(Referent|Verfasserin|Ein Vertreter der Polizei|Eine Ergänzung folgt/.test(n))).toEqual([]);
    const item = parseCase(byPage('hamburg-bergedorf')).agendaItem.find((a) => a.number === '4');
    expect(item?.name).toBe('Anhebung der Pauschalen für die Pflege und Unterhaltung von unüberdachten Sportflächen und Umkleidehäusern II');
  });

  test('an earlier meeting linked in the Vorlage column (TO form + to010 link) is no paper', () => {
    const items = parseCase(byPage('hamburg-mitte')).agendaItem;
    expect(items.find((a) => a.number === '2')).toMatchObject({ paperReference: null, paperSourceId: null });
  });

  test('without a URL the SILFDNR is never taken from the earlier meeting in the agenda', () => {
    const r = parseCase(byPage('hamburg-bergedorf'), null);
    expect(r.sourceId).toBe('1002949'); // not 1002948, the meeting whose minutes item 7 approves
  });

  test('Hildesheim NOLIS wrapper: portal navigation and footer do not leak in', () => {
    const r = parseCase(byPage('hildesheim'));
    expect(JSON.stringify(r)).not.toMatch(/portal\/seiten|Datenschutz|Zahlungsverkehr|Nach oben/);
  });

  test('Regensburg (_raw, no Bezeichnung row): name from the h1 without "Tagesordnung - "', () => {
    expect(parseCase(byPage('regensburg')).name).toBe(
      'Öffentliche/nichtöffentliche Sitzung des Ausschusses für Stadtplanung, Verkehr und Wohnungsfragen',
    );
  });
});

/** A minimal classic to010 page (hand-made for this test) around the given agenda rows. */
function page(rows: string | null, opts: { head?: string; header?: string; h1?: string } = {}): Uint8Array {
  const head =
    opts.head ??
    `<tr><td class="kb1">Gremium:</td><td class="text1"><a href="au020.asp?AULFDNR=7">Bauausschuss</a></td></tr>
<tr><td class="kb1">Datum:</td><td class="text2">Di, 22.09.2026</td><td class="kb1">Status:</td><td class="text3">öffentlich/nichtöffentlich</td></tr>`;
  const header = opts.header ?? '<tr class="zk1"><th>TOP</th><th colspan="2">&nbsp;</th><th>Betreff</th><th colspan="3">Vorlage</th></tr>';
  const table = rows === null ? '' : `<table class="tl1">${header}${rows}</table>`;
  const html = `<?xml version="1.0" encoding="iso-8859-1"?><html><head><title>Tagesordnung</title>
<meta name="description" content="ALLRIS net Version 3.9.5 (221117m)" /></head><body>
<div id="allriscontainer" class="to010"><div id="risname"><h1>${opts.h1 ?? 'Tagesordnung - Sitzung des Bauausschusses'}</h1></div>
<div id="rismain"><table class="tk1">${head}</table><hr />${table}</div></div></body></html>`;
  return new TextEncoder().encode(html);
}

const URL = 'https://ris.example/bi/to010.asp?SILFDNR=9';

function row(top: string, subject: string, extra = ''): string {
  return `<tr class="zl12"><td class="text4">${top}</td><td>&nbsp;</td><td>${extra}</td><td>${subject}</td><td></td><td></td><td>&nbsp;</td></tr>`;
}

describe('parseAllris3Meeting quirks (hand-made pages)', () => {
  test('section rows "Öffentlicher Teil" / "Nichtöffentlicher Teil" set publicity of unmarked rows and are no items', () => {
    const rows = [
      '<tr class="zl11"><td colspan="7">Öffentlicher Teil</td></tr>',
      row('<a href="to010.asp?SILFDNR=9&TOLFDNR=101#beschluss">1</a>', '<a href="to020.asp?TOLFDNR=101">Eröffnung</a>'),
      '<tr class="zl11"><td colspan="7">Nichtöffentlicher Teil</td></tr>',
      row('<a href="to010.asp?SILFDNR=9&TOLFDNR=102#beschluss">2</a>', 'Grundstücksangelegenheit'),
      row('<a href="to010.asp?SILFDNR=9&TOLFDNR=103#beschluss">Ö&nbsp;3</a>', 'Bericht'),
    ].join('');
    const r = parsePage(page(rows), URL) as MeetingRecord;
    expect(r.agendaItem.map((a) => [a.number, a.public, a.sourceId, a.name])).toEqual([
      ['1', true, '101', 'Eröffnung'],
      ['2', false, '102', 'Grundstücksangelegenheit'],
      ['3', true, '103', 'Bericht'], // the row's own marker wins over the section
    ]);
  });

  test('Hamburg N rows "(nichtöffentlich)" without links: kept, name null, TOLFDNR from the comment', () => {
    const rows =
      '<tr class="zl12"><td class="text4">N&nbsp;10</td><td>&nbsp;</td><td>&nbsp;</td><td class="text1">(nichtöffentlich)</td><!--555 --><td></td><td></td><td></td></tr>';
    const [item] = (parsePage(page(rows), URL) as MeetingRecord).agendaItem;
    expect(item).toEqual({
      number: '10', public: false, sourceId: '555', name: null, paperReference: null, paperSourceId: null, result: null, resultCode: 'open',
    });
  });

  test('the minutes "Pro" button row and spacer rows are no items', () => {
    const rows = [
      row('<a href="to010.asp?SILFDNR=9&TOLFDNR=101#beschluss">Ö&nbsp;1</a>', 'Niederschrift'),
      '<tr class="zl12"><td class="text4">&nbsp;</td><td colspan="3">&nbsp;</td><td><form action="do027.asp"><input type="hidden" name="DOLFDNR" value="1"/><input type="submit" class="il1_ns2" value="Pro" title="Niederschrift"/></form></td></tr>',
      '<tr><td>&nbsp;</td><td>&nbsp;</td></tr>',
    ].join('');
    expect((parsePage(page(rows), URL) as MeetingRecord).agendaItem).toHaveLength(1);
  });

  test('paper from the VO form alone when the number link is missing', () => {
    const rows = row(
      'Ö&nbsp;4',
      '<a href="to020.asp?TOLFDNR=104">Antrag</a>',
      '<form action="to020.asp"><input type="hidden" name="TOLFDNR" value="104"/><input type="submit" class="il1_naz" value="NA" title="abgelehnt&nbsp;"/></form>',
    ).replace('<td></td><td></td>', '<td><form action="vo020.asp"><input type="hidden" name="VOLFDNR" value="77"/><input type="submit" class="il1_vo" value="VO"/></form></td><td></td>');
    expect((parsePage(page(rows), URL) as MeetingRecord).agendaItem).toEqual([
      { number: '4', public: true, sourceId: '104', name: 'Antrag', paperReference: null, paperSourceId: '77', result: 'abgelehnt', resultCode: 'rejected' },
    ]);
  });

  test('an honestly empty agenda (header, no rows) is an empty list', () => {
    const r = parsePage(page(''), URL) as MeetingRecord;
    expect(r.agendaItem).toEqual([]);
    expect(r).toMatchObject({ sourceId: '9', name: 'Sitzung des Bauausschusses', organization: 'Bauausschuss', organizationSourceId: '7', date: '2026-09-22' });
  });

  test('LayoutChangedError when the agenda table is missing', () => {
    expect(() => parsePage(page(null), URL)).toThrow(LayoutChangedError);
    try {
      parsePage(page(null), URL);
    } catch (e) {
      expect((e as LayoutChangedError).page).toBe(URL);
      expect((e as LayoutChangedError).selector).toMatch(/table\.tl1/);
    }
  });

  test('LayoutChangedError when the agenda header has no TOP column', () => {
    const header = '<tr class="zk1"><th>Punkt</th><th colspan="2">&nbsp;</th><th>Betreff</th><th colspan="3">Vorlage</th></tr>';
    expect(() => parsePage(page('', { header }), URL)).toThrow(LayoutChangedError);
  });

  test('LayoutChangedError when neither heading nor head labels exist', () => {
    expect(() => parsePage(page('', { head: '', h1: '' }), URL)).toThrow(LayoutChangedError);
  });
});
