/** to020 field helpers and Word list numbers (hand-made strings). */
import { listMarker } from '../../../scrapers/html/list-numbers';
import { nameFromAllris4Title, nameFromAuszugTitle, splitPaperLink, splitTopNumber } from '../../../scrapers/shared/to020-fields';

describe('splitTopNumber', () => {
  test.each([
    ['Ö\u00a02.1', '2.1', true],
    ['Ö 9', '9', true],
    ['N 10', '10', false],
    ['3.1', '3.1', null],
    ['Nachtrag 1', 'Nachtrag 1', null],
  ])('%s', (shown, number, isPublic) => {
    expect(splitTopNumber(shown)).toEqual({ number, public: isPublic });
  });
  test('empty → nulls', () => expect(splitTopNumber('\u00a0')).toEqual({ number: null, public: null }));
});

describe('splitPaperLink', () => {
  test.each([
    ['22-0621 Geparkte Kfz auf dem Marktplatz', '22-0621', 'Geparkte Kfz auf dem Marktplatz'],
    ['DRS. 25/161 Entwurf der Haushaltssatzung', 'DRS. 25/161', 'Entwurf der Haushaltssatzung'],
    ['K 2026/0725 Radwege', 'K 2026/0725', 'Radwege'],
    ['25/085', '25/085', null],
    ['Ohne Nummer und Ziffer', null, 'Ohne Nummer und Ziffer'],
  ])('%s', (shown, reference, name) => {
    expect(splitPaperLink(shown)).toEqual({ reference, name });
  });
});

describe('item names from titles', () => {
  test('"Auszug - …" (ALLRIS 3); anything else is no name', () => {
    expect(nameFromAuszugTitle('Auszug - Geparkte Kfz\r\nEingabe vom 19.01.2025\u00a0\u00a0')).toBe('Geparkte Kfz Eingabe vom 19.01.2025');
    expect(nameFromAuszugTitle('Auszug')).toBeNull();
  });
  test('ALLRIS 4 title: date and number dropped; a cut-off name is completed only from a Vorlage name that starts with it', () => {
    expect(nameFromAllris4Title('11.12.2025 - 3.1.12 Entwurf der Haus...', '3.1.12', 'Entwurf der Haushaltssatzung 2026')).toBe('Entwurf der Haushaltssatzung 2026');
    expect(nameFromAllris4Title('11.12.2025 - 3.1.12 Entwurf der Haus...', '3.1.12', 'Anderer Betreff')).toBe('Entwurf der Haus...');
    expect(nameFromAllris4Title('11.12.2025 - 5 Kurz', '5', null)).toBe('Kurz');
  });
});

describe('listMarker', () => {
  test.each([
    [3, undefined, '3.'],
    [3, '1', '3.'],
    [3, 'a', 'c.'],
    [28, 'A', 'AB.'],
    [4, 'i', 'iv.'],
    [14, 'I', 'XIV.'],
  ])('%d %s', (n, type, marker) => expect(listMarker(n, type)).toBe(marker));
});
