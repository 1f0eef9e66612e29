/**
 * Every committee (au020), faction (fr020) and faction list (fr010) page of the corpus, the URL it was
 * served at, and its hand-checked expected record. gr020 (ALLRIS 4) has no corpus page.
 */

const hh = (district: string, program: string, param: string, id: string) =>
  `https://sitzungsdienst-${district}.hamburg.de/bi/${program}.asp?${param}=${id}`;
const au = (district: string, id: string) => hh(district, 'au020', 'AULFDNR', id);
const fr = (district: string, id: string) => hh(district, 'fr020', 'FRLFDNR', id);

export const CASES: { page: string /* path under ../shared/corpus */; url: string | null; expected: string /* path under test/expected */; type: string /* record type */ }[] = [
  { page: 'allris3/hamburg-altona/au020-235.html', url: au('altona', '235'), expected: 'allris3/hamburg-altona/au020-235.json', type: 'Organization' },
  { page: 'allris3/hamburg-bergedorf/au020-1000013.html', url: au('bergedorf', '1000013'), expected: 'allris3/hamburg-bergedorf/au020-1000013.json', type: 'Organization' },
  { page: 'allris3/hamburg-eimsbuettel/au020-219.html', url: au('eimsbuettel', '219'), expected: 'allris3/hamburg-eimsbuettel/au020-219.json', type: 'Organization' },
  { page: 'allris3/hamburg-mitte/au020-13.html', url: au('hamburg-mitte', '13'), expected: 'allris3/hamburg-mitte/au020-13.json', type: 'Organization' },
  { page: 'allris3/hamburg-nord/au020-1000005.html', url: au('hamburg-nord', '1000005'), expected: 'allris3/hamburg-nord/au020-1000005.json', type: 'Organization' },
  { page: 'allris3/hamburg-nord/au020-218.html', url: au('hamburg-nord', '218'), expected: 'allris3/hamburg-nord/au020-218.json', type: 'Organization' },
  { page: 'allris3/hamburg-nord/fr010-list.html', url: 'https://sitzungsdienst-hamburg-nord.hamburg.de/bi/fr010.asp?SELECT=1', expected: 'allris3/hamburg-nord/fr010-list.json', type: 'List' },
  { page: 'allris3/hamburg-altona/fr020-1121.html', url: fr('altona', '1121'), expected: 'allris3/hamburg-altona/fr020-1121.json', type: 'Organization' },
  { page: 'allris3/hamburg-bergedorf/fr020-1110.html', url: fr('bergedorf', '1110'), expected: 'allris3/hamburg-bergedorf/fr020-1110.json', type: 'Organization' },
  { page: 'allris3/hamburg-eimsbuettel/fr020-1000012.html', url: fr('eimsbuettel', '1000012'), expected: 'allris3/hamburg-eimsbuettel/fr020-1000012.json', type: 'Organization' },
  { page: 'allris3/hamburg-mitte/fr020-107.html', url: fr('hamburg-mitte', '107'), expected: 'allris3/hamburg-mitte/fr020-107.json', type: 'Organization' },
  { page: 'allris3/hamburg-nord/fr020-1120.html', url: fr('hamburg-nord', '1120'), expected: 'allris3/hamburg-nord/fr020-1120.json', type: 'Organization' },
];
