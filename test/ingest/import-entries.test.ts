/**
 * `import` and the entries it is given: a dangling symbolic link or a symbolic link loop
 * under a folder is reported for that entry and the rest is imported; `/dev/stdin` and a FIFO named on
 * the command line are read. The folder is made in the test: symbolic links to corpus pages (read in
 * place, not copied), a link to nowhere, a link to itself and a link back up the tree.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openDb } from '../../src/db/connection';
import { collectFiles, importSavedPages, type UnreadableEntry } from '../../src/ingest/saved-pages';
import { ROOT, ratsradarSrc, tsNodeArgs } from '../helpers/cli-src';
import { CORPUS, makeTmpDir } from '../helpers/tmp';

const tmp = makeTmpDir();
afterAll(tmp.cleanup);
const VO020 = path.join(CORPUS, 'allris3/hamburg-nord/vo020-1016851.html');
const TO010 = path.join(CORPUS, 'allris3/hamburg-nord/to010-1003143.html');

function brokenFolder(): string {
  const dir = path.join(tmp.dir, 'hamburg-nord');
  fs.mkdirSync(path.join(dir, 'sub'), { recursive: true });
  fs.symlinkSync(VO020, path.join(dir, 'a-vo020.html'));
  fs.symlinkSync(path.join(dir, 'nowhere.html'), path.join(dir, 'b-gone.html'));
  fs.symlinkSync('c-loop.html', path.join(dir, 'c-loop.html'));
  fs.symlinkSync('..', path.join(dir, 'sub', 'up'));
  fs.symlinkSync(TO010, path.join(dir, 'sub', 'to010.html'));
  return dir;
}

test('a dangling link and link loops under a folder are reported each, and the pages are imported', () => {
  const dir = brokenFolder();
  const unreadable: UnreadableEntry[] = [];
  const files = collectFiles([dir], [], unreadable);
  expect(files.map((f) => path.relative(dir, f))).toEqual(['a-vo020.html', path.join('sub', 'to010.html')]);
  expect(unreadable.map((u) => [path.relative(dir, u.file), u.status, u.detail])).toEqual([
    ['b-gone.html', 'failed', 'failed: dangling symbolic link (its target does not exist)'],
    ['c-loop.html', 'skipped', 'skipped: symbolic link loop'],
    [path.join('sub', 'up'), 'skipped', `skipped: symbolic link loop (the folder ${dir} again)`],
  ]);

  const opened = openDb(path.join(tmp.dir, 'entries.sqlite'));
  const summary = importSavedPages(opened.sqlite, [dir], { now: '2026-11-24T09:00:00Z', today: '2026-11-24' });
  expect(summary.files.map((f) => [path.relative(dir, f.file), f.status])).toEqual([
    ['b-gone.html', 'failed'], ['c-loop.html', 'skipped'], [path.join('sub', 'up'), 'skipped'], ['a-vo020.html', 'inserted'], [path.join('sub', 'to010.html'), 'inserted'],
  ]);
  expect(opened.sqlite.prepare("SELECT COUNT(*) FROM papers WHERE reference IS NOT NULL").pluck().get()).toBeGreaterThan(0);
  expect(opened.sqlite.prepare('SELECT COUNT(*) FROM meetings').pluck().get()).toBe(1);
  opened.close();
});

test('the command: one line per entry, the pages imported, exit 1 for the dangling link', () => {
  const dir = path.join(tmp.dir, 'hamburg-nord');
  const r = ratsradarSrc(['import', dir, '--db', path.join(tmp.dir, 'cli.sqlite')]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(1);
  expect(r.stdout).toContain(`${path.join(dir, 'b-gone.html')}: failed: dangling symbolic link (its target does not exist)\n`);
  expect(r.stdout).toContain(`${path.join(dir, 'c-loop.html')}: skipped: symbolic link loop\n`);
  expect(r.stdout).toMatch(/a-vo020\.html: inserted: Paper /);
  expect(r.stdout).toContain('5 files: 2 inserted, 0 updated, 0 unchanged, 2 skipped, 1 failed');
});

test('/dev/stdin named on the command line is read', () => {
  const res = spawnSync(process.execPath, tsNodeArgs(path.join(ROOT, 'src', 'cli.ts'), ['import', '/dev/stdin', '--source', 'hamburg-nord', '--db', path.join(tmp.dir, 'stdin.sqlite')]), {
    cwd: ROOT, encoding: 'utf8', input: fs.readFileSync(VO020),
  });
  expect(res.stderr).toBe('');
  expect(res.stdout).toMatch(/^\/dev\/stdin: inserted: Paper .*\(hamburg-nord\)\n/);
  expect(res.status).toBe(0);
});

test('a FIFO named on the command line is read', async () => {
  const fifo = path.join(tmp.dir, 'page.fifo');
  expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
  const child = spawn(process.execPath, tsNodeArgs(path.join(ROOT, 'src', 'cli.ts'), ['import', fifo, '--source', 'hamburg-nord', '--db', path.join(tmp.dir, 'fifo.sqlite')]), {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  // opening the FIFO for writing waits for the command to open it for reading
  await new Promise<void>((resolve, reject) => {
    const w = fs.createWriteStream(fifo);
    w.on('error', reject);
    w.end(fs.readFileSync(VO020), () => resolve());
  });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  expect(stderr).toBe('');
  expect(stdout).toMatch(/page\.fifo: inserted: Paper /);
  expect(code).toBe(0);
});
