/**
 * No source file over 400 lines in src/, scrapers/, test/ and bench/ (DESIGN.md: one concept per
 * file, under ~300 lines; question anything over 400). Generated migrations are SQL and JSON, not
 * counted.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, sourceFiles } from './source-files';

const MAX_LINES = 400;


const lineCount = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8').split('\n').filter((l, i, all) => i < all.length - 1 || l !== '').length;

const files = sourceFiles(['src', 'scrapers', 'test', 'bench']);
const long = files.filter((f) => lineCount(f) > MAX_LINES);

test('the walk finds the sources of all four folders', () => {
  for (const f of ['src/cli.ts', 'scrapers/parse.ts', 'test/structure/file-size.test.ts', 'bench/run.ts']) expect(files).toContain(f);
  expect(files.some((f) => f.endsWith('.sql') || f.endsWith('.json'))).toBe(false);
});

test(`no source file has more than ${MAX_LINES} lines`, () => {
  expect(long.map((f) => `${f}: ${lineCount(f)} lines`)).toEqual([]);
});
