/**
 * The import graph of the project's own modules: every `import`, `import type`, `export … from`,
 * `require()` and `import()` of a relative path, read with TypeScript's own pre-processor, and the
 * strongly connected components (import cycles) of that graph.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { ROOT } from './source-files';

const CANDIDATES = ['', '.ts', '.js', '/index.ts', '/index.js'];

/** The root-relative file a relative specifier in `from` names, or null when it is not one of ours. */
export function resolveImport(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = path.join(path.dirname(from), specifier);
  for (const ext of CANDIDATES) {
    const p = base + ext;
    const file = path.join(ROOT, p);
    if (fs.existsSync(file) && fs.statSync(file).isFile()) return p.split(path.sep).join('/');
  }
  // `./x.js` written for `./x.ts` (node16 style)
  const ts2 = base.replace(/\.js$/, '.ts');
  if (ts2 !== base && fs.existsSync(path.join(ROOT, ts2))) return ts2.split(path.sep).join('/');
  return null;
}

/** The specifiers `text` imports or re-exports, type-only ones included. */
export function importSpecifiers(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

/** file → the project files it imports (only those among `files`). */
export function importGraph(files: string[]): Map<string, string[]> {
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    const targets = importSpecifiers(text)
      .map((s) => resolveImport(file, s))
      .filter((t): t is string => t !== null && known.has(t));
    graph.set(file, [...new Set(targets)].sort());
  }
  return graph;
}

/** The import cycles: each strongly connected component of more than one file (or a file importing itself), files sorted. */
export function importCycles(graph: Map<string, string[]>): string[][] {
  // Tarjan's algorithm, iterative so a deep import chain cannot overflow the stack
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let next = 0;
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work: Array<{ node: string; edge: number }> = [{ node: start, edge: 0 }];
    index.set(start, next);
    low.set(start, next++);
    stack.push(start);
    onStack.add(start);
    while (work.length) {
      const top = work[work.length - 1];
      const edges = graph.get(top.node) ?? [];
      if (top.edge < edges.length) {
        const to = edges[top.edge++];
        if (!index.has(to)) {
          index.set(to, next);
          low.set(to, next++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, edge: 0 });
        } else if (onStack.has(to)) low.set(top.node, Math.min(low.get(top.node)!, index.get(to)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(top.node)!));
      }
      if (low.get(top.node) === index.get(top.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== top.node);
        if (component.length > 1 || edges.includes(top.node)) cycles.push(component.sort());
      }
    }
  }
  return cycles.sort((a, b) => a[0].localeCompare(b[0]));
}
