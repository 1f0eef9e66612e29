/** Every to020 ("Auszug") page of the corpus, the URL it was served at, and its hand-checked expected record. */

const hh = (district: string, id: string) => `https://sitzungsdienst-${district}.hamburg.de/bi/to020.asp?TOLFDNR=${id}`;

export const CASES: { page: string /* path under ../shared/corpus */; url: string | null; expected: string /* path under test/expected */; type: string /* record type */ }[] = [
  { page: 'allris3/hamburg-altona/to020-1049839.html', url: hh('altona', '1049839'), expected: 'allris3/hamburg-altona/to020-1049839.json', type: 'AgendaItem' },
  { page: 'allris3/hamburg-bergedorf/to020-1031085.html', url: hh('bergedorf', '1031085'), expected: 'allris3/hamburg-bergedorf/to020-1031085.json', type: 'AgendaItem' },
  { page: 'allris3/hamburg-eimsbuettel/to020-1035144.html', url: hh('eimsbuettel', '1035144'), expected: 'allris3/hamburg-eimsbuettel/to020-1035144.json', type: 'AgendaItem' },
  { page: 'allris3/hamburg-mitte/to020-1040311.html', url: hh('hamburg-mitte', '1040311'), expected: 'allris3/hamburg-mitte/to020-1040311.json', type: 'AgendaItem' },
  { page: 'allris3/hamburg-nord/to020-1036324.html', url: hh('hamburg-nord', '1036324'), expected: 'allris3/hamburg-nord/to020-1036324.json', type: 'AgendaItem' },
  { page: 'allris3/hildesheim/to020-76127.html', url: 'https://www.stadt-hildesheim.de/allris/to020.asp?TOLFDNR=76127', expected: 'allris3/hildesheim/to020-76127.json', type: 'AgendaItem' },
  { page: 'allris4/taunusstein/to020-1026743.html', url: 'https://www.taunusstein.de/allris/to020?TOLFDNR=1026743', expected: 'allris4/taunusstein/to020-1026743.json', type: 'AgendaItem' },
];
