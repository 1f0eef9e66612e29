/**
 * Runs bench/import-child.ts in a child process and returns what it reports (its peak RSS among it).
 * On a slow or busy machine the import may not finish in the budget, so the child is stopped
 * `graceSeconds` after its own deadline and its last progress report is the result.
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { ImportChildResult } from './import-child';

export async function benchImportMemory(opts: {
  dir: string; motions: number; seed: number; today: string; batch: number; maxSeconds: number; graceSeconds: number;
}): Promise<ImportChildResult> {
  const file = path.join(opts.dir, `import-${opts.motions}.sqlite`);
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  const child = fork(
    path.join(__dirname, 'import-child.ts'),
    [file, String(opts.motions), String(opts.seed), opts.today, String(opts.batch), String(opts.maxSeconds)],
    { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  return new Promise((resolve, reject) => {
    let result: ImportChildResult | null = null;
    const timer = setTimeout(() => child.kill('SIGKILL'), (opts.maxSeconds + opts.graceSeconds) * 1000);
    child.on('message', (m: ImportChildResult) => {
      result = m;
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (result) resolve(result.type === 'done' ? result : { ...result, complete: false });
      else reject(new Error(`the import child exited with ${code} before reporting`));
    });
  });
}
