/** The page store's index in the database (table `pages`): the newest answer per URL of a source. */
import type Database from 'better-sqlite3';
import { stmt } from '../../db/registry';

export interface IndexedPage {
  url: string;
  contentHash: string;
  etag: string | null;
  lastModified: string | null;
  fetchedAt: string;
  kind: string | null;
}

export type PageChange = 'new' | 'changed' | 'unchanged';

export function findPage(sqlite: Database.Database, sourceId: number, url: string): IndexedPage | null {
  return (stmt(sqlite, `SELECT url, content_hash AS contentHash, etag, last_modified AS lastModified, fetched_at AS fetchedAt, kind
      FROM pages WHERE source_id = ? AND url = ?`)
    .get(sourceId, url) as IndexedPage | undefined) ?? null;
}

export interface PageWrite {
  url: string;
  finalUrl: string;
  status: number;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
  contentHash: string;
  size: number;
  kind: string | null;
  fetchedAt: string;
}

/** Records an answer; says whether the URL is new, or its body changed. */
export function indexPage(sqlite: Database.Database, sourceId: number, p: PageWrite): PageChange {
  const prev = findPage(sqlite, sourceId, p.url);
  const change: PageChange = !prev ? 'new' : prev.contentHash === p.contentHash ? 'unchanged' : 'changed';
  stmt(sqlite, `INSERT INTO pages (source_id, url, final_url, status, content_type, etag, last_modified, content_hash, size, kind, fetched_at, changed_at)
      VALUES (@sourceId, @url, @finalUrl, @status, @contentType, @etag, @lastModified, @contentHash, @size, @kind, @fetchedAt, @fetchedAt)
      ON CONFLICT(source_id, url) DO UPDATE SET final_url = excluded.final_url, status = excluded.status, content_type = excluded.content_type,
        etag = excluded.etag, last_modified = excluded.last_modified, content_hash = excluded.content_hash, size = excluded.size,
        kind = excluded.kind, fetched_at = excluded.fetched_at,
        changed_at = CASE WHEN pages.content_hash = excluded.content_hash THEN pages.changed_at ELSE excluded.fetched_at END`)
    .run({ ...p, sourceId });
  return change;
}

/** A 304: the stored answer is still current. */
export function touchPage(sqlite: Database.Database, sourceId: number, url: string, fetchedAt: string): void {
  stmt(sqlite, 'UPDATE pages SET fetched_at = ? WHERE source_id = ? AND url = ?').run(fetchedAt, sourceId, url);
}
