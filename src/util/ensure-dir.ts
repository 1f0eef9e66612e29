/**
 * `mkdir -p` that always returns. Node's own (`fs.mkdirSync(dir, { recursive: true })`, Node 20 and later)
 * never returns, spinning at 100 % CPU, when a folder's parent exists but creating the folder still fails
 * with ENOENT: a path under /proc, a mount that went stale (its folder deleted under a running process).
 * Here every missing folder is made on its own, from the top down, and the first that cannot be made
 * ends it with one line that names it: "cannot create the folder /proc/x: no such file or directory".
 */
import fs from 'node:fs';
import path from 'node:path';

const REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  ENOTDIR: 'a part of the path is not a folder',
  EEXIST: 'a file of that name is in the way',
};

function cannot(dir: string, err: unknown): Error {
  const code = (err as NodeJS.ErrnoException).code ?? '';
  return new Error(`cannot create the folder ${dir}: ${REASONS[code] ?? (code || String(err))}`);
}

function isDir(p: string): boolean | null {
  try {
    return fs.statSync(p).isDirectory();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** Makes `dir` and the folders above it that are missing; throws one clear line when one cannot be made. */
export function ensureDir(dir: string): void {
  const missing: string[] = [];
  let cur = path.resolve(dir);
  for (;;) {
    let found: boolean | null;
    try {
      found = isDir(cur);
    } catch (err) {
      throw cannot(cur, err);
    }
    if (found === true) break;
    if (found === false) throw cannot(cur, Object.assign(new Error('not a folder'), { code: 'EEXIST' }));
    missing.push(cur);
    const up = path.dirname(cur);
    if (up === cur) break;
    cur = up;
  }
  for (const d of missing.reverse()) {
    try {
      fs.mkdirSync(d);
    } catch (err) {
      // made meanwhile by another process: fine when it is a folder
      if ((err as NodeJS.ErrnoException).code === 'EEXIST' && isDir(d) === true) continue;
      throw cannot(d, err);
    }
  }
}
