/**
 * Records → database, for every record kind of CONTRACTS.md. Each record is stored as a facet of its
 * entity (schema.ts `records`), the entity rows are re-merged from their facets, and links are made
 * (link.ts) — all in ONE transaction per call, idempotent, with counts per entity kind.
 * Hot statements are prepared once per connection (drizzle's query builder costs 25–50 µs a call).
 */
import type Database from 'better-sqlite3';
import type {
  AgendaItemEntry, AgendaItemRecord, FileRecord, MeetingListRecord, MeetingRecord, OrganizationRecord, PaperRecord,
  PersonRecord, RisRecord,
} from '../../scrapers/records';
import type { ResultCode } from '../../scrapers/shared/codes';
import { loadFacets, saveFacet, type Outcome } from './facets';
import { agendaEntryKey, meetingKey, oparlNumber, organizationKey, paperKey } from './identity';
import { relink } from './link';
import { unindexPaper } from './search-index';
import { mergeFacets, mergePaperFacets } from './merge';
import { writePaper } from './write-paper';
import { writeAgendaItem, writeFile, writeMeeting, writeOrganization, writePerson, type MergedAgendaItem } from './write-entities';

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

export const ENTITY_KINDS = ['Paper', 'Meeting', 'AgendaItem', 'Organization', 'Person', 'File', 'Other'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export interface ImportedPaper {
  id: number;
  outcome: Outcome;
}

export interface ImportResult extends ImportCounts {
  /** counts per entity kind: an entity counts once per call, with its strongest outcome */
  byKind: Record<EntityKind, ImportCounts>;
  papers: ImportedPaper[];
}

/** The identity of a paper inside its source, or null when it has neither an id nor a reference. */
export const paperIdentity = paperKey;

const sourceStatements = new WeakMap<Database.Database, { find: Database.Statement<[string], { id: number }>; insert: Database.Statement }>();

/** Finds or creates the source row and returns its id. */
export function ensureSource(sqlite: Database.Database, spec: SourceSpec): number {
  let s = sourceStatements.get(sqlite);
  if (!s) {
    s = {
      find: sqlite.prepare<[string], { id: number }>('SELECT id FROM sources WHERE key = ?'),
      insert: sqlite.prepare('INSERT INTO sources (key, name, system, base_url, is_demo) VALUES (@key, @name, @system, @baseUrl, @isDemo)'),
    };
    sourceStatements.set(sqlite, s);
  }
  const found = s.find.get(spec.key);
  if (found) return found.id;
  return Number(
    s.insert.run({ key: spec.key, name: spec.name, system: spec.system ?? null, baseUrl: spec.baseUrl ?? null, isDemo: spec.isDemo ? 1 : 0 })
      .lastInsertRowid,
  );
}

const STRENGTH: Record<Outcome, number> = { unchanged: 0, updated: 1, inserted: 2 };

class Batch {
  readonly touched = new Map<string, { kind: EntityKind; key: string; outcome: Outcome }>();
  readonly papers: { key: string; outcome: Outcome }[] = [];
  /** reference → entity key of the papers saved in this batch (the papers table is written later) */
  readonly paperByReference = new Map<string, string>();
  constructor(
    readonly sqlite: Database.Database,
    readonly sourceDbId: number,
    readonly now: string,
  ) {}

  save(kind: EntityKind, key: string, facet: string, record: unknown): Outcome {
    const outcome = saveFacet(this.sqlite, this.sourceDbId, kind, key, facet, record, this.now);
    const id = `${kind}\u0000${key}`;
    const prev = this.touched.get(id);
    if (!prev || STRENGTH[outcome] > STRENGTH[prev.outcome]) this.touched.set(id, { kind, key, outcome });
    return outcome;
  }
}

function requireKey(key: string | null, what: string): string {
  if (!key) throw new Error(`the ${what} has neither a sourceId nor a reference, so it cannot be stored`);
  return key;
}

const paperStatements = new WeakMap<Database.Database, ReturnType<typeof preparePaperStatements>>();

function preparePaperStatements(sqlite: Database.Database) {
  return {
    byReference: sqlite.prepare<[number, string], { key: string }>(
      'SELECT source_key AS key FROM papers WHERE source_id = ? AND reference = ? ORDER BY (source_key LIKE \'ref:%\'), id LIMIT 1',
    ),
    hasFacets: sqlite.prepare<[number, string], { n: number }>("SELECT COUNT(*) AS n FROM records WHERE source_id = ? AND kind = 'Paper' AND entity_key = ?"),
    rekey: sqlite.prepare("UPDATE records SET entity_key = ? WHERE source_id = ? AND kind = 'Paper' AND entity_key = ?"),
    dropPaper: sqlite.prepare<[number, string], { id: number }>('DELETE FROM papers WHERE source_id = ? AND source_key = ? RETURNING id'),
  };
}

function paperStmts(sqlite: Database.Database) {
  let s = paperStatements.get(sqlite);
  if (!s) paperStatements.set(sqlite, (s = preparePaperStatements(sqlite)));
  return s;
}

/** The key of a paper already known by its reference (in this batch or stored), for agenda rows without a VOLFDNR. */
function keyByReference(b: Batch, reference: string): string | null {
  return b.paperByReference.get(reference) ?? paperStmts(b.sqlite).byReference.get(b.sourceDbId, reference)?.key ?? null;
}

/**
 * A paper known so far only by its reference ("ref:<reference>", from an agenda row) that now arrives
 * with its own id: its facets move to the id, and the placeholder row goes.
 */
function adoptReferencePlaceholder(b: Batch, key: string, reference: string | null): void {
  if (!reference || key.startsWith('ref:')) return;
  const placeholder = `ref:${reference}`;
  const s = paperStmts(b.sqlite);
  if (s.hasFacets.get(b.sourceDbId, placeholder)!.n === 0) return;
  s.rekey.run(key, b.sourceDbId, placeholder);
  const dropped = s.dropPaper.get(b.sourceDbId, placeholder);
  if (dropped) unindexPaper(b.sqlite, dropped.id);
  b.touched.delete(`Paper\u0000${placeholder}`);
}

function addPaper(b: Batch, p: PaperRecord, fromList: boolean): void {
  const key = requireKey(paperKey(p), 'paper');
  adoptReferencePlaceholder(b, key, p.reference);
  if (p.reference && !key.startsWith('ref:')) b.paperByReference.set(p.reference, key);
  const outcome = b.save('Paper', key, fromList && p.system !== 'oparl' ? 'list' : p.system, p);
  if (!fromList) b.papers.push({ key, outcome });
}

/**
 * A paper named by an agenda item is known to exist even before (or without) its own page: it is
 * stored as an 'agenda:<item>' facet with what the agenda says, and the meeting row it was dealt in.
 * Such facets rank below every real one; merge.ts rebuilds a Beratungsfolge from them only for a
 * paper that has none of its own.
 */
function addAgendaAppearance(b: Batch, itemKey: string, a: AgendaAppearance): void {
  if (!a.paperSourceId && !a.paperReference) return;
  const paper: PaperRecord = {
    type: 'Paper', format: 1, system: a.system, systemVersion: a.systemVersion, sourceId: a.paperSourceId, url: null,
    reference: a.paperReference, name: a.name, paperType: null, public: null, statusText: null, originator: [],
    underDirectionOf: [], date: null, relatedReferences: [],
    consultation: [{
      organization: a.organization, role: null, roleCode: null, stationStatus: null,
      meetings: [{ date: a.date, name: a.meetingName, meetingSourceId: a.meetingSourceId, agendaItemSourceId: a.sourceId, result: a.result, resultCode: a.resultCode }],
    }],
    files: [], text: [],
  };
  const key = a.paperSourceId ? paperKey(paper) : (keyByReference(b, a.paperReference!) ?? paperKey(paper));
  if (key) b.save('Paper', key, `agenda:${itemKey}`, paper);
}

interface AgendaAppearance {
  system: PaperRecord['system'];
  systemVersion: string | null;
  sourceId: string | null;
  paperSourceId: string | null;
  paperReference: string | null;
  name: string | null;
  organization: string | null;
  date: string | null;
  meetingName: string | null;
  meetingSourceId: string | null;
  result: string | null;
  resultCode: ResultCode;
}

function addMeeting(b: Batch, m: MeetingRecord): void {
  const key = requireKey(meetingKey(m), 'meeting');
  b.save('Meeting', key, m.system, { ...m, agendaItem: undefined });
  m.agendaItem.forEach((entry: AgendaItemEntry, position) => {
    const itemKey = agendaEntryKey(m.system, entry.sourceId, key, position);
    const merged: MergedAgendaItem = {
      ...entry, system: m.system, position, meetingSourceId: m.sourceId ?? key, meetingName: m.name,
      organization: m.organization, date: m.date,
    };
    b.save('AgendaItem', itemKey, 'entry', merged);
    addAgendaAppearance(b, itemKey, {
      ...entry, system: m.system, systemVersion: m.systemVersion, organization: m.organization, date: m.date,
      meetingName: m.name, meetingSourceId: m.sourceId,
    });
  });
}

function addAgendaItem(b: Batch, a: AgendaItemRecord): void {
  const key = a.sourceId
    ? agendaEntryKey(a.system, a.sourceId, '', 0)
    : `${requireKey(a.meetingSourceId, 'agenda item')}#${a.number ?? ''}`;
  b.save('AgendaItem', key, a.system, a);
  addAgendaAppearance(b, key, a);
}

function addMeetingList(b: Batch, l: MeetingListRecord): void {
  for (const e of l.meetings) {
    const key = meetingKey({ system: l.system, sourceId: e.sourceId, date: e.date, start: e.start, name: e.name });
    if (key) b.save('Meeting', key, 'calendar', { ...e, system: l.system });
  }
}

function addOrganization(b: Batch, o: OrganizationRecord, fromList: boolean): void {
  const key = requireKey(organizationKey(o), 'organization');
  b.save('Organization', key, fromList && o.system !== 'oparl' ? 'list' : o.system, o);
}

function addRecord(b: Batch, r: RisRecord, fromList = false): void {
  switch (r.type) {
    case 'Paper': return addPaper(b, r, fromList);
    case 'Meeting': return addMeeting(b, r);
    case 'AgendaItem': return addAgendaItem(b, r);
    case 'MeetingList': return addMeetingList(b, r);
    case 'Organization': return addOrganization(b, r, fromList);
    case 'List':
      for (const item of r.items) addRecord(b, item, true);
      return;
    case 'Person': {
      const p = r as PersonRecord;
      if (p.name) b.save('Person', requireKey(oparlNumber(p.sourceId) ?? p.sourceId ?? p.name, 'person'), p.system, p);
      return;
    }
    case 'File': {
      const f = r as FileRecord;
      b.save('File', requireKey(oparlNumber(f.sourceId) ?? f.sourceId ?? f.accessUrl, 'file'), f.system, f);
      return;
    }
    default:
      // System and Body records: kept as they are (crawl planning reads them), no entity table.
      b.save('Other', `${r.type}:${r.sourceId ?? r.url ?? 'start'}`, r.system, r);
  }
}

function oparlIdOf(facets: { facet: string; record: { sourceId?: string | null } }[]): string | null {
  return facets.find((f) => f.facet === 'oparl')?.record.sourceId ?? null;
}

/** Re-merges one touched entity from all its facets and writes its row; returns the row id where there is one. */
function materialise(b: Batch, kind: EntityKind, key: string): number | null {
  const { sqlite, sourceDbId, now } = b;
  if (kind === 'Other') return null;
  const facets = loadFacets<Record<string, unknown>>(sqlite, sourceDbId, kind, key);
  const { merged, provenance } = kind === 'Paper' ? mergePaperFacets(facets) : mergeFacets(kind, facets);
  const oparlId = oparlIdOf(facets as never);
  switch (kind) {
    case 'Paper': return writePaper(sqlite, sourceDbId, key, merged as unknown as PaperRecord, provenance, oparlId, now).id;
    case 'Meeting': return writeMeeting(sqlite, sourceDbId, key, merged as Partial<MeetingRecord>, provenance, oparlId, now);
    case 'AgendaItem': return writeAgendaItem(sqlite, sourceDbId, key, merged as MergedAgendaItem, provenance, now);
    case 'Organization': return writeOrganization(sqlite, sourceDbId, key, merged as Partial<OrganizationRecord>, provenance, oparlId, now);
    case 'Person': return merged.name ? writePerson(sqlite, sourceDbId, String(merged.name), null) : null;
    case 'File': writeFile(sqlite, sourceDbId, key, merged as unknown as FileRecord); return null;
  }
  return null;
}

function emptyCounts(): Record<EntityKind, ImportCounts> {
  return Object.fromEntries(ENTITY_KINDS.map((k) => [k, { inserted: 0, updated: 0, unchanged: 0 }])) as Record<EntityKind, ImportCounts>;
}

/** Imports records of one source in one transaction. Throws (and writes nothing) when a record cannot be stored. */
export function importRecords(sqlite: Database.Database, source: SourceSpec, records: RisRecord[], now: string): ImportResult {
  const run = sqlite.transaction((): ImportResult => {
    const sourceDbId = ensureSource(sqlite, source);
    const b = new Batch(sqlite, sourceDbId, now);
    for (const r of records) addRecord(b, r);
    const ids = new Map<string, number | null>();
    const byKind = emptyCounts();
    for (const [id, t] of b.touched) {
      byKind[t.kind][t.outcome]++;
      ids.set(id, t.outcome === 'unchanged' ? null : materialise(b, t.kind, t.key));
    }
    relink(sqlite, sourceDbId);
    const paperIds = sqlite.prepare<[number, string], { id: number }>('SELECT id FROM papers WHERE source_id = ? AND source_key = ?');
    const papers = b.papers.map((p) => ({ id: paperIds.get(sourceDbId, p.key)!.id, outcome: p.outcome }));
    const total = Object.values(byKind).reduce(
      (acc, c) => ({ inserted: acc.inserted + c.inserted, updated: acc.updated + c.updated, unchanged: acc.unchanged + c.unchanged }),
      { inserted: 0, updated: 0, unchanged: 0 },
    );
    return { ...total, byKind, papers };
  });
  // IMMEDIATE: take the write lock before the first read, so a concurrent writer (the server deriving states,
  // another import) makes this wait (busy_timeout) instead of failing with SQLITE_BUSY on its first write
  return run.immediate();
}

/** Imports papers of one source in one transaction (the paper counts of importRecords). */
export function importPapers(sqlite: Database.Database, source: SourceSpec, records: PaperRecord[], now: string): ImportCounts & { papers: ImportedPaper[] } {
  const res = importRecords(sqlite, source, records, now);
  return { ...res.byKind.Paper, papers: res.papers };
}
