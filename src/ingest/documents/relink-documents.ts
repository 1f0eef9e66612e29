/**
 * `ratsradar reparse` (pages): the documents the store holds are linked again to the rows (a motion's files, a meeting's) that name
 * their URL (newest answer per URL), so a database rebuilt from the store knows its documents; those not
 * read in this database yet are counted, for `reparse --documents` to read.
 */
import type Database from 'better-sqlite3';
import { markFiles } from '../../db/documents';
import { stmt } from '../../db/registry';
import { hasBody, type StoredFetch } from '../store/page-store';

export function relinkStoredDocuments(sqlite: Database.Database, storeDir: string, log: StoredFetch[]): { linked: number; unread: number } {
  const newest = new Map<string, StoredFetch>();
  for (const e of log) if (e.kind === 'document' && e.status === 200) newest.set(`${e.source}\u0000${e.url}`, e);
  let linked = 0;
  const unread = new Set<string>();
  sqlite.transaction(() => {
    for (const e of newest.values()) {
      const sourceId = stmt(sqlite, 'SELECT id FROM sources WHERE key = ?').pluck().get(e.source) as number | undefined;
      if (sourceId === undefined || !hasBody(storeDir, e.sha256)) continue;
      const rows = stmt(sqlite, `SELECT (SELECT COUNT(*) FROM files WHERE source_id = @source AND url = @url AND content_hash IS NOT @hash)
        + (SELECT COUNT(*) FROM meeting_files WHERE source_id = @source AND url = @url AND content_hash IS NOT @hash)`).pluck().get({ source: sourceId, url: e.url, hash: e.sha256 }) as number;
      if (rows === 0) continue;
      linked += markFiles(sqlite, sourceId, e.url, { state: 'fetched', hash: e.sha256, at: e.fetchedAt, attempt: false });
      if (!stmt(sqlite, 'SELECT 1 FROM documents WHERE hash = ?').get(e.sha256)) unread.add(e.sha256);
    }
  }).immediate();
  return { linked, unread: unread.size };
}
