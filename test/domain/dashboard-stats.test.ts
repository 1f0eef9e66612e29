import { daysBefore, fillMonths, groupBy, monthRange, monthsBefore, quantile, spread, spreadOfHistogram } from '../../src/domain/dashboard-stats';

describe('dashboard numbers', () => {
  test.each([
    [[], 0.5, null],
    [[7], 0.5, 7],
    [[1, 3], 0.5, 2],
    [[1, 2, 3, 4], 0.25, 1.75],
    [[1, 2, 3, 4], 0.75, 3.25],
    [[10, 20, 30], 0, 10],
    [[10, 20, 30], 1, 30],
  ])('quantile(%j, %d) = %p', (values, q, expected) => {
    expect(quantile(values, q)).toBe(expected);
  });

  test('spread sorts first and names count, extremes, quartiles and median', () => {
    expect(spread([40, 10, 30, 20])).toEqual({ count: 4, min: 10, q1: 17.5, median: 25, q3: 32.5, max: 40 });
    expect(spread([])).toBeNull();
  });

  test.each([
    ['2026-12-06', 0, '2026-12'],
    ['2026-12-06', 23, '2025-01'],
    ['2026-01-31', 1, '2025-12'],
    ['2026-03', 14, '2025-01'],
    ['2026-11', -2, '2027-01'],
  ])('monthsBefore(%s, %i) = %s', (day, n, expected) => {
    expect(monthsBefore(day, n)).toBe(expected);
  });

  test('monthRange runs over the turn of the year; fillMonths puts 0 where no row is', () => {
    const months = monthRange('2025-11', '2026-02');
    expect(months).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(fillMonths(months, [{ month: '2025-12', count: 3 }, { month: '2026-02', count: 1 }, { month: '2024-01', count: 9 }])).toEqual([0, 3, 0, 1]);
    expect(monthRange('2026-03', '2026-01')).toEqual([]);
  });

  test('groupBy keeps the order in which keys first appear', () => {
    const g = groupBy([{ k: 'b', v: 1 }, { k: 'a', v: 2 }, { k: 'b', v: 3 }], (r) => r.k);
    expect([...g.keys()]).toEqual(['b', 'a']);
    expect(g.get('b')!.map((r) => r.v)).toEqual([1, 3]);
  });

  test.each([
    [[3, 1, 4, 1, 5, 9, 2, 6]],
    [[7]],
    [[0, 0, 0, 10]],
    [[12, 40, 40, 40, 41, 300]],
  ])('spreadOfHistogram equals spread of the expanded values %j', (values) => {
    const counts = new Map<number, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    expect(spreadOfHistogram([...counts].map(([value, count]) => ({ value, count })))).toEqual(spread(values));
  });

  test.each([
    ['2026-11-24', 90, '2026-08-26'],
    ['2026-03-01', 1, '2026-02-28'],
    ['2024-03-01', 1, '2024-02-29'],
    ['2026-01-01', 0, '2026-01-01'],
  ])('daysBefore(%s, %i) = %s', (day, n, expected) => {
    expect(daysBefore(day, n)).toBe(expected);
  });
});
