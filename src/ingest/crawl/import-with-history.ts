/**
 * Imports records through src/db/import.ts importRecords (the path `ratsradar import` takes) and keeps
 * the change log: a paper whose own page comes again is snapshot before and after, and what changed is
 * written to paper_changes with the time it was seen.
 */
import type Database from 'better-sqlite3';
import type { RisRecord } from '../../../scrapers/records';
import { importRecords, type ImportResult, type SourceSpec } from '../../db/import';
import { paperKey } from '../../db/identity';
import { diffPaperSnapshots, recordPaperChanges, snapshotPaper, type PaperSnapshot } from '../../db/history';
import type { RawRow } from '../../db/raw-rows';
import { stmt } from '../../db/registry';
import type { sources } from '../../db/schema';

/**
 * The papers whose own page (or OParl object) a record is: [identity, facet]. Only these are compared:
 * a paper that gets its own page after being known from agendas, or an HTML page that fills in an
 * OParl paper, is ratsradar learning more, not the paper changing.
 */
function ownPapers(r: RisRecord, out: Map<string, string>): void {
  if (r.type === 'Paper') {
    const key = paperKey(r);
    if (key) out.set(key, r.system);
  } else if (r.type === 'List' && r.items.every((i) => i.system === 'oparl')) {
    for (const item of r.items) ownPapers(item, out);
  }
}

export interface ImportWithHistoryResult extends ImportResult {
  /** change-log rows written */
  changes: number;
}

export function importWithHistory(
  sqlite: Database.Database,
  source: SourceSpec,
  records: RisRecord[],
  now: string,
  runId: number | null,
): ImportWithHistoryResult {
  const keys = new Map<string, string>();
  for (const r of records) ownPapers(r, keys);
  const sourceRow = stmt<[string], Pick<RawRow<typeof sources>, 'id'>>(sqlite, 'SELECT id FROM sources WHERE key = ?').get(source.key);
  const findPaper = stmt<[number, string], { id: number }>(sqlite, 'SELECT id FROM papers WHERE source_id = ? AND entity_key = ?');
  const before = new Map<string, { id: number; snap: PaperSnapshot }>();
  const hasFacet = stmt<[number, string, string]>(sqlite, `SELECT 1 FROM records WHERE source_id = ? AND kind = 'Paper' AND entity_key = ? AND facet = ?`);
  if (sourceRow) {
    for (const [key, facet] of keys) {
      if (!hasFacet.get(sourceRow.id, key, facet)) continue;
      const row = findPaper.get(sourceRow.id, key);
      const snap = row ? snapshotPaper(sqlite, row.id) : null;
      if (row && snap) before.set(key, { id: row.id, snap });
    }
  }
  // a crawl's `now` is the time its page was fetched (visit.ts) or, re-parsing, was fetched (reparse.ts)
  const result = importRecords(sqlite, source, records, now, { readAt: now, runId });
  let changes = 0;
  for (const [key, b] of before) {
    const row = findPaper.get(sourceRow!.id, key);
    if (!row || row.id !== b.id) continue;
    const after = snapshotPaper(sqlite, row.id);
    if (after) changes += recordPaperChanges(sqlite, row.id, diffPaperSnapshots(b.snap, after), now, runId);
  }
  return { ...result, changes };
}
