/**
 * Every calendar (si010*, ALLRIS 4 si010 AJAX), paper list (vo040) and start page (allris.net.asp) of the
 * corpus, the URL it was served at, and its hand-checked expected record.
 * Hosts: from the page itself (webcal / ics links) or PROVENANCE.md; the month in the URL is the month the
 * page shows (Hohenhameln's excerpt states no month of its own: the URL is its only source).
 */
export const CASES: { page: string /* path under ../shared/corpus */; url: string | null; expected: string /* path under test/expected */; type: string /* record type */ }[] = [
  { page: 'allris3/bitburg-pruem/si010-calendar-2026-09.html', url: 'https://www.bitburg-pruem.sitzung-online.de/bi/si010.asp?MM=9&YY=2026', expected: 'allris3/bitburg-pruem/si010-calendar-2026-09.json', type: 'MeetingList' },
  { page: 'allris3/hamburg-nord/si010e-calendar.html', url: 'https://sitzungsdienst-hamburg-nord.hamburg.de/bi/si010_e.asp?MM=10&YY=2023', expected: 'allris3/hamburg-nord/si010e-calendar.json', type: 'MeetingList' },
  { page: 'allris3/hohenhameln/si010-calendar-excerpt.html', url: 'https://ris.hohenhameln.de/bi/si010.asp?MM=9&YY=2026', expected: 'allris3/hohenhameln/si010-calendar-excerpt.json', type: 'MeetingList' },
  { page: 'allris3/landkreis-osnabrueck/si010r-calendar-2026-09-excerpt.html', url: 'https://kis.lkos.de/bi/si010_r.asp?MM=9&YY=2026', expected: 'allris3/landkreis-osnabrueck/si010r-calendar-2026-09-excerpt.json', type: 'MeetingList' },
  { page: 'allris3/mainz-bingen/si010e-calendar-2026-09.html', url: 'https://www.landkreis-mainz-bingen.sitzung-online.de/bi/si010_e.asp?MM=9&YY=2026', expected: 'allris3/mainz-bingen/si010e-calendar-2026-09.json', type: 'MeetingList' },
  { page: 'allris3/regensburg/si010-calendar-2026-09-excerpt.html', url: 'https://srv19.regensburg.de/bi/si010.asp?MM=9&YY=2026', expected: 'allris3/regensburg/si010-calendar-2026-09-excerpt.json', type: 'MeetingList' },
  { page: 'allris3/winnweiler/si010j-calendar-2026-08.html', url: 'https://www.vg-winnweiler.sitzung-online.de/bi/si010_j.asp?MM=8&YY=2026', expected: 'allris3/winnweiler/si010j-calendar-2026-08.json', type: 'MeetingList' },
  { page: 'allris4/trier/si010-ajax-calendar-2026-10.xml', url: 'https://ratsinfo.trier.de/public/si010?MM=10&YY=2026', expected: 'allris4/trier/si010-ajax-calendar-2026-10.json', type: 'MeetingList' },
  { page: 'allris3/hamburg-nord/vo040-list.html', url: 'https://sitzungsdienst-hamburg-nord.hamburg.de/bi/vo040.asp', expected: 'allris3/hamburg-nord/vo040-list.json', type: 'List' },
  { page: 'allris3/westerstede/startpage-menu-allris.net.asp-excerpt.html', url: 'https://ris.westerstede.de/bi/allris.net.asp', expected: 'allris3/westerstede/startpage-menu-allris.net.asp-excerpt.json', type: 'System' },
];
