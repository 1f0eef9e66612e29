/**
 * Does a change to the import store exactly what the code before it stored? Imports the same generated
 * world with this checkout's code and with another checkout's (`--base DIR`, e.g. a `git worktree add` of
 * the commit before, with node_modules linked), and compares every table row by row (bench/import.ts
 * rowsOf: all tables, the stored facets and the search index's columns), right after the import and
 * after refreshDerived. Each size is imported in batches of 100 (as the bench) and of 7, and its first
 * city once more under a later time (everything unchanged). Only `sources.created_at` (the clock) is left
 * out. Exit 1 when a row differs.
 *
 *   npx tsx bench/import-same.ts --base /tmp/base --motions 500,2000
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';

type Tables = { table: string; columns: string[]; rows: unknown[][] }[];

interface Tree {
  root: string;
  imp: typeof import('./import');
  gen: typeof import('./generate');
  conn: typeof import('../src/db/connection');
  derive: typeof import('../src/db/derive');
}

async function load(root: string): Promise<Tree> {
  return {
    root,
    imp: await import(path.join(root, 'bench/import.ts')),
    gen: await import(path.join(root, 'bench/generate.ts')),
    conn: await import(path.join(root, 'src/db/connection.ts')),
    derive: await import(path.join(root, 'src/db/derive.ts')),
  };
}

/** The tables after importing `motions` with `tree` in batches of `batch`, before and after refreshDerived. */
function importWith(tree: Tree, motions: number, batch: number, file: string): { imported: Tables; derived: Tables } {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  const { sqlite, close } = tree.conn.openDb(file);
  try {
    const cities = [...tree.gen.generateWorld({ seed: 1, motions, today: tree.gen.BENCH_TODAY })];
    tree.imp.importCities(sqlite, cities, batch, `${tree.gen.BENCH_TODAY}T00:00:00Z`);
    tree.imp.importCities(sqlite, cities.slice(0, 1), batch, `${tree.gen.BENCH_TODAY}T01:00:00Z`);
    const imported = tree.imp.rowsOf(sqlite);
    tree.derive.refreshDerived(sqlite, tree.gen.BENCH_TODAY);
    return { imported, derived: tree.imp.rowsOf(sqlite) };
  } finally {
    close();
  }
}

/** The differences between two databases' tables, as lines (at most `max`), and how many rows were compared. */
function compare(a: Tables, b: Tables, max = 5): { lines: string[]; rows: number } {
  const lines: string[] = [];
  let rows = 0;
  const note = (line: string) => lines.length < max && lines.push(line);
  for (const name of new Set([...a.map((t) => t.table), ...b.map((t) => t.table)])) {
    const x = a.find((t) => t.table === name);
    const y = b.find((t) => t.table === name);
    if (!x || !y || !isDeepStrictEqual(x.columns, y.columns) || x.rows.length !== y.rows.length) {
      note(`${name}: ${x?.rows.length ?? 'no'} rows against ${y?.rows.length ?? 'no'} (or other columns)`);
      continue;
    }
    const clock = name === 'sources' ? x.columns.indexOf('created_at') : -1;
    const strip = (r: unknown[]) => r.filter((_, k) => k !== clock);
    x.rows.forEach((r, i) => {
      if (!isDeepStrictEqual(strip(r), strip(y.rows[i]))) note(`${name}: ${JSON.stringify(r).slice(0, 200)}\n  against ${JSON.stringify(y.rows[i]).slice(0, 200)}`);
    });
    rows += x.rows.length;
  }
  return { lines, rows };
}

async function main(): Promise<number> {
  const arg = (name: string) => process.argv[process.argv.indexOf(`--${name}`) + 1];
  if (!process.argv.includes('--base')) {
    process.stderr.write('usage: npx tsx bench/import-same.ts --base DIR [--motions 500,2000]\n');
    return 2;
  }
  const trees = [await load(path.resolve(__dirname, '..')), await load(path.resolve(arg('base')))];
  const sizes = (process.argv.includes('--motions') ? arg('motions') : '500,2000').split(',').map(Number);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-same-'));
  let failed = false;
  for (const motions of sizes) {
    for (const batch of [100, 7]) {
      const [mine, base] = trees.map((t, i) => importWith(t, motions, batch, path.join(dir, `${i}.sqlite`)));
      for (const phase of ['imported', 'derived'] as const) {
        const { lines, rows } = compare(mine[phase], base[phase]);
        console.log(`${motions} motions, batches of ${batch}, ${phase}: ${rows} rows compared, ${lines.length ? 'DIFFERENT' : 'the same'}`);
        for (const line of lines) console.log(`  ${line}`);
        failed ||= lines.length > 0;
      }
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return failed ? 1 : 0;
}

main().then((code) => process.exit(code), (err: unknown) => {
  process.stderr.write(`import-same: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
});
