/**
 * The shrink guard: the rule as a table, and `ratsradar import` holding back a page that
 * loses most of what its stored record had (exit 1, one line naming it, the database unchanged) until
 * `--accept`; a saved page cut after an embedded document is refused with one line. The changed pages
 * are made in the test from a corpus page (Hamburg-Nord's paper 22-2402: 1 station, 1 document, 2 text
 * sections).
 */
import fs from 'node:fs';
import path from 'node:path';
import { compareParts, countParts, isShrink } from '../../src/db/shrink-guard';
import { openDb } from '../../src/db/connection';
import { parsePage } from '../../scrapers/parse';
import type { PaperRecord } from '../../scrapers/records';
import { dumpContent } from '../helpers/db-dump';
import { ratsradarSrc } from '../helpers/cli-src';
import { CORPUS, makeTmpDir } from '../helpers/tmp';

const URL = 'https://sitzungsdienst-hamburg-nord.hamburg.de/bi/vo020.asp?VOLFDNR=1016851';
const whole = fs.readFileSync(path.join(CORPUS, 'allris3/hamburg-nord/vo020-1016851.html'));
const text = whole.toString('latin1');
const outer = text.search(/<html\b/i) + 1;
/** the paper without its embedded text documents */
const shrunk = Buffer.from(text.slice(0, outer) + text.slice(outer).replace(/<\?xml[\s\S]*?<\/html>/g, ''), 'latin1');

describe('the shrink rule: fewer than half, and at least two fewer', () => {
  test.each([
    [2, 0, true], [6, 1, true], [6, 2, true], [5, 2, true], [10, 4, true],
    [3, 1, true],
    [6, 3, false], [4, 2, false], [1, 0, false], [2, 1, false], [0, 0, false], [5, 9, false], [3, 3, false],
  ])('%i → %i: %s', (before, after, shrinks) => {
    expect(isShrink(before, after)).toBe(shrinks);
  });

  test('the parts counted, and a Beratungsfolge the page does not show is not counted', () => {
    const paper = parsePage(whole, URL) as PaperRecord;
    expect(countParts(paper)).toEqual({ documents: 1, 'text sections': 2, stations: 1 });
    expect(countParts({ ...paper, consultation: [], consultationShown: false })).toEqual({ documents: 1, 'text sections': 2 });
    expect(compareParts({ documents: 1, 'text sections': 2, stations: 6 }, { documents: 1, 'text sections': 0, stations: 1 })).toEqual(['text sections 2 → 0', 'stations 6 → 1']);
    expect(compareParts({ documents: 1 }, { documents: 0, stations: 0 })).toEqual([]);
  });
});

describe('ratsradar import holds back a suspicious shrink', () => {
  const tmp = makeTmpDir();
  afterAll(() => tmp.cleanup());
  const manifest = path.join(tmp.dir, 'manifest.json');
  const put = (name: string, bytes: Buffer) => {
    const file = path.join(tmp.dir, name, 'hamburg-nord', 'vo020-1016851.html');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, bytes);
    return file;
  };

  test('held back with exit 1 and the database unchanged; applied with --accept', () => {
    const db = path.join(tmp.dir, 'db.sqlite');
    const good = put('good', whole);
    const small = put('small', shrunk);
    fs.writeFileSync(manifest, JSON.stringify({ pages: [{ url: URL, file: good }, { url: URL, file: small }] }));
    expect(ratsradarSrc(['import', good, '--db', db, '--manifest', manifest]).code).toBe(0);
    const read = () => {
      const { sqlite, close } = openDb(db);
      try {
        return { dump: dumpContent(sqlite), text: sqlite.prepare(`SELECT json_array_length(text) FROM papers WHERE external_id = '1016851'`).pluck().get() };
      } finally {
        close();
      }
    };
    const before = read();
    expect(before.text).toBe(2);

    const held = ratsradarSrc(['import', small, '--db', db, '--manifest', manifest]);
    expect(held.code).toBe(1);
    expect(held.stderr).toBe('');
    expect(held.stdout).toContain(`${small}: held back: suspicious shrink of paper 22-2402: text sections 2 → 0 (fewer than half of what the stored record had, and at least two fewer); the stored record stays`);
    expect(held.stdout).toMatch(/1 files: 0 inserted, 0 updated, 0 unchanged, 0 skipped, 0 failed, 1 held back/);
    expect(read()).toEqual(before);

    const accepted = ratsradarSrc(['import', small, '--db', db, '--manifest', manifest, '--accept', small]);
    expect(accepted.code).toBe(0);
    expect(read().text).toBe(0);
  });

  test('a saved page cut right after an embedded document: parse and import refuse it with one line', () => {
    const at = text.indexOf('</html>', text.indexOf('</html>') + 1) + '</html>'.length;
    const cut = put('cut', Buffer.from(text.slice(0, at), 'latin1'));
    const parsed = ratsradarSrc(['parse', cut, '--url', URL]);
    expect(parsed.code).toBe(2);
    expect(parsed.stderr.trim().split('\n')).toEqual([`ratsradar parse: ${cut}: not a recognised RIS page: truncated page: its last </html> closes an embedded document, not the ALLRIS 3 page frame (#risname)`]);
    const imported = ratsradarSrc(['import', cut, '--db', path.join(tmp.dir, 'cut.sqlite')]);
    expect(imported.code).toBe(1);
    expect(imported.stdout).toContain(`${cut}: failed: truncated page: its last </html> closes an embedded document`);
    expect(imported.stderr).toBe('');
  });
});

