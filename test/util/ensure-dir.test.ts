/**
 * ensureDir (src/util/ensure-dir.ts): `mkdir -p` that always returns. The case Node's own recursive mkdir
 * never returns from (a folder under /proc) runs in a child process, so that a hang fails the test (the
 * child is killed at its timeout) instead of stopping the test run.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureDir } from '../../src/util/ensure-dir';
import { tsNodeArgs } from '../helpers/cli-src';
import { makeTmpDir } from '../helpers/tmp';

const tmp = makeTmpDir();
afterAll(tmp.cleanup);

test('makes every missing folder of a path, and leaves an existing one as it is', () => {
  const deep = path.join(tmp.dir, 'a', 'b', 'c');
  ensureDir(deep);
  expect(fs.statSync(deep).isDirectory()).toBe(true);
  fs.writeFileSync(path.join(deep, 'kept.txt'), 'x');
  ensureDir(deep);
  ensureDir(path.join(tmp.dir, 'a'));
  expect(fs.readFileSync(path.join(deep, 'kept.txt'), 'utf8')).toBe('x');
});

test('a file in the way, or a link to nowhere, is one line naming the folder', () => {
  const file = path.join(tmp.dir, 'file');
  fs.writeFileSync(file, 'x');
  expect(() => ensureDir(path.join(file, 'sub'))).toThrow(`cannot create the folder ${path.join(file, 'sub')}: a part of the path is not a folder`);
  expect(() => ensureDir(file)).toThrow(`cannot create the folder ${file}: a file of that name is in the way`);
  const link = path.join(tmp.dir, 'dangling');
  fs.symlinkSync(path.join(tmp.dir, 'gone', 'target'), link);
  expect(() => ensureDir(path.join(link, 'sub'))).toThrow(`cannot create the folder ${link}: a file of that name is in the way`);
});

test('a folder whose parent exists but that cannot be made (under /proc) ends with one line, at once', () => {
  expect(fs.statSync('/proc/self').isDirectory()).toBe(true);
  const script = path.join(tmp.dir, 'proc.ts');
  fs.writeFileSync(script, `import { ensureDir } from ${JSON.stringify(path.resolve(__dirname, '../../src/util/ensure-dir'))};
try { ensureDir('/proc/ratsradar-none/sub'); console.log('made'); } catch (err) { console.log((err as Error).message); }
`);
  const r = spawnSync(process.execPath, tsNodeArgs(script, []), { encoding: 'utf8', timeout: 30000 });
  expect(r.signal).toBeNull();
  expect(r.status).toBe(0);
  expect(r.stdout.trim()).toBe('cannot create the folder /proc/ratsradar-none: no such file or directory');
});
