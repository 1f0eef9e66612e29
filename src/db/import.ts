/**
 * Records → database. Idempotent upsert by (source, identity) in ONE transaction per call; counts
 * inserted / updated / unchanged. A paper's identity inside its source is its sourceId (VOLFDNR or
 * OParl id), else "ref:<reference>". Hot statements are prepared once per connection (drizzle's query
 * builder costs 25–50 µs a call).
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { PaperRecord } from '../../scrapers/records';

export interface SourceSpec {
  key: string;
  name: string;
  system?: string | null;
  baseUrl?: string | null;
  isDemo?: boolean;
}

export interface ImportCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface ImportedPaper {
  id: number;
  outcome: 'inserted' | 'updated' | 'unchanged';
}

/** The identity of a paper inside its source, or null when it has neither sourceId nor reference. */
export function paperIdentity(p: PaperRecord): string | null {
  if (p.sourceId) return p.sourceId;
  if (p.reference) return `ref:${p.reference}`;
  return null;
}

/** Canonical JSON (sorted keys) so that equal records hash equally. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function recordHash(p: PaperRecord): string {
  return createHash('sha256').update(canonical(p)).digest('hex');
}

const statementCache = new WeakMap<Database.Database, ReturnType<typeof prepare>>();

function prepare(sqlite: Database.Database) {
  return {
    findSource: sqlite.prepare<[string], { id: number }>('SELECT id FROM sources WHERE key = ?'),
    insertSource: sqlite.prepare(
      'INSERT INTO sources (key, name, system, base_url, is_demo) VALUES (@key, @name, @system, @baseUrl, @isDemo)',
    ),
    findPaper: sqlite.prepare<[number, string], { id: number; record_hash: string }>(
      'SELECT id, record_hash FROM papers WHERE source_id = ? AND source_key = ?',
    ),
    insertPaper: sqlite.prepare(`INSERT INTO papers (source_id, source_key, source_record_id, system, system_version, url,
      reference, name, paper_type, public, status_text, originator, under_direction_of, date, related_references, files,
      text, record_hash, first_seen_at, updated_at)
      VALUES (@sourceDbId, @sourceKey, @sourceId, @system, @systemVersion, @url, @reference, @name, @paperType, @public,
      @statusText, @originator, @underDirectionOf, @date, @relatedReferences, @files, @text, @recordHash, @now, @now)`),
    updatePaper: sqlite.prepare(`UPDATE papers SET source_record_id=@sourceId, system=@system, system_version=@systemVersion,
      url=@url, reference=@reference, name=@name, paper_type=@paperType, public=@public, status_text=@statusText,
      originator=@originator, under_direction_of=@underDirectionOf, date=@date, related_references=@relatedReferences,
      files=@files, text=@text, record_hash=@recordHash, updated_at=@now, derived_on=NULL WHERE id=@id`),
    deleteStations: sqlite.prepare('DELETE FROM consultations WHERE paper_id = ?'),
    insertStation: sqlite.prepare(
      'INSERT INTO consultations (paper_id, position, organization, role, role_code, station_status) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    insertMeeting: sqlite.prepare(`INSERT INTO consultation_meetings (consultation_id, position, date, name, meeting_source_id,
      agenda_item_source_id, result, result_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
  };
}

function statements(sqlite: Database.Database) {
  let s = statementCache.get(sqlite);
  if (!s) statementCache.set(sqlite, (s = prepare(sqlite)));
  return s;
}

/** Finds or creates the source row and returns its id. */
export function ensureSource(sqlite: Database.Database, spec: SourceSpec): number {
  const s = statements(sqlite);
  const found = s.findSource.get(spec.key);
  if (found) return found.id;
  const info = s.insertSource.run({
    key: spec.key,
    name: spec.name,
    system: spec.system ?? null,
    baseUrl: spec.baseUrl ?? null,
    isDemo: spec.isDemo ? 1 : 0,
  });
  return Number(info.lastInsertRowid);
}

function writeStations(sqlite: Database.Database, paperId: number, p: PaperRecord): void {
  const s = statements(sqlite);
  s.deleteStations.run(paperId);
  p.consultation.forEach((c, i) => {
    const cid = Number(s.insertStation.run(paperId, i, c.organization, c.role, c.roleCode, c.stationStatus).lastInsertRowid);
    c.meetings.forEach((m, j) => {
      s.insertMeeting.run(cid, j, m.date, m.name, m.meetingSourceId, m.agendaItemSourceId, m.result, m.resultCode);
    });
  });
}

/** Upserts one paper inside the caller's transaction. Throws when the record has no identity. */
export function upsertPaper(sqlite: Database.Database, sourceDbId: number, p: PaperRecord, now: string): ImportedPaper {
  const key = paperIdentity(p);
  if (!key) throw new Error('the paper has neither a sourceId nor a reference, so it cannot be stored');
  const s = statements(sqlite);
  const hash = recordHash(p);
  const existing = s.findPaper.get(sourceDbId, key);
  if (existing && existing.record_hash === hash) return { id: existing.id, outcome: 'unchanged' };
  const params = {
    sourceDbId,
    sourceKey: key,
    sourceId: p.sourceId,
    system: p.system,
    systemVersion: p.systemVersion,
    url: p.url,
    reference: p.reference,
    name: p.name,
    paperType: p.paperType,
    public: p.public === null ? null : p.public ? 1 : 0,
    statusText: p.statusText,
    originator: JSON.stringify(p.originator),
    underDirectionOf: JSON.stringify(p.underDirectionOf),
    date: p.date,
    relatedReferences: JSON.stringify(p.relatedReferences),
    files: JSON.stringify(p.files),
    text: JSON.stringify(p.text),
    recordHash: hash,
    now,
  };
  if (existing) {
    s.updatePaper.run({ ...params, id: existing.id });
    writeStations(sqlite, existing.id, p);
    return { id: existing.id, outcome: 'updated' };
  }
  const id = Number(s.insertPaper.run(params).lastInsertRowid);
  writeStations(sqlite, id, p);
  return { id, outcome: 'inserted' };
}

/** Imports papers of one source in one transaction and returns the counts and the ids touched. */
export function importPapers(
  sqlite: Database.Database,
  source: SourceSpec,
  records: PaperRecord[],
  now: string,
): ImportCounts & { papers: ImportedPaper[] } {
  const run = sqlite.transaction(() => {
    const sourceDbId = ensureSource(sqlite, source);
    const counts: ImportCounts = { inserted: 0, updated: 0, unchanged: 0 };
    const out: ImportedPaper[] = [];
    for (const r of records) {
      const res = upsertPaper(sqlite, sourceDbId, r, now);
      counts[res.outcome]++;
      out.push(res);
    }
    return { ...counts, papers: out };
  });
  return run();
}
