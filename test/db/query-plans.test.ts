/**
 * Every statement the routes and an import prepare runs on an index: the database holds the demo, the
 * corpus and generated motions (bench/generate.ts, imported through importRecords); every GET route is
 * fetched; then every statement the registry lists (src/db/registry.ts: the declared groups of all
 * loaded modules, and the SQL built at run time that the requests prepared) is asked for its
 * EXPLAIN QUERY PLAN. A full scan (`SCAN <table>` without an index) of a table that grows with the data
 * fails the test; the small tables below are allowed by name, the statements that read a whole table on
 * purpose by their text, each with its reason.
 */
import path from 'node:path';
import request from 'supertest';
import type Database from 'better-sqlite3';
import { generateWorld } from '../../bench/generate';
import { importCities } from '../../bench/import';
import { openDb } from '../../src/db/connection';
import { refreshDerived } from '../../src/db/derive';
import { registryOf } from '../../src/db/registry';
import { createApp } from '../../src/server/app';
import { concreteUrl, listRoutes } from '../helpers/routes';
import { makeTmpDir } from '../helpers/tmp';
import { buildWebDb, WEB_TODAY } from '../helpers/web-db';

/** Tables that do not grow with the motions, each with why a scan of it is fine. */
const SMALL_TABLES: Record<string, string> = {
  sources: 'one row per city',
  source_sync: 'one row per city',
  derive_state: 'one row',
  crawl_runs: 'one row per crawl run, read for one source',
  __drizzle_migrations: 'one row per migration',
  sqlite_master: 'the schema: some dozens of rows',
};

/** Statements that read a whole large table on purpose (by their text), each with its reason. */
const WHOLE_TABLE_READS: [string, string][] = [
  ['SELECT EXISTS (SELECT 1 FROM paper_events) OR NOT EXISTS (SELECT 1 FROM papers)', 'stops at the first row'],
  ['SELECT id FROM papers ORDER BY id', "derive.ts on a new day: every paper's state, once a day"],
];

/** The tables and aliases a statement names, alias → table. */
function aliases(sql: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of sql.matchAll(/\b(?:FROM|JOIN|UPDATE|INTO)\s+([a-z_][\w.]*)(?:\s+(?:AS\s+)?(?!ON\b|WHERE\b|JOIN\b|LEFT\b|CROSS\b|INNER\b|GROUP\b|ORDER\b|LIMIT\b|SET\b|USING\b|VALUES\b)([a-z_]\w*))?/gi)) {
    const table = m[1].replace(/^(main|temp)\./, '');
    out.set(table, table);
    if (m[2]) out.set(m[2], table);
  }
  for (const m of sql.matchAll(/\)\s+(?:AS\s+)?([a-z_]\w*)\s+(?:JOIN|LEFT|CROSS|INNER|WHERE|ORDER|GROUP|LIMIT|ON)\b/gi)) out.set(m[1], '(subquery)');
  return out;
}

/** Null arguments for every parameter of a statement: positional `?` and named @x / :x / $x (outside string literals). */
function nullArgs(sql: string): unknown[] {
  const code = sql.replace(/'(?:[^']|'')*'/g, "''");
  const positional = (code.match(/\?/g) ?? []).length;
  const named = [...new Set([...code.matchAll(/[@:$]([a-z_]\w*)/gi)].map((m) => m[1]))];
  const args: unknown[] = Array.from({ length: positional }, () => null);
  if (named.length) args.push(Object.fromEntries(named.map((n) => [n, null])));
  return args;
}

/** The tables (and virtual tables) of the schema. */
function tables(sqlite: Database.Database): Set<string> {
  return new Set(sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
}

/** The full scans of large tables in a statement's plan. */
function fullScans(sqlite: Database.Database, sql: string): string[] {
  const plan = sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...nullArgs(sql)) as { detail: string }[];
  const names = aliases(sql);
  const out: string[] = [];
  for (const { detail } of plan) {
    const m = /^SCAN (\S+)(.*)$/.exec(detail);
    if (!m || /USING (COVERING )?INDEX|VIRTUAL TABLE|USING INTEGER PRIMARY KEY/.test(m[2]) || m[1].startsWith('(') || m[1] === 'CONSTANT') continue;
    const table = names.get(m[1]) ?? m[1];
    // a subquery's or a WITH clause's rows are no table
    if (table in SMALL_TABLES || !tables(sqlite).has(table)) continue;
    out.push(`${detail} (table ${table})`);
  }
  return out;
}

