/**
 * calendarMeetingUrl: the meeting page a calendar row stands for, in the crawler's form, from the
 * calendar's own address — the forms the corpus's calendars link (to010.asp, to010_r.asp, ./to010).
 */
import { allris3Urls, allris4Urls, calendarMeetingUrl } from '../../../src/ingest/crawl/allris-urls';

describe('calendarMeetingUrl', () => {
  test.each([
    ['allris3', 'https://www.bitburg-pruem.sitzung-online.de/bi/si010.asp?MM=9&YY=2026', 'https://www.bitburg-pruem.sitzung-online.de/bi/to010.asp?SILFDNR=1741'],
    ['allris3', 'https://sitzungsdienst-hamburg-nord.hamburg.de/bi/si010_e.asp?MM=10&YY=2023', 'https://sitzungsdienst-hamburg-nord.hamburg.de/bi/to010.asp?SILFDNR=1741'],
    ['allris3', 'https://www.vg-winnweiler.sitzung-online.de/bi/SI010_J.ASP?MM=8&YY=2026', 'https://www.vg-winnweiler.sitzung-online.de/bi/to010.asp?SILFDNR=1741'],
    ['allris3', 'https://kis.lkos.de/bi/si010_r.asp?MM=9&YY=2026', 'https://kis.lkos.de/bi/to010_r.asp?SILFDNR=1741'],
    ['allris4', 'https://ratsinfo.trier.de/public/si010?MM=10&YY=2026', 'https://ratsinfo.trier.de/public/to010?SILFDNR=1741'],
  ])('%s %s → %s', (system, calendar, meeting) => {
    expect(calendarMeetingUrl(system, calendar, '1741')).toBe(meeting);
  });

  test('the same address the crawler fetches the meeting page at', () => {
    expect(calendarMeetingUrl('allris3', 'https://kis.lkos.de/bi/si010_r.asp?MM=9&YY=2026', '1601'))
      .toBe(allris3Urls({ baseUrl: 'https://kis.lkos.de/bi/', responsive: true }).meeting('1601'));
    expect(calendarMeetingUrl('allris4', 'https://ratsinfo.trier.de/public/si010?MM=10&YY=2026', '1000686'))
      .toBe(allris4Urls({ baseUrl: 'https://ratsinfo.trier.de/public/' }).meeting('1000686'));
  });

  test.each([
    ['no calendar address', 'allris3', null, '1741'],
    ['no SILFDNR', 'allris3', 'https://host.example/bi/si010.asp?MM=9&YY=2026', null],
    ['an id that is not a SILFDNR', 'allris3', 'https://host.example/bi/si010.asp?MM=9&YY=2026', 'cal:2026-09-01:14:30:x'],
    ['another program', 'allris3', 'https://host.example/bi/vo040.asp', '1741'],
    ['a calendar variant whose rows were never seen', 'allris3', 'https://host.example/bi/si010_a.asp?MM=9&YY=2026', '1741'],
    ['an ALLRIS 4 address for ALLRIS 3', 'allris3', 'https://host.example/public/si010?MM=9&YY=2026', '1741'],
    ['an ALLRIS 3 address for ALLRIS 4', 'allris4', 'https://host.example/bi/si010.asp?MM=9&YY=2026', '1741'],
    ['OParl', 'oparl', 'https://host.example/bi/si010.asp?MM=9&YY=2026', '1741'],
    ['no URL', 'allris3', 'si010.asp?MM=9', '1741'],
    ['not http', 'allris3', 'file:///bi/si010.asp', '1741'],
  ])('%s: null', (_what, system, calendar, id) => {
    expect(calendarMeetingUrl(system, calendar, id)).toBeNull();
  });
});
