/**
 * `ratsradar check`, identity part: one motion is one row. Two papers of one source with one reference
 * are one motion stored twice (a page read without its id beside the same paper known by its id);
 * the import joins them (record-facets.ts ownPaperKey, import-batch.ts adoptReferencePlaceholder), so
 * finding any means an older database or a bug. Reads only.
 */
import type Database from 'better-sqlite3';
import { stmt } from './registry';

interface Duplicate {
  source: string;
  reference: string;
  rows: number;
  keys: string;
}

export function duplicateReferenceProblems(sqlite: Database.Database): string[] {
  const rows = stmt(sqlite, `SELECT s.key AS source, p.reference AS reference, COUNT(*) AS rows, group_concat(p.entity_key, ', ') AS keys
    FROM papers p JOIN sources s ON s.id = p.source_id WHERE p.reference IS NOT NULL
    GROUP BY p.source_id, p.reference HAVING COUNT(*) > 1 ORDER BY s.key, p.reference`).all() as Duplicate[];
  const out = rows.slice(0, 50).map((d) => `papers: ${d.rows} rows of source ${d.source} have the reference ${d.reference} (keys ${d.keys}): one motion stored twice`);
  if (rows.length > 50) out.push(`papers: … and ${rows.length - 50} more references stored more than once`);
  return out;
}
