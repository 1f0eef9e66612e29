/**
 * Upgrading keeps every row: a database made by the first version of the schema (only migration
 * 0000_init applied, the way drizzle applied it then) and filled with data is opened by today's
 * openDb(), which applies every later migration. Every old row is still there with every old value,
 * the new search index holds the old papers, the check passes, and the web app shows the old papers.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import request from 'supertest';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { migrationsFolder, openDb } from '../../src/db/connection';
import { checkDatabase } from '../../src/db/check';
import { createApp } from '../../src/server/app';
import { makeTmpDir } from '../helpers/tmp';
import { renamedColumn } from '../helpers/migrations-before';

const tmp = makeTmpDir();
afterAll(tmp.cleanup);

/** A copy of the migrations folder that knows only the first migration. */
function firstMigrationOnly(): string {
  const dir = path.join(tmp.dir, 'migrations-v1');
  fs.mkdirSync(path.join(dir, 'meta'), { recursive: true });
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder(), 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  expect(journal.entries[0].tag).toBe('0000_init');
  fs.writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: journal.entries.slice(0, 1) }));
  fs.copyFileSync(path.join(migrationsFolder(), '0000_init.sql'), path.join(dir, '0000_init.sql'));
  return dir;
}

/** Data as version 1 wrote it: two sources, papers with their Beratungsfolge and meeting rows, JSON columns as JSON. */
function fillVersion1(sqlite: Database.Database): void {
  const src = sqlite.prepare('INSERT INTO sources (key, name, system, base_url, is_demo, created_at, last_sync_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  src.run('leipzig', 'Leipzig', 'allris4', 'https://ratsinformation.leipzig.de/allris_leipzig_public/', 0, '2026-01-01T10:00:00Z', '2026-01-02T10:00:00Z');
  src.run('musterstadt', 'Musterstadt (Demo)', 'allris3', null, 1, '2026-01-01T10:00:00Z', null);
  const paper = sqlite.prepare(`INSERT INTO papers (source_id, source_key, source_record_id, system, system_version, url, reference, name,
    paper_type, public, status_text, originator, under_direction_of, date, related_references, files, text, record_hash, first_seen_at,
    updated_at, state, current_organization, next_organization, next_role, next_date, last_activity, derived_on)
    VALUES (@source, @key, @sid, 'allris3', '3.9.5', @url, @ref, @name, 'Antrag', 1, 'öffentlich', @orig, '["40 Bildung und Sport"]', '2026-01-22',
    '[]', @files, @text, @hash, '2026-01-01T10:00:00Z', '2026-01-01T10:00:00Z', 'in-consultation', 'Ratsversammlung', NULL, NULL, NULL, '2026-01-22', '2026-01-23')`);
  const station = sqlite.prepare('INSERT INTO consultations (paper_id, position, organization, role, role_code, station_status) VALUES (?, ?, ?, ?, ?, ?)');
  const row = sqlite.prepare(`INSERT INTO consultation_meetings (consultation_id, position, date, name, meeting_source_id, agenda_item_source_id, result, result_code)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  for (let i = 1; i <= 30; i++) {
    const id = Number(
      paper.run({
        source: i % 3 === 0 ? 2 : 1, key: `${1000 + i}`, sid: `${1000 + i}`, url: `https://ris.example/vo020?VOLFDNR=${1000 + i}`,
        ref: `VII-A-${String(i).padStart(5, '0')}`, name: `Antrag ${i}: Schulwegsicherheit und Radverkehr in Grünau`,
        orig: JSON.stringify([`Fraktion ${i % 4}`]), files: JSON.stringify([{ name: 'Vorlage', url: null }]),
        text: JSON.stringify([{ heading: 'Beschlussvorschlag', text: `Text ${i}` }]), hash: `hash-${i}`,
      }).lastInsertRowid,
    );
    const c1 = Number(station.run(id, 0, 'Fachausschuss Jugend, Schule und Demokratie', 'Vorberatung', 'preliminary', 'Erledigt').lastInsertRowid);
    row.run(c1, 0, '2026-01-15', 'Sitzung des Fachausschusses', `${200 + i}`, `${3000 + i}`, 'zur Kenntnis genommen', 'noted');
    const c2 = Number(station.run(id, 1, 'Ratsversammlung', 'Beschlussfassung', 'decision', 'Geplant').lastInsertRowid);
    row.run(c2, 0, '2026-02-20', 'Ratsversammlung', null, null, null, 'open');
  }
}

