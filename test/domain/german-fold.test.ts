/** The one German folding (src/domain/german-fold.ts), used by topics and by the search's spellings. */
import { foldGerman } from '../../src/domain/german-fold';
import { toSpellings } from '../../src/db/fts-query';

describe('foldGerman', () => {
  test.each([
    ['Straßenbeleuchtung', 'strassenbeleuchtung'],
    ['ÖPNV-Beschleunigung', 'oepnv-beschleunigung'],
    ['Mobilitätsausschuss', 'mobilitaetsausschuss'],
    ['Café Müller', 'cafe mueller'],
    ['GRÜNE', 'gruene'],
    ['Bu\u0308rger', 'buerger'], // ü as u + combining diaeresis (NFD) folds like ü
    ['Straßenbeleuchtung für Bürger ÖPNV', 'strassenbeleuchtung fuer buerger oepnv'],
  ])('%s → %s', (text, folded) => {
    expect(foldGerman(text)).toBe(folded);
  });
});

test('a search word is asked for as typed and folded by the same function', () => {
  expect(toSpellings('straße')).toEqual(expect.arrayContaining(['straße', foldGerman('straße')]));
  expect(toSpellings('bu\u0308rger')).toEqual(expect.arrayContaining([foldGerman('bürger')]));
});
