import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { openDb, migrationsFolder } from '../../src/db/connection';
import { makeTmpDir } from '../helpers/tmp';

describe('migrations', () => {
  const tmp = makeTmpDir();
  afterAll(tmp.cleanup);

  test('an empty database gets every table, WAL mode and foreign keys', () => {
    const file = path.join(tmp.dir, 'sub', 'fresh.sqlite');
    const { sqlite, close } = openDb(file);
    try {
      expect(fs.existsSync(file)).toBe(true);
      const tables = sqlite
        .prepare("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name")
        .pluck()
        .all();
      expect(tables.filter((t) => !String(t).startsWith('papers_fts'))).toEqual([
        'agenda_items', 'alert_addresses', 'alert_outbox', 'alert_subscriptions', 'consultation_meetings', 'consultations', 'crawl_queue', 'crawl_runs', 'derive_state', 'document_pages', 'document_search_rows', 'documents', 'files', 'meeting_files', 'meetings', 'memberships',
        'organizations', 'pages', 'paper_changes', 'paper_deadlines', 'paper_events', 'paper_progress', 'paper_related_references', 'papers', 'people', 'records', 'source_sync', 'sources',
      ]);
      expect(tables).toContain('papers_fts');
      expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      const applied = sqlite.prepare('SELECT COUNT(*) FROM __drizzle_migrations').pluck().get();
      const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder(), 'meta', '_journal.json'), 'utf8'));
      expect(applied).toBe(journal.entries.length);
    } finally {
      close();
    }
  });

  test('opening again applies nothing twice', () => {
    const file = path.join(tmp.dir, 'again.sqlite');
    openDb(file).close();
    const { sqlite, close } = openDb(file);
    const applied = sqlite.prepare('SELECT COUNT(*) FROM __drizzle_migrations').pluck().get();
    close();
    const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder(), 'meta', '_journal.json'), 'utf8'));
    expect(applied).toBe(journal.entries.length);
  });

  test('each migration is dated after the one before it: drizzle applies only those dated after the last one a database has', () => {
    const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder(), 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string; when: number }[] };
    const outOfOrder = journal.entries.filter((e, i) => i > 0 && e.when <= journal.entries[i - 1].when).map((e) => e.tag);
    expect(outOfOrder).toEqual([]);
  });

  test('the committed migrations match the schema (drizzle-kit has nothing left to generate)', () => {
    const out = path.join(tmp.dir, 'migrations-copy');
    fs.cpSync(migrationsFolder(), out, { recursive: true });
    const before = fs.readdirSync(out).sort();
    const root = path.resolve(__dirname, '..', '..');
    const res = spawnSync(process.execPath, [path.join(root, 'node_modules', 'drizzle-kit', 'bin.cjs'), 'generate', '--dialect', 'sqlite', '--schema', './src/db/schema*.ts', '--out', path.relative(root, out)], { cwd: root, encoding: 'utf8' });
    // drizzle-kit exits 0 even on errors, so read what it says
    expect(`${res.stdout}${res.stderr}`).toMatch(/No schema changes, nothing to migrate/);
    expect(fs.readdirSync(out).sort()).toEqual(before);
  });
});
