/** Dates and numbers as German text: every named format of src/domain/german-format, table-tested. */
import { daysDative, formatDate, formatGermanDate, formatNumber, type DateFormat } from '../../src/domain/german-format';

describe('formatDate: the named formats', () => {
  test.each<[string | null | undefined, DateFormat, string]>([
    ['2026-12-06', 'day', '06.12.2026'],
    ['2020-01-22', 'day', '22.01.2020'],
    ['2026-12-01T18:00:00+01:00', 'day', '01.12.2026'], // a date-time keeps its day part
    ['2026-12-01 18:00:00', 'day', '01.12.2026'],
    ['unbekannt', 'day', 'unbekannt'], // unreadable: unchanged
    ['2026-13-01', 'day', '2026-13-01'],
    [null, 'day', ''],
    [undefined, 'long', ''],
    ['2026-12-06', 'long', '6. Dezember 2026'],
    ['2027-03-01', 'long', '1. März 2027'],
    ['2026-12-06', 'weekday', 'Sonntag'],
    ['2026-11-23', 'weekday', 'Montag'],
    ['2026-12-06', 'weekdayShort', 'So'],
    ['2026-11-24', 'weekdayShort', 'Di'],
    ['2026-12', 'month', 'Dezember 2026'],
    ['2026-03', 'month', 'März 2026'],
    ['2026-03-15', 'month', 'März 2026'],
    ['2026-01', 'monthShort', 'Jan 26'],
    ['2031-12', 'monthShort', 'Dez 31'],
    ['2026-00', 'month', '2026-00'],
    ['2026-11-24T09:15:00Z', 'dateTime', '24.11.2026, 10:15'], // winter time: UTC+1
    ['2026-07-01T22:30:00Z', 'dateTime', '02.07.2026, 00:30'], // summer time: UTC+2, the next Berlin day
    ['gestern', 'dateTime', 'gestern'],
  ])('%p as %s → %p', (value, name, out) => {
    expect(formatDate(value, name)).toBe(out);
  });

  test('formatGermanDate is the format "day"', () => {
    expect(formatGermanDate('2026-12-06')).toBe('06.12.2026');
    expect(formatGermanDate(null)).toBe('');
  });
});

describe('numbers and days', () => {
  test.each([
    [0, '0'], [7, '7'], [4629, '4.629'], [1234567, '1.234.567'], [12.6, '13'], [-1500, '-1.500'],
  ])('formatNumber(%p) → %p', (n, out) => {
    expect(formatNumber(n)).toBe(out);
  });

  test.each([[1, '1 Tag'], [0, '0 Tagen'], [3, '3 Tagen'], [114, '114 Tagen']])('daysDative(%p) → %p', (n, out) => {
    expect(daysDative(n)).toBe(out);
  });
});
