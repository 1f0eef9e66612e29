/**
 * No import cycle among the modules of src/ and scrapers/, type-only imports included: a cycle means
 * a module imports (the types of) its own users, and the two can no longer be read or changed apart.
 */
import { importCycles, importGraph, resolveImport } from './import-graph';
import { sourceFiles } from './source-files';

const cycles = importCycles(importGraph(sourceFiles(['src', 'scrapers'])));

test('the graph sees type-only imports, re-exports and index files', () => {
  const graph = importGraph(sourceFiles(['src']));
  // import type { AppContext } from '../context'
  expect(graph.get('src/server/routes/home.ts')).toContain('src/server/context.ts');
  // export type { … } from './progress-types'
  expect(graph.get('src/domain/progress.ts')).toContain('src/domain/progress-types.ts');
  expect(resolveImport('scrapers/required/to010.ts', './index')).toBe('scrapers/required/index.ts');
  expect(resolveImport('src/cli.ts', 'node:fs')).toBeNull();
});

test('the cycle finder finds a cycle through a type-only import, and none in a chain', () => {
  const ring = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']], ['e', ['e']]]);
  expect(importCycles(ring)).toEqual([['a', 'b', 'c'], ['e']]);
  expect(importCycles(new Map([['a', ['b']], ['b', ['c']], ['c', []]]))).toEqual([]);
});

test('src/ has no import cycle', () => {
  expect(cycles.filter((c) => c[0].startsWith('src/') || c.some((f) => f.startsWith('src/')))).toEqual([]);
});

test('scrapers/ has no import cycle', () => {
  expect(cycles.filter((c) => c.some((f) => f.startsWith('scrapers/')))).toEqual([]);
});
