/**
 * `ratsradar backup FILE`: a consistent copy of the live database through SQLite's online backup
 * API (better-sqlite3 `db.backup()`), safe while the server reads and a crawl writes: the copy is
 * one snapshot, never half an import (each import batch is one transaction). It is written to FILE.partial and renamed when complete and
 * checked, so a backup that is interrupted never leaves a file that looks whole.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { checkDatabase } from './check';

export class BackupError extends Error {}

export interface BackupResult {
  file: string;
  bytes: number;
  pages: number;
}

/** Copies the database at `from` to `to` (which must not exist yet), then checks the copy. */
export async function backupDatabase(from: string, to: string): Promise<BackupResult> {
  if (!fs.existsSync(from)) throw new BackupError(`no database at ${from}`);
  if (fs.existsSync(to)) throw new BackupError(`${to} exists already; name a new file`);
  const dir = path.dirname(path.resolve(to));
  if (!fs.existsSync(dir)) throw new BackupError(`no folder ${dir}`);
  const partial = `${to}.partial`;
  fs.rmSync(partial, { force: true });

  const source = new Database(from, { fileMustExist: true });
  let pages = 0;
  try {
    source.pragma('busy_timeout = 5000');
    try {
      source.prepare('SELECT COUNT(*) FROM sqlite_master').get();
    } catch (err) {
      throw new BackupError(`${from} is not a readable SQLite database (${(err as Error).message})`);
    }
    // All pages in one step: SQLite restarts a stepwise backup whenever another connection writes, so
    // a crawl writing every moment could keep a stepwise copy from ever finishing. In WAL mode one step
    // is one read transaction: a consistent snapshot that blocks neither readers nor writers.
    const progress = await source.backup(partial, {
      progress: ({ totalPages }) => {
        pages = totalPages;
        return 0x7fffffff;
      },
    });
    pages = progress.totalPages;
  } catch (err) {
    fs.rmSync(partial, { force: true });
    if (err instanceof BackupError) throw err;
    throw new BackupError(`backup failed: ${(err as Error).message}`);
  } finally {
    source.close();
  }

  const copy = new Database(partial, { fileMustExist: true });
  let problems: string[];
  try {
    // a copy for keeping: one file, no -wal beside it
    copy.pragma('journal_mode = DELETE');
    problems = checkDatabase(copy).problems;
  } finally {
    copy.close();
  }
  if (problems.length) {
    fs.rmSync(partial, { force: true });
    throw new BackupError(`the copy failed its check: ${problems[0]}`);
  }
  fs.renameSync(partial, to);
  return { file: to, bytes: fs.statSync(to).size, pages };
}
