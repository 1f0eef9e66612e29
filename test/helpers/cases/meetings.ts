/**
 * Every to010 (Sitzung / Tagesordnung) page of the corpus, the URL it was served at, and its
 * expected MeetingRecord, written by reading the page (for the lead's CLI test and the parser tests).
 */
export interface MeetingCase {
  /** path under ../shared/corpus */
  page: string;
  url: string | null;
  /** path under test/expected */
  expected: string;
  /** record type */
  type: string;
}

const hh = (district: string, id: string) => `https://sitzungsdienst-${district}.hamburg.de/bi/to010.asp?SILFDNR=${id}`;

function meeting(page: string, url: string | null): MeetingCase {
  return { page, url, expected: page.replace(/\.html$/, '.json'), type: 'Meeting' };
}

export const CASES: MeetingCase[] = [
  meeting('allris3/hamburg-altona/to010-1004086.html', hh('altona', '1004086')),
  meeting('allris3/hamburg-bergedorf/to010-1002949.html', hh('bergedorf', '1002949')),
  meeting('allris3/hamburg-eimsbuettel/to010-1003114.html', hh('eimsbuettel', '1003114')),
  meeting('allris3/hamburg-mitte/to010-1002940.html', hh('hamburg-mitte', '1002940')),
  meeting('allris3/hamburg-nord/to010-1003143.html', hh('hamburg-nord', '1003143')),
  meeting('allris3/hamburg-nord/to010-1003201.html', hh('hamburg-nord', '1003201')),
  meeting('allris3/hildesheim/to010-3712.html', 'https://www.stadt-hildesheim.de/allris/to010.asp?SILFDNR=3712'),
  meeting('allris3/regensburg/to010-2667-excerpt.html', 'https://srv19.regensburg.de/bi/to010.asp?SILFDNR=2667'),
  meeting('allris3/landkreis-osnabrueck/to010r-1543-excerpt.html', 'https://kis.lkos.de/bi/to010_r.asp?SILFDNR=1543'),
  meeting('allris4/laatzen/to010-1000073.html', 'https://ratsinfo.laatzen.de/public/to010?SILFDNR=1000073'),
  meeting('allris4/taunusstein/to010-4021.html', 'https://www.taunusstein.de/allris/to010?SILFDNR=4021'),
  meeting('allris4/trier/to010-1000264.html', 'https://ratsinfo.trier.de/public/to010?SILFDNR=1000264'),
];
