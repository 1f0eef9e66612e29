/**
 * `npm start` compiles only when a source is newer than the last build (bin/build.js): the staleness
 * check on a small project of its own in a temporary folder, and a real tsc build of it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { makeTmpDir } from '../helpers/tmp';

const { isStale, build } = require('../../bin/build.js') as { isStale(root: string): boolean; build(root: string, quiet?: boolean): number };

const tmp = makeTmpDir();
afterAll(tmp.cleanup);
const root = tmp.dir;
const at = (file: string, seconds: number) => fs.utimesSync(path.join(root, file), seconds, seconds);
const write = (file: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), text);
};

beforeAll(() => {
  write('tsconfig.json', JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'commonjs', strict: true, outDir: 'dist', rootDir: '.', types: [] }, include: ['src/**/*.ts', 'scrapers/**/*.ts'] }));
  write('src/a.ts', 'export const a: number = 1;\n');
  write('scrapers/b.ts', "import { a } from '../src/a';\nexport const b = a + 1;\n");
});

test('never built: stale; built: not stale, and dist/ holds the output', () => {
  expect(isStale(root)).toBe(true);
  expect(build(root, true)).toBe(0);
  expect(fs.readFileSync(path.join(root, 'dist/scrapers/b.js'), 'utf8')).toMatch(/const b = a_1\.a \+ 1|exports\.b = a_1\.a \+ 1/);
  expect(fs.existsSync(path.join(root, 'dist/.tsbuildinfo'))).toBe(true);
  expect(isStale(root)).toBe(false);
});

test('a source, a new file, a deleted file or the tsconfig newer than the build: stale', () => {
  const stamp = fs.statSync(path.join(root, 'dist/.build-stamp')).mtimeMs / 1000;
  const [before, after] = [stamp - 100, stamp + 100];
  const back = () => ['src/a.ts', 'tsconfig.json', 'src', 'scrapers'].forEach((f) => at(f, before));
  back();
  expect(isStale(root)).toBe(false);
  const changes: Array<[string, () => void]> = [
    ['a source', () => at('src/a.ts', after)],
    ['the tsconfig', () => at('tsconfig.json', after)],
    ['a new file', () => write('scrapers/c.ts', 'export const c = 3;\n')],
    ['a deleted file', () => fs.rmSync(path.join(root, 'scrapers/c.ts'))],
  ];
  for (const [what, change] of changes) {
    change();
    expect([what, isStale(root)]).toEqual([what, true]);
    back();
    if (fs.existsSync(path.join(root, 'scrapers/c.ts'))) at('scrapers/c.ts', before);
    expect([what, isStale(root)]).toEqual([what, false]);
  }
});

test('files outside the compiled folders do not make it stale', () => {
  expect(isStale(root)).toBe(false);
  write('README.md', 'changed\n');
  write('test/x.test.ts', 'changed\n');
  expect(isStale(root)).toBe(false);
});

test('a build that fails leaves no stamp: the next start compiles again', () => {
  write('src/a.ts', "export const a: number = 'eins';\n");
  expect(build(root, true)).not.toBe(0);
  expect(fs.existsSync(path.join(root, 'dist/.build-stamp'))).toBe(false);
  expect(isStale(root)).toBe(true);
});