/**
 * A paper page that names another reference than the stored paper of the id its address gives: Regensburg's
 * excerpt of VO/26/23343/D2 states no VOLFDNR of its own; saved with the address of VOLFDNR=22821 (which the
 * meeting's agenda names as VO/26/23344/63), it overwrote that motion's reference and title. Now held back.
 */
describe('ratsradar import holds back a paper page that names another reference than the stored paper', () => {
  const tmp = makeTmpDir();
  afterAll(() => tmp.cleanup());
  const MEETING = 'https://srv19.regensburg.de/bi/to010.asp?SILFDNR=2667';
  const WRONG = 'https://srv19.regensburg.de/bi/vo020.asp?VOLFDNR=22821';
  const RIGHT = 'https://srv19.regensburg.de/bi/vo020.asp?VOLFDNR=22820';

  test('held back with exit 1 and one line; the motion of that id keeps its reference; at the right address it is read', () => {
    const db = path.join(tmp.dir, 'db.sqlite');
    const manifest = path.join(tmp.dir, 'manifest.json');
    const meeting = path.join(CORPUS, 'allris3/regensburg/to010-2667-excerpt.html');
    const page = path.join(CORPUS, 'allris3/regensburg/vo020-VO-26-23343-D2-excerpt.html');
    const write = (url: string) => fs.writeFileSync(manifest, JSON.stringify({ pages: [{ url: MEETING, file: meeting }, { url, file: page }] }));
    write(WRONG);
    expect(ratsradarSrc(['import', meeting, '--db', db, '--manifest', manifest, '--source', 'regensburg']).code).toBe(0);
    const references = () => {
      const { sqlite, close } = openDb(db);
      try {
        return sqlite.prepare("SELECT external_id AS id, reference FROM papers WHERE external_id IN ('22820', '22821') ORDER BY external_id").all();
      } finally {
        close();
      }
    };
    expect(references()).toEqual([{ id: '22820', reference: 'VO/26/23343/D2' }, { id: '22821', reference: 'VO/26/23344/63' }]);

    const held = ratsradarSrc(['import', page, '--db', db, '--manifest', manifest, '--source', 'regensburg']);
    expect(held.code).toBe(1);
    expect(held.stderr).toBe('');
    expect(held.stdout).toContain(`${page}: held back: suspicious identity change of paper 22821: reference VO/26/23344/63 → VO/26/23343/D2 (the page may be another motion's); the stored record stays`);
    expect(references()).toEqual([{ id: '22820', reference: 'VO/26/23343/D2' }, { id: '22821', reference: 'VO/26/23344/63' }]);

    write(RIGHT);
    expect(ratsradarSrc(['import', page, '--db', db, '--manifest', manifest, '--source', 'regensburg']).code).toBe(0);
    expect(references()).toEqual([{ id: '22820', reference: 'VO/26/23343/D2' }, { id: '22821', reference: 'VO/26/23344/63' }]);
  });
});
