/** Opens (and creates) the SQLite database: WAL, foreign keys on, migrations applied, its statement registry made. */
import path from 'node:path';
import { ensureDir } from '../util/ensure-dir';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { backfillOparlCancellations } from './cancelled-backfill';
import { decodeDisplayTextRows } from './history-display-text';
import { backfillNewEvents } from './write-events';
import { schema, type Db } from './app-schema';
import { attachRegistry } from './registry';
import { projectRoot } from '../util/paths';

export type { Db } from './app-schema';

export interface OpenedDb {
  db: Db;
  sqlite: Database.Database;
  close(): void;
}

export function migrationsFolder(): string {
  return path.join(projectRoot(), 'src', 'db', 'migrations');
}

/** Opens the database at `file` (":memory:" works too), creating its folder, and applies pending migrations. */
export function openDb(file: string): OpenedDb {
  if (file !== ':memory:') ensureDir(path.dirname(path.resolve(file)));
  const sqlite = new Database(file);
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');
    // A crawl commits page by page (an import batch by batch), and every checkpoint copies what the WAL
    // holds into the database file. SQLite checkpoints every 1,000 pages (4 MB) by default: an import of
    // 2,000 generated motions wrote 13,800 WAL frames for a 9,200-page database, 14 checkpoints, each
    // copying again the index pages that every commit touches. Every 8,000 pages (the WAL grows to 32 MB
    // before it is reused) measured 2-4 points more of the raw insert rate (bench). Durability does not
    // change: with NORMAL no commit waits for the disk either way; a power loss can roll back the last
    // commits, never damage the database.
    sqlite.pragma('wal_autocheckpoint = 8000');
    // Statement journals in memory. A statement that can write more than one row (one with a trigger: an
    // agenda item's, a paper's) and fail midway keeps, inside a transaction, a copy of every page it changes
    // that the transaction had changed before, so that it alone can be undone; SQLite writes that copy to a
    // temporary file once it passes 64 KiB, which an import batch's agenda items did with every insert
    // (a pwrite per page: a fifth of the import's CPU time at 2,000 motions, more of its wall time). A
    // statement journal is never read after a crash (the WAL is), so keeping it in memory changes no
    // durability; temporary tables and sorts that outgrow the page cache stay in memory too (a sort of every
    // motion's row at 100,000 motions is some tens of MB: an estimate, not measured).
    sqlite.pragma('temp_store = MEMORY');
    const db = drizzle(sqlite, { schema }) as Db;
    migrate(db, { migrationsFolder: migrationsFolder() });
    // the connection's statement registry (src/db/registry.ts): every module's statements, prepared once
    attachRegistry(sqlite, db);
    // a database from before change events gets its motions' "new" events once (their feeds are not empty)
    backfillNewEvents(sqlite);
    // change-log rows from before codes (migration 0018) become codes
    decodeDisplayTextRows(sqlite);
    // OParl meetings cancelled by their meetingState only, imported before the parser read it, become cancelled
    backfillOparlCancellations(sqlite);
    return { db, sqlite, close: () => sqlite.close() };
  } catch (err) {
    sqlite.close();
    throw err;
  }
}
