/** The tolerant JSON reader and the OParl date/time reading, on HAND-MADE strings. */
import { NotARisPageError } from '../../../scrapers/errors';
import { escapeControlCharsInStrings, readOparlJson } from '../../../scrapers/oparl/json';
import { isNextMidnight, oparlDate, oparlDateTime } from '../../../scrapers/oparl/datetime';

describe('readOparlJson', () => {
  it('escapes raw control characters inside strings only; white space between tokens stays', () => {
    const text = '{\n\t"name": "a\u0004b\nc",\r\n "x": 1}';
    expect(escapeControlCharsInStrings(text)).toBe('{\n\t"name": "a\\u0004b\\u000ac",\r\n "x": 1}');
    expect(readOparlJson(text)).toEqual({ name: 'a\u0004b\nc', x: 1 });
  });

  it('keeps escaped quotes and backslashes intact while scanning', () => {
    const text = '{"a": "say \\"hi\\"\u0001", "b": "c:\\\\", "c": "\u0002"}';
    expect(readOparlJson(text)).toEqual({ a: 'say "hi"\u0001', b: 'c:\\', c: '\u0002' });
  });

  it('a backslash before a raw control character loses its effect', () => {
    expect(readOparlJson('{"a": "x\\\u0003y"}')).toEqual({ a: 'x\u0003y' });
  });

  it('leaves valid JSON untouched and strips a BOM', () => {
    const text = '{"a": "\\u00e4", "b": [1, 2]}';
    expect(escapeControlCharsInStrings(text)).toBe(text);
    expect(readOparlJson('\ufeff' + text)).toEqual({ a: 'ä', b: [1, 2] });
  });

  it('throws NotARisPageError with a one-line reason for invalid JSON', () => {
    expect(() => readOparlJson('{"a": 1,\n}')).toThrow(NotARisPageError);
    expect(() => readOparlJson('<html></html>')).toThrow(/^invalid JSON: \S[^\n]*$/);
  });
});

describe('oparlDateTime (Europe/Berlin local time)', () => {
  it('reads offsets as given by ALLRIS (+01:00 winter, +02:00 summer)', () => {
    expect(oparlDateTime('2027-12-01T14:30:00+01:00')).toEqual({ date: '2027-12-01', time: '14:30' });
    expect(oparlDateTime('2021-05-11T17:00:00+02:00')).toEqual({ date: '2021-05-11', time: '17:00' });
  });

  it('converts UTC and other offsets to Berlin time, across the date line', () => {
    expect(oparlDateTime('2021-05-11T15:00:00Z')).toEqual({ date: '2021-05-11', time: '17:00' });
    expect(oparlDateTime('2026-01-15T23:30:00Z')).toEqual({ date: '2026-01-16', time: '00:30' });
    expect(oparlDateTime('2026-07-01T12:00:00-04:00')).toEqual({ date: '2026-07-01', time: '18:00' });
  });

  it('takes a time without offset as local, and a bare date as a date', () => {
    expect(oparlDateTime('2026-03-29T02:30:00')).toEqual({ date: '2026-03-29', time: '02:30' });
    expect(oparlDateTime('2025-12-01')).toEqual({ date: '2025-12-01', time: null });
    expect(oparlDate('2014-09-09')).toBe('2014-09-09');
  });

  it('returns null for blanks, "N/A", impossible dates and other text', () => {
    for (const v of ['', ' ', 'N/A', '2026-02-30', '2026-13-01T10:00:00+01:00', '01.12.2025', null, 5]) {
      expect(oparlDateTime(v)).toBeNull();
    }
  });

  it('drops the 2000-01-01 00:00 placeholder, in whatever offset it comes', () => {
    expect(oparlDateTime('2000-01-01T00:00:00+01:00')).toBeNull();
    expect(oparlDateTime('1999-12-31T23:00:00Z')).toBeNull();
    expect(oparlDateTime('2000-01-01T10:00:00+01:00')).toEqual({ date: '2000-01-01', time: '10:00' });
  });

  it('isNextMidnight: only midnight of the following day', () => {
    const start = { date: '2027-12-31', time: '14:30' };
    expect(isNextMidnight(start, { date: '2028-01-01', time: '00:00' })).toBe(true);
    expect(isNextMidnight(start, { date: '2027-12-31', time: '00:00' })).toBe(false);
    expect(isNextMidnight(start, { date: '2028-01-01', time: '00:30' })).toBe(false);
    expect(isNextMidnight(null, { date: '2028-01-01', time: '00:00' })).toBe(false);
  });
});
