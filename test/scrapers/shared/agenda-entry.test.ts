/**
 * The pieces every to010 parser shares (scrapers/shared/agenda-entry.ts, agenda-meeting-head.ts):
 * TOP numbers with Ö/N markers, section publicity, the agenda entry itself, meeting names from titles.
 * Inputs are written for this test.
 */
import { findAll, parseHtml } from '../../../scrapers/html/dom';
import {
  agendaItem, isSectionText, looksLikeTopNumber, publicFromSection, rowNote, splitTopNumber, subjectText,
} from '../../../scrapers/shared/agenda-entry';
import { nameFromTitle, organizationIdFromHref } from '../../../scrapers/shared/agenda-meeting-head';

describe('splitTopNumber', () => {
  test.each([
    ['Ö 1', '1', true],
    ['Ö\u00a02.1', '2.1', true],
    ['N 10', '10', false],
    ['NÖ 3', '3', false],
    ['Ö1', '1', true],
    ['10.1', '10.1', null],
    ['Nachtrag', 'Nachtrag', null],
    ['', null, null],
  ])('%j → number %j, public %j', (text, number, isPublic) => {
    expect(splitTopNumber(text)).toEqual({ number, public: isPublic });
  });

  test('looksLikeTopNumber: numbers yes, headings in the TOP column no', () => {
    expect(['Ö 1', 'N 24', '3.1.1', '10a'].map(looksLikeTopNumber)).toEqual([true, true, true, true]);
    expect(['Öffentlicher Teil', 'Nichtöffentlicher Teil', '', null].map(looksLikeTopNumber)).toEqual([false, false, false, false]);
  });
});

describe('publicFromSection', () => {
  test.each([
    ['öffentlicher Teil (19:30 - 20:40 Uhr)', true],
    ['Öffentlicher Teil', true],
    ['Nichtöffentlicher Teil', false],
    ['nicht öffentlicher Teil', false],
    ['Nicht-öffentliche Sitzung', false],
    ['vertraulicher Teil', false],
    ['Anträge', null],
    ['', null],
  ])('%j → %j', (text, expected) => {
    expect(publicFromSection(text)).toBe(expected);
  });

  test('isSectionText only for publicity headings', () => {
    expect(isSectionText('Nichtöffentlicher Teil')).toBe(true);
    expect(isSectionText('Anträge')).toBe(false);
  });
});

describe('agendaItem', () => {
  const base = { sectionPublic: null, sourceId: '1', name: ' Bericht ', paperReference: null, paperSourceId: null };

  test('the row marker wins over the section; "(offen)" is no result', () => {
    expect(agendaItem({ ...base, numberText: 'N 4', sectionPublic: true, resultText: '(offen)' })).toEqual({
      number: '4', public: false, sourceId: '1', name: 'Bericht', paperReference: null, paperSourceId: null, result: null, resultCode: 'open',
    });
  });

  test('without marker the section decides; the result keeps its text beside its code', () => {
    expect(agendaItem({ ...base, numberText: '3.1', sectionPublic: false, resultText: 'ungeändert beschlossen\u00a0' })).toMatchObject({
      number: '3.1', public: false, result: 'ungeändert beschlossen', resultCode: 'adopted',
    });
  });
});

describe('subjectText', () => {
  test('drops the grey Zusatzinfo span and ALLRIS 4 span.zusatzinfo, keeps line breaks as spaces', () => {
    const cells = findAll(parseHtml('<table><tr><td><a>Integrationsplan\n <span title="Zusatzinfo">(Referentin: N. N.)</span></a></td><td><a>Bericht<span class="zusatzinfo">x</span> </a></td></tr></table>'), (el) => el.name === 'td');
    expect(subjectText([cells[0]])).toBe('Integrationsplan');
    expect(subjectText([cells[1]])).toBe('Bericht');
  });

  test('"(nichtöffentlich)" alone is no name', () => {
    const cells = findAll(parseHtml('<table><tr><td class="text1">(nichtöffentlich)</td></tr></table>'), (el) => el.name === 'td');
    expect(subjectText(cells)).toBeNull();
  });
});

describe('meeting head helpers', () => {
  test('nameFromTitle: classic h1 prefix and the ALLRIS 4 / _r trailing date', () => {
    expect(nameFromTitle('Tagesordnung - Sitzung des Bauausschusses\u00a0\u00a0', null)).toBe('Sitzung des Bauausschusses');
    expect(nameFromTitle('Kreistag des Landkreises Osnabrück - 28.09.2026', '2026-09-28')).toBe('Kreistag des Landkreises Osnabrück');
    expect(nameFromTitle('Ausschuss A - B', '2026-09-28')).toBe('Ausschuss A - B');
  });

  test('organizationIdFromHref: AULFDNR, PALFDNR, GRLFDNR', () => {
    expect(organizationIdFromHref('au020.asp?T1=Ausschuss&amp;AULFDNR=235&amp;altoption=Ausschuss')).toBe('235');
    expect(organizationIdFromHref('pa020.asp?history=switch&PALFDNR=211')).toBe('211');
    expect(organizationIdFromHref('../allris3/gr020?GRLFDNR=33')).toBe('33');
    expect(organizationIdFromHref('si010_e.asp?MM=1')).toBeNull();
  });
});

describe('rowNote', () => {
  const note = (remark: string, attr = 'title="Zusatzinfo"') =>
    rowNote(findAll(parseHtml(`<table><tr><td><a>Bericht <span ${attr}>${remark}</span></a></td></tr></table>`), (el) => el.name === 'td'));
  test.each<[string, string | null]>([
    ['(Nach eingegangener Stellungnahme des Mobilitätsausschusses wird die Beratung fortgesetzt)', 'Nach eingegangener Stellungnahme des Mobilitätsausschusses wird die Beratung fortgesetzt'],
    ['(Ein Vertreter der Polizei berichtet.)', 'Ein Vertreter der Polizei berichtet.'],
    ['(Verfasserin: CDU-Fraktion)', 'Verfasserin: CDU-Fraktion'],
    // a person by role, or by name: never kept
    ['(Referent: Dr. Ingo Meyer)', null],
    ['(Referentin Claudia Maria Wendt)', null],
    ['(Berichterstatterin: Anna Beispiel)', null],
    ['(Verfasser: Max Muster)', null],
    ['(Herr Müller vom Bezirksamt berichtet)', null],
    ['(Bericht durch Frau Schulz)', null],
    ['  ', null],
  ])('%s → %s', (remark, expected) => {
    expect(note(remark)).toBe(expected);
  });

  test('ALLRIS 4\'s span.zusatzinfo alike; a row without a remark has none', () => {
    expect(note('Eine Ergänzung folgt.', 'class="zusatzinfo"')).toBe('Eine Ergänzung folgt.');
    expect(rowNote(findAll(parseHtml('<table><tr><td><a>Bericht</a></td></tr></table>'), (el) => el.name === 'td'))).toBeNull();
  });
});

