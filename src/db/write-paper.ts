/** Materialises a merged paper into papers, consultations, consultation_meetings and files. */
import type Database from 'better-sqlite3';
import type { PaperRecord } from '../../scrapers/records';
import { digest } from './facets';
import { indexPaper } from './search-index';
import { declareStatements } from './registry';
import { FETCH_SELECT, fetchValues, type DocumentFetch } from './write-entities';

type FileState = DocumentFetch & { url: string };

function prepare(sqlite: Database.Database) {
  return {
    find: sqlite.prepare<[number, string], { id: number; record_hash: string }>(
      'SELECT id, record_hash FROM papers WHERE source_id = ? AND entity_key = ?',
    ),
    insert: sqlite.prepare(`INSERT INTO papers (source_id, entity_key, external_id, system, system_version, url,
      reference, name, paper_type, public, status_text, originator, under_direction_of, date, related_references, files,
      text, record_hash, first_seen_at, updated_at, provenance, oparl_id)
      VALUES (@sourceId, @entityKey, @externalId, @system, @systemVersion, @url, @reference, @name, @paperType, @public,
      @statusText, @originator, @underDirectionOf, @date, @relatedReferences, @files, @text, @recordHash, @now, @now,
      @provenance, @oparlId)`),
    update: sqlite.prepare(`UPDATE papers SET external_id=@externalId, system=@system, system_version=@systemVersion,
      url=@url, reference=@reference, name=@name, paper_type=@paperType, public=@public, status_text=@statusText,
      originator=@originator, under_direction_of=@underDirectionOf, date=@date, related_references=@relatedReferences,
      files=@files, text=@text, record_hash=@recordHash, updated_at=@now, provenance=@provenance, oparl_id=@oparlId,
      derived_on=NULL WHERE id=@id`),
    deleteStations: sqlite.prepare('DELETE FROM consultations WHERE paper_id = ?'),
    insertStation: sqlite.prepare(`INSERT INTO consultations (paper_id, position, organization, organization_external_id, role, role_code,
      station_status) VALUES (?, ?, ?, ?, ?, ?, ?)`),
    insertMeeting: sqlite.prepare(`INSERT INTO consultation_meetings (consultation_id, position, date, name, meeting_external_id,
      agenda_item_external_id, result, result_code, source_id, organization) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    deleteFiles: sqlite.prepare('DELETE FROM files WHERE paper_id = ? AND entity_key IS NULL'),
    insertFile: sqlite.prepare(`INSERT INTO files (source_id, paper_id, position, name, url, content_hash, fetch_state, fetch_error,
      fetch_attempts, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    /** what the crawler knows of a paper's documents: kept when the paper's files are written again */
    fileStates: sqlite.prepare<[number], FileState>(`SELECT url, ${FETCH_SELECT}
      FROM files WHERE paper_id = ? AND entity_key IS NULL AND url IS NOT NULL AND fetch_state IS NOT NULL`),
  };
}

// raw SQL: the import's write path, a statement per paper row (bench: import ≥ 50 % of the raw insert rate)
const stmts = declareStatements('write-paper', prepare);

/**
 * The rows that hang off the papers a batch wrote: their stations, meeting rows, files and search entries.
 * They are written after all paper rows, table by table (every station, then every meeting row, …): one
 * table's pages stay hot while it is written, where paper by paper every insert found the pages
 * of the other tables cold again (measured: a batch's paper rows and their children in half the time). The rows
 * and their ids come out as paper by paper: papers in the order they were added, each one's rows in order.
 */
export class PaperChildren {
  private readonly papers: { id: number; paper: PaperRecord; fresh: boolean }[] = [];

  /** `fresh`: the paper row is new, so it has no rows of these yet. */
  add(id: number, paper: PaperRecord, fresh: boolean): void {
    this.papers.push({ id, paper, fresh });
  }

  write(sqlite: Database.Database, sourceId: number): void {
    const s = stmts(sqlite);
    const kept = new Map<string, FileState>();
    for (const { id, fresh } of this.papers) {
      if (fresh) continue;
      for (const f of s.fileStates.all(id)) kept.set(`${id}\u0000${f.url}`, f);
      s.deleteStations.run(id);
      s.deleteFiles.run(id);
    }
    const stations: { id: number; station: PaperRecord['consultation'][number] }[] = [];
    for (const { id, paper } of this.papers) {
      (paper.consultation ?? []).forEach((c, i) => {
        const row = s.insertStation.run(id, i, c.organization, c.organizationSourceId ?? null, c.role, c.roleCode, c.stationStatus);
        stations.push({ id: Number(row.lastInsertRowid), station: c });
      });
    }
    for (const { id, station: c } of stations) {
      c.meetings.forEach((m, j) => {
        s.insertMeeting.run(id, j, m.date, m.name, m.meetingSourceId, m.agendaItemSourceId, m.result, m.resultCode, sourceId, c.organization);
      });
    }
    for (const { id, paper } of this.papers) {
      (paper.files ?? []).forEach((f, i) => {
        s.insertFile.run(sourceId, id, i, f.name, f.url, ...fetchValues(f.url ? kept.get(`${id}\u0000${f.url}`) : undefined));
      });
    }
    for (const { id, paper, fresh } of this.papers) indexPaper(sqlite, id, paper.reference, paper.name, fresh, paper.text);
    this.papers.length = 0;
  }
}

/** Parameters of the paper statements that are not what the paper says: where its row is, when, the hash itself. */
const NOT_CONTENT = new Set(['sourceId', 'entityKey', 'now', 'recordHash']);

/**
 * The hash of what a paper row says: its columns (but its place and times) and its Beratungsfolge
 * (files are a column too); the same in every database the paper is imported into.
 */
function rowHash(params: Record<string, unknown>, consultation: PaperRecord['consultation'] | undefined): string {
  let text = JSON.stringify(consultation ?? []);
  for (const k in params) if (!NOT_CONTENT.has(k)) text += `\u0000${params[k] ?? '\u0001'}`;
  return digest(text);
}

export interface StoredPaper {
  id: number;
  record_hash: string;
}

/**
 * Writes the merged paper's row; returns its id and whether the stored row changed. Its stations, meeting
 * rows, files and search entry go to `children` (written with the batch's others: PaperChildren.write).
 * `stored` is its row as the caller found it (null: there is none), else it is looked up. The row's hash
 * is that of the record (its columns, its Beratungsfolge as the source gives it, and files): when it is the
 * stored one, nothing is written. `stations`: the Beratungsfolge as its rows name it (station-names.ts
 * namedStations), when that differs from the record's.
 */
export function writePaper(
  sqlite: Database.Database,
  sourceId: number,
  key: string,
  p: PaperRecord,
  provenance: Record<string, string>,
  oparlId: string | null,
  now: string,
  children: PaperChildren,
  stored?: StoredPaper | null,
  stations: PaperRecord['consultation'] = p.consultation,
): { id: number; changed: boolean } {
  const s = stmts(sqlite);
  const params = {
    sourceId,
    entityKey: key,
    externalId: p.sourceId,
    system: p.system,
    systemVersion: p.systemVersion,
    url: p.url,
    reference: p.reference,
    name: p.name,
    paperType: p.paperType,
    public: p.public === null || p.public === undefined ? null : p.public ? 1 : 0,
    statusText: p.statusText,
    originator: JSON.stringify(p.originator ?? []),
    underDirectionOf: JSON.stringify(p.underDirectionOf ?? []),
    date: p.date,
    relatedReferences: JSON.stringify(p.relatedReferences ?? []),
    files: JSON.stringify(p.files ?? []),
    text: JSON.stringify(p.text ?? []),
    recordHash: '',
    provenance: JSON.stringify(provenance),
    oparlId,
    now,
  };
  params.recordHash = rowHash(params, p.consultation);
  const existing = stored === undefined ? s.find.get(sourceId, key) : stored;
  if (existing && existing.record_hash === params.recordHash) return { id: existing.id, changed: false };
  let id: number;
  if (existing) {
    s.update.run({ ...params, id: existing.id });
    id = existing.id;
  } else {
    id = Number(s.insert.run(params).lastInsertRowid);
  }
  children.add(id, stations === p.consultation ? p : { ...p, consultation: stations }, !existing);
  return { id, changed: true };
}
