/** A fresh temporary folder per test file, removed afterwards. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function makeTmpDir(prefix = 'ratsradar-test-'): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** The real recorded pages, read in place. */
export const CORPUS = path.resolve(__dirname, '..', '..', '..', 'shared', 'corpus');