type Rows = Record<string, Record<string, unknown>[]>;

function snapshot(sqlite: Database.Database, tables: string[]): Rows {
  return Object.fromEntries(tables.map((t) => [t, sqlite.prepare(`SELECT * FROM ${t} ORDER BY id`).all() as Record<string, unknown>[]]));
}

describe('upgrading a database made at the first migration', () => {
  test('keeps every row and value, indexes the old papers, passes the check and serves them', async () => {
    const file = path.join(tmp.dir, 'v1.sqlite');
    const v1 = new Database(file);
    v1.pragma('journal_mode = WAL');
    v1.pragma('foreign_keys = ON');
    migrate(drizzle(v1), { migrationsFolder: firstMigrationOnly() });
    const tables = (v1.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name").pluck().all() as string[]);
    expect(tables).toEqual(['consultation_meetings', 'consultations', 'papers', 'sources']);
    fillVersion1(v1);
    const before = snapshot(v1, tables);
    expect(before.papers).toHaveLength(30);
    expect(before.consultation_meetings).toHaveLength(60);
    v1.close();

    const { sqlite, close } = openDb(file);
    try {
      const applied = sqlite.prepare('SELECT COUNT(*) FROM __drizzle_migrations').pluck().get();
      const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder(), 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
      expect(applied).toBe(journal.entries.length);
      expect(journal.entries.length).toBeGreaterThan(1);

      // every old row, with every old column's value (new columns may be added beside them)
      const after = snapshot(sqlite, tables);
      for (const t of tables) {
        expect(after[t].length).toBe(before[t].length);
        after[t].forEach((row, i) => {
          const old = before[t][i];
          // (columns that migration 0020 renamed are read under their new names; derived_on is no data but a mark:
          // a migration that changes what is derived clears it, so that the paper is derived again — never another day)
          const kept = Object.fromEntries(Object.keys(old).map((k) => [k, row[renamedColumn(t, k)]]));
          if (t === 'papers' && kept.derived_on === null) kept.derived_on = old.derived_on;
          expect(kept).toEqual(old);
        });
      }
      // the Beratungsfolge rows (a later migration) carry their paper's source and their station's committee
      const copies = sqlite.prepare(`SELECT cm.source_id AS source, cm.organization, COUNT(*) AS n FROM consultation_meetings cm
        GROUP BY 1, 2 ORDER BY 1, 2`).all();
      expect(copies).toEqual([
        { source: 1, organization: 'Fachausschuss Jugend, Schule und Demokratie', n: 20 },
        { source: 1, organization: 'Ratsversammlung', n: 20 },
        { source: 2, organization: 'Fachausschuss Jugend, Schule und Demokratie', n: 10 },
        { source: 2, organization: 'Ratsversammlung', n: 10 },
      ]);
      // the search index (a later migration) was built from the old papers
      const hits = sqlite.prepare("SELECT rowid FROM papers_fts WHERE papers_fts MATCH 'Schulwegsicherheit' ORDER BY rowid").pluck().all();
      expect(hits).toEqual(before.papers.map((p) => p.id));
      expect(checkDatabase(sqlite).problems).toEqual([]);

      // and the app shows an old paper with its timeline
      const app = createApp(sqlite, { today: () => '2026-02-01' });
      const res = await request(app).get(`/papers/${before.papers[0].id}`);
      expect(res.status).toBe(200);
      expect(res.text).toContain('VII-A-00001');
      expect(res.text).toContain('Fachausschuss Jugend, Schule und Demokratie');
      const home = await request(app).get('/');
      expect(home.status).toBe(200);
    } finally {
      close();
    }
  });
});
