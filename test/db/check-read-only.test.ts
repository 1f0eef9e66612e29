/**
 * `ratsradar check` only reads: on a read-only database file and in a read-only folder
 * it checks a healthy database as ok (it wrote to the search index before, and called the file
 * damaged when it could not), and the file is not changed. The tests run as root, for whom file modes
 * do not make anything read-only, so the file or folder is bind-mounted read-only in a mount namespace
 * of its own (`unshare -m`) around the command.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openDb } from '../../src/db/connection';
import { loadDemo } from '../../src/ingest/demo';
import { ROOT, tsNodeArgs } from '../helpers/cli-src';
import { makeTmpDir } from '../helpers/tmp';

const tmp = makeTmpDir();
afterAll(tmp.cleanup);

function demoDb(name: string): string {
  const dir = path.join(tmp.dir, name);
  const file = path.join(dir, 'ratsradar.sqlite');
  const opened = openDb(file);
  loadDemo(opened.sqlite, '2026-11-24T09:00:00Z', '2026-11-24');
  opened.close();
  return file;
}

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** `ratsradar check --db FILE` with `mounted` bind-mounted read-only for the command only. */
function checkReadOnly(file: string, mounted: string) {
  const cmd = [process.execPath, ...tsNodeArgs(path.join(ROOT, 'src', 'cli.ts'), ['check', '--db', file])].map(quote).join(' ');
  const script = `mount --bind ${quote(mounted)} ${quote(mounted)} && mount -o remount,ro,bind ${quote(mounted)} && ${cmd}`;
  const res = spawnSync('unshare', ['-m', 'sh', '-c', script], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

test('the mount namespace really makes the folder read-only (the premise of the tests below)', () => {
  const dir = path.join(tmp.dir, 'premise');
  fs.mkdirSync(dir);
  const res = spawnSync('unshare', ['-m', 'sh', '-c', `mount --bind ${quote(dir)} ${quote(dir)} && mount -o remount,ro,bind ${quote(dir)} && touch ${quote(path.join(dir, 'x'))}`], { encoding: 'utf8' });
  expect(res.status).not.toBe(0);
  expect(res.stderr).toMatch(/Read-only file system/);
  expect(fs.existsSync(path.join(dir, 'x'))).toBe(false);
});

test('in a read-only folder: a healthy database is ok, and nothing is written', () => {
  const file = demoDb('ro-folder');
  const before = sha(file);
  const files = fs.readdirSync(path.dirname(file)).sort();
  const r = checkReadOnly(file, path.dirname(file));
  expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
  expect(r.stdout).toBe(`${file}: ok (integrity_check, foreign_key_check, search index, Beratungsfolge copies, one paper per reference)\n`);
  expect(sha(file)).toBe(before);
  expect(fs.readdirSync(path.dirname(file)).sort()).toEqual(files);
});

test('a read-only database file in a writable folder: ok, and the file is unchanged', () => {
  const file = demoDb('ro-file');
  const before = sha(file);
  const r = checkReadOnly(file, file);
  expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
  expect(r.stdout).toMatch(/: ok \(/);
  expect(sha(file)).toBe(before);
});

test('a writable database: check leaves the file as it was', () => {
  const file = demoDb('rw');
  const before = sha(file);
  const res = spawnSync(process.execPath, tsNodeArgs(path.join(ROOT, 'src', 'cli.ts'), ['check', '--db', file]), { cwd: ROOT, encoding: 'utf8' });
  expect(res.status).toBe(0);
  expect(sha(file)).toBe(before);
  expect(fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0).toBe(0);
});
