import { monthGrid, monthRange, parseMonth, shiftMonth, weekdayIndex, weekOf } from '../../src/domain/calendar-grid';
import { formatDate } from '../../src/domain/german-format';

describe('calendar grid (pure)', () => {
  test.each([
    ['2026-11-24', 1, { from: '2026-11-23', to: '2026-11-29' }], // a Tuesday
    ['2026-11-23', 0, { from: '2026-11-23', to: '2026-11-29' }], // a Monday
    ['2026-11-29', 6, { from: '2026-11-23', to: '2026-11-29' }], // a Sunday
    ['2026-12-31', 3, { from: '2026-12-28', to: '2027-01-03' }], // across the year
    ['2024-02-29', 3, { from: '2024-02-26', to: '2024-03-03' }], // leap day
  ])('week of %s: weekday %i, %o', (day, weekday, week) => {
    expect(weekdayIndex(day)).toBe(weekday);
    expect(weekOf(day)).toEqual(week);
  });

  test.each([
    ['2026-12', 5, '2026-11-30', '2027-01-03', 'Dezember 2026'],
    ['2026-02', 5, '2026-01-26', '2026-03-01', 'Februar 2026'], // the 1st is a Sunday: the grid starts on Monday 26 January
    ['2021-02', 4, '2021-02-01', '2021-02-28', 'Februar 2021'], // exactly four weeks, Monday to Sunday
    ['2026-03', 6, '2026-02-23', '2026-04-05', 'März 2026'],
  ])('month %s: %i weeks from Monday %s to Sunday %s', (month, weeks, first, last, label) => {
    const grid = monthGrid(month);
    expect(grid.length).toBe(weeks);
    expect([grid[0][0].date, grid[grid.length - 1][6].date]).toEqual([first, last]);
    expect(grid.every((w) => w.length === 7 && weekdayIndex(w[0].date) === 0)).toBe(true);
    const inMonth = grid.flat().filter((d) => d.inMonth).map((d) => d.date);
    expect([inMonth[0], inMonth[inMonth.length - 1]]).toEqual([monthRange(month).from, monthRange(month).to]);
    expect(formatDate(month, 'month')).toBe(label);
  });

  test('February 2026 (1st on a Sunday) starts its grid on Monday 26 January', () => {
    expect(monthGrid('2026-02')[0].map((d) => [d.date, d.inMonth])[6]).toEqual(['2026-02-01', true]);
    expect(monthGrid('2026-02')[0][0]).toEqual({ date: '2026-01-26', inMonth: false });
    expect(monthGrid('2026-02').length).toBe(5);
  });

  test.each([
    ['2026-12', 1, '2027-01'], ['2026-01', -1, '2025-12'], ['2026-06', -18, '2024-12'], ['2026-06', 0, '2026-06'],
  ])('%s shifted by %i is %s', (m, n, out) => expect(shiftMonth(m, n)).toBe(out));

  test.each([
    ['2026-12', '2026-12'], ['2026-13', null], ['2026-00', null], ['26-12', null], ['2026-1', null], ['1899-12', null], ['2026-12-01', null],
    [['2026-12'], null], [undefined, null], ['2026-12<script>', null],
  ])('parseMonth(%p) → %p', (value, out) => expect(parseMonth(value)).toBe(out));

  test('month ranges: the last day of February in a leap year and of December', () => {
    expect(monthRange('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthRange('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });
});
