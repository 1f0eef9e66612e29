/** The alert rules as tables: addresses, retry times, digest days, the 48-hour cutoff. */
import { isDigestDue, normaliseEmail, retryAt, unconfirmedCutoff } from '../../src/domain/alert-rules';

describe('normaliseEmail', () => {
  test.each([
    ['Anna@Example.org', 'anna@example.org'],
    ['  a.b+tag@sub.example.de ', 'a.b+tag@sub.example.de'],
    ['anna', null],
    ['anna@localhost', null],
    ['"Anna" <anna@example.org>', null],
    ['anna@example.org\r\nBcc: x@example.org', null],
    ['a..b@example.org', null],
    ['.a@example.org', null],
    ['anna@[127.0.0.1]', null],
    ['anna@-example.org', null],
    [`${'a'.repeat(65)}@example.org`, null],
    [`a@${'b'.repeat(250)}.org`, null],
  ])('%j → %j', (input, expected) => {
    expect(normaliseEmail(input)).toBe(expected);
  });
});

describe('retryAt: backoff after a failed attempt, then given up', () => {
  test.each([
    [1, '2026-12-06T10:01:00Z'],
    [2, '2026-12-06T10:05:00Z'],
    [3, '2026-12-06T10:30:00Z'],
    [4, '2026-12-06T12:00:00Z'],
    [5, '2026-12-06T22:00:00Z'],
    [6, null],
  ])('after %i failed attempts → %j', (attempts, expected) => {
    expect(retryAt('2026-12-06T10:00:00Z', attempts)).toBe(expected);
  });
});

describe('isDigestDue: once a Berlin day, from 07:00', () => {
  test.each([
    [null, '2026-12-06', 6, false],
    [null, '2026-12-06', 7, true],
    ['2026-12-05', '2026-12-06', 9, true],
    ['2026-12-06', '2026-12-06', 23, false],
    ['2026-12-07', '2026-12-06', 12, false],
  ] as const)('last %j, today %s at %i h → %j', (last, day, hour, expected) => {
    expect(isDigestDue(last, day, hour)).toBe(expected);
  });
});

test('unconfirmedCutoff: 48 hours before now', () => {
  expect(unconfirmedCutoff('2026-12-06T10:00:00Z')).toBe('2026-12-04T10:00:00Z');
});
