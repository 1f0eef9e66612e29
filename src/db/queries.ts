/**
 * One paper as the motion page, its JSON, feed and calendar show it: the stored row → its record (the
 * Beratungsfolge read as every reader reads it, queries-progress.ts), with the source it belongs to.
 */
import type Database from 'better-sqlite3';
import type { PaperRecord } from '../../scrapers/records';
import type { DatedPaper } from '../domain/data-age';
import type { Paper } from '../domain/paper';
import { loadStations, sequenceSql, toSequence } from './queries-progress';
import type { RawRow } from './raw-rows';
import { declareStatements } from './registry';
import type { papers } from './schema';

export interface PaperMeta {
  id: number;
  sourceKey: string;
  sourceName: string;
  isDemo: boolean;
  firstSeenAt: string;
  updatedAt: string;
  /** when its data was last read from the RIS (papers.data_as_of), null when not known */
  dataAsOf: string | null;
}

export interface StoredPaper {
  meta: PaperMeta;
  /** the record, with `dataAsOf` where it is known (progress() counts durations up to it) and where its Beratungsfolge is known from (`sequence`) */
  record: PaperRecord & DatedPaper & Pick<Paper, 'sequence'>;
}

/** `SELECT p.*` with the source's key, name and demo flag. */
type PaperDbRow = RawRow<typeof papers> & { source_key: string; source_name: string; is_demo: number; sequence: string | null };

function prepare(sqlite: Database.Database) {
  return {
    paper: sqlite.prepare<[number], PaperDbRow>(`SELECT p.*, s.key AS source_key, s.name AS source_name, s.is_demo, ${sequenceSql('p')} AS sequence
      FROM papers p JOIN sources s ON s.id = p.source_id WHERE p.id = ?`),
    count: sqlite.prepare<[], number>('SELECT COUNT(*) FROM papers').pluck(),
  };
}

// raw SQL: the motion page's paper read (bench: fresh render p50)
const stmts = declareStatements('queries', prepare);

/** Loads one paper with its Beratungsfolge as a record, or null. */
export function loadPaper(sqlite: Database.Database, id: number): StoredPaper | null {
  const s = stmts(sqlite);
  const r = s.paper.get(id);
  if (!r) return null;
  const record: PaperRecord & DatedPaper & Pick<Paper, 'sequence'> = {
    type: 'Paper',
    format: 1,
    system: r.system as PaperRecord['system'],
    systemVersion: r.system_version,
    sourceId: r.external_id,
    url: r.url,
    reference: r.reference,
    name: r.name,
    paperType: r.paper_type,
    public: r.public === null ? null : r.public === 1,
    statusText: r.status_text,
    originator: JSON.parse(r.originator),
    underDirectionOf: JSON.parse(r.under_direction_of),
    date: r.date,
    relatedReferences: JSON.parse(r.related_references),
    consultation: loadStations(sqlite, id),
    files: JSON.parse(r.files),
    text: JSON.parse(r.text),
  };
  if (r.data_as_of != null) record.dataAsOf = r.data_as_of;
  const sequence = toSequence(r.sequence);
  if (sequence) record.sequence = sequence;
  return {
    meta: {
      id: r.id,
      sourceKey: r.source_key,
      sourceName: r.source_name,
      isDemo: r.is_demo === 1,
      firstSeenAt: r.first_seen_at,
      updatedAt: r.updated_at,
      dataAsOf: r.data_as_of,
    },
    record,
  };
}

/** How many motions the database holds (the CLI loads the demo into an empty one). */
export function paperCount(sqlite: Database.Database): number {
  return stmts(sqlite).count.get()!;
}
