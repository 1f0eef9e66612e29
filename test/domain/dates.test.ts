/** Dates as the pages show them. */
import { formatGermanDate } from '../../src/domain/dates';

describe('formatGermanDate', () => {
  test.each([
    ['2020-01-22', '22.01.2020'],
    ['2026-12-01T18:00:00+01:00', '01.12.2026'],
    ['unbekannt', 'unbekannt'],
    [null, ''],
  ])('%p → %p', (iso, out) => {
    expect(formatGermanDate(iso)).toBe(out);
  });
});
