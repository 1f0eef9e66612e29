import { parseGermanDate, parseTimeRange } from '../../../scrapers/shared/dates';

describe('parseGermanDate', () => {
  test.each([
    ['22.09.2026', '2026-09-22'],
    ['22.09.2026\u00a0', '2026-09-22'],
    ['Di, 22.09.2026', '2026-09-22'],
    ['Mi., 05.04.2017', '2017-04-05'],
    ['1.2.2026', '2026-02-01'],
    ['Jan 29, 2026', '2026-01-29'],
    ['Sep 3, 2026', '2026-09-03'],
    ['29. Januar 2026', '2026-01-29'],
    ['3. März 2026', '2026-03-03'],
    ['2026-01-29', '2026-01-29'],
  ])('%s → %s', (text, iso) => {
    expect(parseGermanDate(text)).toBe(iso);
  });
  test.each([[''], [null], ['ohne Datum'], ['31.02.2026'], ['13.13.2026']])('%s → null', (text) => {
    expect(parseGermanDate(text)).toBeNull();
  });
});

describe('parseTimeRange', () => {
  test.each([
    ['18:00 - 20:00', '18:00', '20:00'],
    ['16:04 - 18:04\u00a0', '16:04', '18:04'],
    ['9:00', '09:00', null],
    ['19:30 Uhr', '19:30', null],
    ['7:30 PM', '19:30', null],
    ['', null, null],
  ])('%s → %s–%s', (text, start, end) => {
    expect(parseTimeRange(text)).toEqual({ start, end });
  });
});
