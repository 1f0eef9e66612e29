/**
 * The shape of scrapers/ (README, "Scrapers"): no import cycle (type imports included), the toolkit
 * (html/) and shared/ import no generation folder, every file under 300 lines. Reads the source files.
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../scrapers');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const IMPORT = /^\s*(?:import|export)\b[^;]*?\bfrom\s+'(\.[^']+)'/gm;

/** file → the files of scrapers/ it imports (values and types alike). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(ROOT)) {
    const deps: string[] = [];
    for (const m of fs.readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = path.resolve(path.dirname(file), m[1]);
      const resolved = [`${target}.ts`, path.join(target, 'index.ts')].find((f) => fs.existsSync(f));
      if (resolved && resolved.startsWith(ROOT)) deps.push(resolved);
    }
    graph.set(file, deps);
  }
  return graph;
}

/** Every cycle found by a depth-first walk, each as the list of its files (relative). */
export function findCycles(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    stack.push(file);
    for (const dep of graph.get(file) ?? []) {
      if (state.get(dep) === 'open') cycles.push(stack.slice(stack.indexOf(dep)).map((f) => path.relative(ROOT, f)));
      else if (!state.has(dep)) visit(dep);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return cycles;
}

describe('scrapers/ layout', () => {
  const graph = importGraph();

  it('reads the import graph (a file that imports another is seen)', () => {
    const parse = graph.get(path.join(ROOT, 'parse.ts')) ?? [];
    expect(parse).toContain(path.join(ROOT, 'detect.ts'));
    expect(parse).toContain(path.join(ROOT, 'html/context.ts'));
  });

  it('finds a cycle where there is one (the checker itself)', () => {
    const g = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]);
    expect(findCycles(g)).toEqual([['a', 'b', 'c'].map((f) => path.relative(ROOT, f))]);
  });

  it('has no import cycle, type imports included', () => {
    expect(findCycles(graph)).toEqual([]);
  });

  it('keeps generation-specific markup out of html/ and shared/', () => {
    const wrong = [...graph].flatMap(([file, deps]) => {
      const folder = path.relative(ROOT, file).split(path.sep)[0];
      if (folder !== 'html' && folder !== 'shared') return [];
      return deps.filter((d) => /^(allris3|allris4|oparl)$/.test(path.relative(ROOT, d).split(path.sep)[0])).map((d) => `${path.relative(ROOT, file)} → ${path.relative(ROOT, d)}`);
    });
    expect(wrong).toEqual([]);
  });

  it('keeps every file under 300 lines', () => {
    const long = sourceFiles(ROOT)
      .map((f) => ({ file: path.relative(ROOT, f), lines: fs.readFileSync(f, 'utf8').split('\n').length }))
      .filter((f) => f.lines > 300);
    expect(long).toEqual([]);
  });
});
