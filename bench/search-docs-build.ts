/** `npx tsx bench/search-docs-build.ts <motions> [seed]`: builds (or finds) the search bench's cached database for one size. */
import path from 'node:path';
import { projectRoot } from '../src/util/paths';
import { BENCH_TODAY } from './generate';
import { searchDatabase } from './search-docs-generate';

const motions = Number(process.argv[2]);
const seed = Number(process.argv[3] ?? '1');
if (!(motions > 0) || !(seed > 0)) {
  process.stderr.write('usage: tsx bench/search-docs-build.ts <motions> [seed]\n');
  process.exitCode = 2;
} else {
  const log = (line: string) => process.stderr.write(`${new Date().toISOString()} ${line}\n`);
  const db = searchDatabase(path.join(projectRoot(), 'bench', 'data'), motions, seed, BENCH_TODAY, log);
  process.stdout.write(`${JSON.stringify(db)}\n`);
}
