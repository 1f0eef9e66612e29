/** statedReadTime: the read time a saved page states itself (scrapers/stated-time.ts), on corpus pages and pages made from them. */
import fs from 'node:fs';
import path from 'node:path';
import { statedReadTime } from '../../scrapers/stated-time';
import { CORPUS } from '../helpers/tmp';

const page = (rel: string) => fs.readFileSync(path.join(CORPUS, rel));

describe('statedReadTime', () => {
  const cases: [string, string | null][] = [
    // the latest `modified` of the object and the objects embedded in it (consultations, files)
    ['oparl/augsburg/oparl1.1-paper-1001737.json', '2025-12-03T12:52:55Z'],
    ['oparl/oparl-spec-example/oparl1.1-synthetic-paper-01.json', '2013-01-08T11:05:27Z'],
    // a list page: read after the latest object on it
    ['oparl/leipzig/oparl1.0-paperlist-page2.json', '2018-12-05T18:23:53Z'],
    // raw control characters in strings (read as the parser reads them)
    ['oparl/braunschweig/oparl1.0-paper-1664-broken-control-chars.json', '1999-02-08T11:00:00Z'],
    // only ALLRIS 4's placeholder 2000-01-01T00:00:00+01:00: no time stated
    ['oparl/braunschweig/oparl1.1-paper-array-4papers.json', null],
    ['oparl/erkelenz/oparl1.0-system.json', null],
    // ALLRIS HTML states no read time: not the version line's build date (4.1.7 … - 08.07.2026), not a date in the text
    ['allris4/trier/to010-1000264.html', null],
    ['allris4/laatzen/vo020-1000238.html', null],
    ['allris3/hamburg-nord/vo020-1016851.html', null],
    ['allris3/hamburg-nord/vo040-list.html', null],
  ];
  test.each(cases)('%s → %s', (rel, expected) => {
    expect(statedReadTime(page(rel))).toBe(expected);
  });

  test('a page mirrored with HTTrack states its time in the mirror comment (made here from a corpus page)', () => {
    const original = page('allris3/hamburg-nord/vo020-1016851.html').toString('latin1');
    const comment = "<!-- Mirrored from sitzungsdienst-hamburg-nord.hamburg.de/bi/vo020.asp?VOLFDNR=1016851 by HTTrack Website Copier/3.x [XR&CO'2014], Fri, 14 Aug 2026 09:12:40 GMT -->";
    const mirrored = Buffer.from(original.replace('<head>', `${comment}\r\n<head>`), 'latin1');
    expect(statedReadTime(mirrored)).toBe('2026-08-14T09:12:40Z');
  });

  test('a JSON page with a modified time that is not a date-time, or invalid JSON, states none', () => {
    expect(statedReadTime(Buffer.from('{"id":"x","modified":"gestern"}'))).toBeNull();
    expect(statedReadTime(Buffer.from('{"id":"x","modified":'))).toBeNull();
    expect(statedReadTime(Buffer.from('{"id":"x","modified":"2026-08-14T11:12:40+02:00"}'))).toBe('2026-08-14T09:12:40Z');
  });
});
