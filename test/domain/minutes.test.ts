/** Which of a meeting's documents are its minutes, by the names the corpus's RIS give them (src/domain/minutes.ts). */
import { isMinutesName, isVerbatimMinutesName } from '../../src/domain/minutes';

test.each([
  ['Niederschrift öffent. Teil', true, false], ['Niederschrift gesamt', true, false], ['Niederschrift nichtöffentlich', true, false],
  ['Protokoll', true, false], ['Wortprotokoll', true, true], ['NIE öffentl.', true, false],
  ['Einladung', false, false], ['Bekanntmachung Nachtrag', false, false], ['Aktuelle TO', false, false], ['Alle Dokumente zur Sitzung im Paket', false, false],
  ['nie wieder', false, false], ['Niete', false, false], ['', false, false],
])('%s: minutes %s, verbatim %s', (name, minutes, verbatim) => {
  expect(isMinutesName(name)).toBe(minutes);
  expect(isVerbatimMinutesName(name)).toBe(verbatim);
});