describe('query plans', () => {
  const tmp = makeTmpDir();
  afterAll(() => tmp.cleanup());

  test('no statement of the routes or the import scans a large table in full', async () => {
    const opened = buildWebDb(tmp.dir);
    try {
      const { sqlite } = opened;
      importCities(sqlite, generateWorld({ seed: 18, motions: 400, today: WEB_TODAY }), 200, '2026-11-24T09:00:00Z');
      refreshDerived(sqlite, WEB_TODAY);
      const one = (sql: string) => sqlite.prepare(sql).pluck().get() as string | number;
      const params = {
        id: one('SELECT paper_id FROM consultations ORDER BY paper_id LIMIT 1'),
        source: one('SELECT s.key FROM sources s JOIN papers p ON p.source_id = s.id LIMIT 1'),
        key: one('SELECT s.key FROM sources s JOIN papers p ON p.source_id = s.id LIMIT 1'),
        name: one("SELECT organization FROM consultations WHERE organization IS NOT NULL LIMIT 1"),
      };
      const meeting = one('SELECT meeting_id FROM agenda_items WHERE meeting_id IS NOT NULL LIMIT 1');
      const organization = one('SELECT id FROM organizations LIMIT 1');
      process.env.RATSRADAR_RATE_LIMIT = '0';
      const app = createApp(sqlite, { today: () => WEB_TODAY });
      delete process.env.RATSRADAR_RATE_LIMIT;
      const routes = listRoutes(app).filter((r) => r.methods.includes('GET') && !r.path.startsWith('/admin'));
      const urls = routes.flatMap((r) => {
        const segment = r.path.split('/')[1];
        const id = segment === 'meetings' ? meeting : segment === 'organizations' ? organization : params.id;
        const url = concreteUrl(r.path, { ...params, id });
        return [url, `${url}?q=Antrag`, `${url}?status=open&gremium=${encodeURIComponent(`${params.source}:${params.name}`)}&seite=2`];
      });
      let answered = 0;
      for (const url of urls) if ((await request(app).get(url)).status === 200) answered++;
      expect(answered).toBeGreaterThan(routes.length / 2);

      const registry = registryOf(sqlite);
      registry.prepareAll();
      const statements = registry.list();
      // the import's and the pages' statements are among them
      expect(statements.some((s) => s.owner === 'write-paper' && /^INSERT INTO papers/.test(s.sql.trim()))).toBe(true);
      expect(statements.some((s) => s.owner === 'queries-committee')).toBe(true);
      expect(statements.length).toBeGreaterThan(100);

      const scans: string[] = [];
      for (const { owner, sql } of statements) {
        if (WHOLE_TABLE_READS.some(([text]) => sql.replace(/\s+/g, ' ').trim() === text)) continue;
        for (const s of fullScans(sqlite, sql)) scans.push(`${owner}: ${s}: ${sql.replace(/\s+/g, ' ')}`);
      }
      expect(scans).toEqual([]);
    } finally {
      opened.close();
    }
  });

  test('the plan reader sees a full scan, and an index search is none', () => {
    const opened = openDb(path.join(tmp.dir, 'plain.sqlite'));
    try {
      expect(fullScans(opened.sqlite, 'SELECT id FROM papers p WHERE p.name = ?')).toEqual(['SCAN p (table papers)']);
      expect(fullScans(opened.sqlite, 'SELECT id FROM papers WHERE id = ?')).toEqual([]);
      expect(fullScans(opened.sqlite, 'SELECT key FROM sources')).toEqual([]);
    } finally {
      opened.close();
    }
  });
});
