/**
 * The built command (`npm test` builds first through "pretest"), run as a real process the way
 * `npx ratsradar` runs it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CORPUS, makeTmpDir } from '../helpers/tmp';
import { VO020_CASES, corpusPath, expectedRecord } from '../helpers/vo020-cases';

const BIN = path.resolve(__dirname, '..', '..', 'bin', 'ratsradar.js');

export function ratsradar(args: string[], env: Record<string, string> = {}) {
  const res = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60000 });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

function expectOneLineError(r: { code: number | null; stdout: string; stderr: string }, code: number, message: RegExp) {
  expect(r.code).toBe(code);
  expect(r.stdout).toBe('');
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(message);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe('ratsradar parse prints the full Paper record of every vo020 page of the corpus', () => {
  test('every vo020 file of the corpus has a case', () => {
    const all = fs.readdirSync(CORPUS, { recursive: true, encoding: 'utf8' }).filter((f) => /(^|\/)vo020/.test(f)).sort();
    expect(VO020_CASES.map((c) => c.page).sort()).toEqual(all);
  });
  test.each(VO020_CASES.map((c) => [c.page, c]))('%s', (_page, c) => {
    const r = ratsradar(['parse', corpusPath(c), '--url', c.url]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(expectedRecord(c));
  });
  test('without --url, url is null and relative links stay relative', () => {
    const r = ratsradar(['parse', path.join(CORPUS, 'allris4/laatzen/vo020-1000238.html')]);
    expect(r.code).toBe(0);
    const rec = JSON.parse(r.stdout);
    expect(rec.url).toBeNull();
    expect(rec.reference).toBe('2026/245');
    for (const f of rec.files) if (f.url) expect(f.url).not.toMatch(/^https?:/);
  });
});

describe('ratsradar parse: bad input gets exit 2 and one line', () => {
  const tmp = makeTmpDir();
  afterAll(tmp.cleanup);
  const write = (name: string, content: Buffer | string) => {
    const p = path.join(tmp.dir, name);
    fs.writeFileSync(p, content);
    return p;
  };

  test('a text file that is not a RIS page', () => {
    expectOneLineError(ratsradar(['parse', write('note.txt', 'Einkaufsliste: Milch, Brot\n')]), 2, /note\.txt: not a recognised RIS page: not an HTML page/);
  });
  test('an empty file', () => {
    expectOneLineError(ratsradar(['parse', write('empty.html', '')]), 2, /empty\.html: not a recognised RIS page: empty file/);
  });
  test('a binary file', () => {
    expectOneLineError(ratsradar(['parse', write('bin.pdf', Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3, 0xff, 0xfe]))]), 2, /binary data/);
  });
  test('a truncated vo020 page', () => {
    const bytes = fs.readFileSync(path.join(CORPUS, 'allris3/hamburg-nord/vo020-1016851.html'));
    expectOneLineError(ratsradar(['parse', write('cut.html', bytes.subarray(0, 9000))]), 2, /truncated page/);
  });
  test('a page of another site', () => {
    expectOneLineError(ratsradar(['parse', write('other.html', '<!DOCTYPE html><html><head><title>Blog</title></head><body><p>Hallo</p></body></html>')]), 2, /not from ALLRIS/);
  });
  test('a missing file', () => {
    expectOneLineError(ratsradar(['parse', path.join(tmp.dir, 'nope.html')]), 2, /cannot read .*nope\.html: no such file/);
  });
  test('a RIS page kind that is not parsed yet', () => {
    expectOneLineError(ratsradar(['parse', path.join(CORPUS, 'allris3/hamburg-nord/au020-218.html')]), 2, /allris3 au020 pages are not parsed yet/);
  });
  test('usage errors', () => {
    expectOneLineError(ratsradar(['parse']), 2, /parse needs a FILE/);
    expectOneLineError(ratsradar(['frobnicate']), 2, /unknown command "frobnicate"/);
    expectOneLineError(ratsradar(['parse', 'x', '--bogus']), 2, /unknown option --bogus/);
    expectOneLineError(ratsradar(['parse', 'x', '--url']), 2, /option --url needs a value/);
  });
});

describe('ratsradar import', () => {
  const tmp = makeTmpDir();
  afterAll(tmp.cleanup);

  test('imports the corpus, reports every file, then serves nothing twice', () => {
    const db = path.join(tmp.dir, 'cli.sqlite');
    const first = ratsradar(['import', CORPUS, '--db', db]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/vo020-1018473\.html: inserted: Paper /);
    expect(first.stdout).toMatch(/to010-1004086\.html: skipped: allris3 to010 pages are not parsed yet/);
    expect(first.stdout).toMatch(/PROVENANCE\.md: skipped: not a RIS page/);
    expect(first.stdout).toMatch(/files: 9 inserted, 0 updated, 0 unchanged, \d+ skipped, 0 failed\n$/);
    const second = ratsradar(['import', CORPUS], { RATSRADAR_DB: db });
    expect(second.stdout).toMatch(/files: 0 inserted, 0 updated, 9 unchanged, \d+ skipped, 0 failed\n$/);
  });

  test('a missing path is one line and exit 1', () => {
    expectOneLineError(ratsradar(['import', path.join(tmp.dir, 'nope'), '--db', path.join(tmp.dir, 'x.sqlite')]), 1, /no such file or folder/);
  });
});
