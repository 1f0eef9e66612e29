/**
 * The built command (`npm test` builds first through "pretest"), run as a real process the way
 * `npx ratsradar` runs it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CORPUS, makeTmpDir } from '../helpers/tmp';
import { ALL_CASES } from '../helpers/cases';
import Database from 'better-sqlite3';

const EXPECTED = path.resolve(__dirname, '..', 'expected');

const BIN = path.resolve(__dirname, '..', '..', 'bin', 'ratsradar.js');

function ratsradar(args: string[], env: Record<string, string> = {}) {
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

describe('ratsradar parse prints the full record of every file of the corpus', () => {
  test('every page of the corpus has a case', () => {
    const all = fs
      .readdirSync(CORPUS, { recursive: true, encoding: 'utf8' })
      .filter((f) => fs.statSync(path.join(CORPUS, f)).isFile() && f !== 'PROVENANCE.md')
      .sort();
    expect(ALL_CASES.map((c) => c.page).sort()).toEqual(all);
  });
  test.each(ALL_CASES.map((c) => [c.page, c]))('%s', (_page, c) => {
    const r = ratsradar(c.url ? ['parse', path.join(CORPUS, c.page), '--url', c.url] : ['parse', path.join(CORPUS, c.page)]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const record = JSON.parse(r.stdout);
    expect(record.type).toBe(c.type);
    expect(record).toEqual(JSON.parse(fs.readFileSync(path.join(EXPECTED, c.expected), 'utf8')));
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
  test('a page of another vendor\'s RIS (SessionNet): named, and said that it is not read', () => {
    const page = '<!DOCTYPE html><html><head><meta name="author" content="Somacos GmbH &amp; Co. KG, SessionNet Version 5.4.7 bi (Layout 6)"><title>SessionNet | Vorlage</title></head><body><p>Vorlage</p></body></html>';
    expectOneLineError(ratsradar(['parse', write('vo0050.html', page)]), 2, /vo0050\.html: a SessionNet 5\.4\.7 \(Somacos\) page: ratsradar reads ALLRIS and OParl, not this system$/);
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
  test('a RIS page kind that is not parsed yet (a hand-made ALLRIS 3 person page, kp020): one line, exit 2', () => {
    const page = '<html><head><meta name="description" content="ALLRIS net Version 3.9.5 (221117m)" /><title>Person</title></head>' +
      '<body><div id="allriscontainer" class="kp020"><div id="risname"><h1>Person</h1></div></div></body></html>';
    expectOneLineError(ratsradar(['parse', write('kp020.html', page)]), 2, /allris3 kp020 pages are not parsed yet/);
  });
  test('a page of a known kind whose layout is not understood (a hand-made to010 without its agenda): one line, exit 2', () => {
    const page = '<html><head><meta name="description" content="ALLRIS net Version 3.9.5 (221117m)" /><title>Tagesordnung</title></head>' +
      '<body><div id="allriscontainer" class="to010"><div id="risname"><h1>Tagesordnung - Sitzung</h1></div><div id="rismain"></div></div></body></html>';
    expectOneLineError(ratsradar(['parse', write('to010.html', page)]), 2, /layout not understood/);
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

  test('imports the corpus, reports every file and the counts per kind; a second run changes nothing', () => {
    const db = path.join(tmp.dir, 'cli.sqlite');
    const first = ratsradar(['import', CORPUS, '--db', db]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/vo020-1018473\.html: inserted: Paper 22-2362, 1 stations \(hamburg-altona\)/);
    expect(first.stdout).toMatch(/to010-1004086\.html: inserted: Meeting 1004086 \(20 agenda items\) \(hamburg-altona\)/);
    expect(first.stdout).toMatch(/PROVENANCE\.md: ignored: not a saved page/);
    expect(first.stdout).toMatch(/^papers: \d+ new, \d+ changed, \d+ unchanged; meetings: \d+ new, \d+ changed, \d+ unchanged; agenda items: \d+ new, \d+ changed, \d+ unchanged; organizations: 20 new, 1 changed, 0 unchanged/m);
    expect(first.stdout).toMatch(/\n66 files: \d+ inserted, \d+ updated, 0 unchanged, 0 skipped, 0 failed; 1 other files ignored\n$/);
    const second = ratsradar(['import', CORPUS], { RATSRADAR_DB: db });
    expect(second.stdout).toMatch(/^papers: 0 new, 0 changed, \d+ unchanged; meetings: 0 new, 0 changed, \d+ unchanged;/m);
    expect(second.stdout).toMatch(/\n66 files: 0 inserted, 0 updated, 66 unchanged, 0 skipped, 0 failed; 1 other files ignored\n$/);
  });

  test('--read-at says when saved pages were read: their motions\' "Stand der Daten" is that day, not the file time; a bad value is one line, exit 2', () => {
    const db = path.join(tmp.dir, 'read-at.sqlite');
    const page = path.join(CORPUS, 'allris3/hamburg-altona/vo020-1018473.html');
    const r = ratsradar(['import', page, '--source', 'hamburg-altona', '--read-at', '2026-10-04', '--db', db]);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const opened = new Database(db, { readonly: true });
    try {
      expect(opened.prepare("SELECT data_as_of FROM papers WHERE reference = '22-2362'").pluck().get()).toBe('2026-10-04T12:00:00Z');
    } finally {
      opened.close();
    }
    expectOneLineError(ratsradar(['import', page, '--read-at', 'gestern', '--db', db]), 2, /--read-at needs a day YYYY-MM-DD or a time such as 2026-10-04T09:30:00Z, got "gestern"/);
    expectOneLineError(ratsradar(['import', page, '--read-at', '2026-02-30', '--db', db]), 2, /--read-at needs a day/);
    expectOneLineError(ratsradar(['import', page, '--read-at', '2999-01-01', '--db', db]), 2, /--read-at 2999-01-01 lies in the future/);
  });

  test('a missing path is one line and exit 1', () => {
    expectOneLineError(ratsradar(['import', path.join(tmp.dir, 'nope'), '--db', path.join(tmp.dir, 'x.sqlite')]), 1, /no such file or folder/);
  });

  // Node's recursive mkdir never returns there (100 % CPU): a folder whose parent exists but that cannot be
  // made, as under /proc or on a stale mount (src/util/ensure-dir.ts). spawnSync's timeout ends a hang (code null).
  test('a database folder that cannot be made (under /proc) is one line and exit 1, not a hang', () => {
    expect(fs.statSync('/proc/self').isDirectory()).toBe(true);
    const page = path.join(CORPUS, 'allris3/hamburg-altona/vo020-1018473.html');
    const r = ratsradar(['import', page, '--db', '/proc/ratsradar-none/sub/x.sqlite']);
    expectOneLineError(r, 1, /^ratsradar: cannot create the folder \/proc\/ratsradar-none: no such file or directory$/);
  });
});
