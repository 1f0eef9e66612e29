/**
 * Comments in src/ and scrapers/ name only files that exist (a module, a template, a migration, a document
 * here or in ../shared), and no issue or must-show number: the code says what it does and why, the issue
 * tracker's numbering is not its documentation.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, sourceFiles } from './source-files';

const SKIP = new Set(['node_modules', 'dist', '.git']);

/** Every file under `dir` (root-relative, '/'), without the folders of installed and built code. */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(e.name)) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p));
    else out.push(path.relative(ROOT, p).split(path.sep).join('/'));
  }
  return out;
}

const project = filesUnder(ROOT);
const shared = filesUnder(path.join(ROOT, '..', 'shared')).filter((f) => !f.includes('/corpus/') || f.endsWith('.md'));
const known = [...project, ...shared];
const baseNames = new Set(known.map((f) => f.split('/').pop()));

/** The comment text of a line: after `//`, or a block comment's line (` * …`, `/** …`). */
function commentOf(line: string): string | null {
  const block = /^\s*(?:\/\*\*?|\*)(.*)$/.exec(line);
  if (block) return block[1];
  const i = line.indexOf('// ');
  return i >= 0 ? line.slice(i + 3) : null;
}

/** A file named with a folder exists under that path (from the root, from src/ or scrapers/, or as the end of a known path); a bare name anywhere. */
function exists(name: string): boolean {
  if (!name.includes('/')) return baseNames.has(name);
  return known.some((f) => f === name || f.endsWith(`/${name}`));
}

const FILE = /(?<![\w@/.{}-])((?:[\w-]+\/)*[A-Za-z_][\w.-]*\.(?:ts|hbs|md|sql|css))\b/g;
const ISSUE = /\b(?:issue\s*#?\d+|must[- ]show\s*\d+)/i;

const files = sourceFiles(['src', 'scrapers']);
const comments = files.flatMap((f) => fs.readFileSync(path.join(ROOT, f), 'utf8').split('\n')
  .map((line, i) => ({ at: `${f}:${i + 1}`, text: commentOf(line) }))
  .filter((c): c is { at: string; text: string } => c.text !== null));

test('the comments of src/ and scrapers/ are read (a file named in one is found)', () => {
  expect(comments.length).toBeGreaterThan(1000);
  expect(comments.some((c) => [...c.text.matchAll(FILE)].some((m) => m[1].endsWith('registry.ts')))).toBe(true);
  expect(['registry.ts', 'db/registry.ts', 'src/db/registry.ts', 'migrate.ts', 'src/db/migrate.ts', 'CONTRACTS.md'].map(exists))
    .toEqual([true, true, true, false, false, true]);
});

test('no comment names a file that does not exist', () => {
  const missing = comments.flatMap((c) => [...c.text.matchAll(FILE)].map((m) => m[1]).filter((n) => !exists(n)).map((n) => `${c.at}: ${n}`));
  expect(missing).toEqual([]);
});

test('no comment names an issue or a must-show by its number', () => {
  expect(comments.filter((c) => ISSUE.test(c.text)).map((c) => `${c.at}: ${c.text.trim()}`)).toEqual([]);
});
