/** Where the project's own files are, whether running from src/ (ts-jest) or dist/src/ (built). */
import fs from 'node:fs';
import path from 'node:path';

let root: string | null = null;

/** The folder that holds package.json named "ratsradar". */
export function projectRoot(): string {
  if (root) return root;
  let dir = __dirname;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      try {
        if (JSON.parse(fs.readFileSync(pkg, 'utf8')).name === 'ratsradar') return (root = dir);
      } catch {
        /* keep looking */
      }
    }
    const up = path.dirname(dir);
    if (up === dir) throw new Error('cannot find the ratsradar project folder');
    dir = up;
  }
}

export const DEFAULT_DB_PATH = 'data/ratsradar.sqlite';
