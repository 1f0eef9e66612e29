/**
 * A reader that stops reading (`ratsradar sources | head -1`, `ratsradar help | true`) closes the pipe before
 * the command has written all: the command ends quietly, as Unix tools do, not with a stack trace of EPIPE.
 */
import { spawnRatsradarSrc } from '../helpers/cli-src';

test('stdout closed by its reader: no stack trace, a normal end', async () => {
  const child = spawnRatsradarSrc(['help']);
  // the reader goes away at once: the command's first write meets a closed pipe
  child.stdout!.destroy();
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  expect(stderr).toBe('');
  expect(code).toBe(0);
});
