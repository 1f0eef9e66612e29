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

function cannot(dir: string, code: string | undefined): Error {
  return new Error(`cannot create the folder ${dir}: ${(code && REASONS[code]) || code || 'unknown error'}`);
}

const codeOf = (err: unknown) => (err as NodeJS.ErrnoException).code;

/** 'folder', 'missing' (nothing of that name), or throws (something else in the way, or no access). */
function stateOf(p: string): 'folder' | 'missing' {
  let isFolder: boolean;
  try {
    isFolder = fs.statSync(p).isDirectory();
  } catch (err) {
    if (codeOf(err) === 'ENOENT') return 'missing';
    throw cannot(p, codeOf(err));
  }
  if (!isFolder) throw cannot(p, 'EEXIST');
  return 'folder';
}

/** Makes `dir` and the folders above it that are missing; throws one clear line when one cannot be made. */
export function ensureDir(dir: string): void {
  const missing: string[] = [];
  for (let cur = path.resolve(dir); stateOf(cur) === 'missing'; cur = path.dirname(cur)) {
    missing.push(cur);
    if (path.dirname(cur) === cur) break;
  }
  for (const d of missing.reverse()) {
    try {
      fs.mkdirSync(d);
    } catch (err) {
      // made meanwhile by another process: fine when it is a folder
      if (codeOf(err) === 'EEXIST' && stateOf(d) === 'folder') continue;
      throw cannot(d, codeOf(err));
    }
  }
}
