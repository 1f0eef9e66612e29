/** The pure parts of "where it matched": excerpts as parts, staff labels cut, spellings asked for. */
import { toSpellings } from '../../../src/db/fts-query';
import { MARK_END as E, MARK_START as S } from '../../../src/db/queries-search';
import { redactStaff, toMatchPlacesView, toSnippetParts } from '../../../src/server/views/match-view';

describe('toSnippetParts', () => {
  test.each<[string, { text: string; mark: boolean }[]]>([
    [`Der ${S}Pilotbetrieb${E} beginnt`, [{ text: 'Der ', mark: false }, { text: 'Pilotbetrieb', mark: true }, { text: ' beginnt', mark: false }]],
    [`${S}a${E}${S}b${E}`, [{ text: 'a', mark: true }, { text: 'b', mark: true }]],
    ['<b>kein HTML</b>\n\n  hier', [{ text: '<b>kein HTML</b> hier', mark: false }]],
    ['', []],
  ])('%j', (raw, parts) => {
    expect(toSnippetParts(raw)).toEqual(parts);
  });
});

describe('redactStaff', () => {
  test.each<[string, string]>([
    ['Bearbeiterin: Erika Musterfrau, Tel. 1234\nDer Rat beschließt', 'Bearbeiterin: …\nDer Rat beschließt'],
    ['Bearbeiter/-in: Max Muster', 'Bearbeiter/-in: …'],
    ['Sachbearbeiter Herr X', 'Sachbearbeiter: …'],
    ['Verfasserin: Frau Y', 'Verfasserin: …'],
    ['Ansprechpartner: Z (Amt 61)', 'Ansprechpartner: …'],
    ['Der Antrag der Fraktion', 'Der Antrag der Fraktion'],
  ])('%j', (text, expected) => {
    expect(redactStaff(text)).toBe(expected);
  });
});

describe('toMatchPlacesView', () => {
  test('a document link opens the page; a non-http address is no link', () => {
    const view = toMatchPlacesView({
      title: null,
      referenceMatched: false,
      text: null,
      documents: [
        { fileId: 1, name: 'Vorlage', url: 'https://ris.example/do027.asp?DOLFDNR=1#x', page: 3, pages: 4, snippet: `${S}a${E}` },
        { fileId: 2, name: ' ', url: 'javascript:alert(1)', page: 1, pages: 1, snippet: 'b' },
      ],
      moreDocuments: 2,
    });
    expect(view.documents).toEqual([
      { name: 'Vorlage', page: 3, morePages: 3, href: 'https://ris.example/do027.asp?DOLFDNR=1#page=3', parts: [{ text: 'a', mark: true }] },
      { name: 'ohne Namen', page: 1, morePages: 0, href: null, parts: [{ text: 'b', mark: false }] },
    ]);
    expect(view.moreDocuments).toBe(2);
  });
});

describe('toSpellings: every spelling a German text may use, as the index reads it', () => {
  test.each<[string, string[]]>([
    ['rat', ['rat']],
    ['bürger', ['bürger', 'buerger']],
    ['buerger', ['buerger', 'bürger']],
    ['straße', ['straße', 'strasse']],
    ['strasse', ['strasse', 'straße']],
    ['café', ['café']],
  ])('%s → %j', (word, spellings) => {
    expect(toSpellings(word)).toEqual(spellings);
  });

  test('at most 8 spellings', () => {
    expect(toSpellings('aeaeaeaeaeae').length).toBeLessThanOrEqual(8);
  });
});
