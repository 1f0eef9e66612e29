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
import { isPlainJson, loadFacets, saveFacet, type Outcome } from './facets';
import { agendaEntryKey, meetingKey, oparlNumber, organizationKey, paperKey } from './identity';
import { LinkChanges, relinkChanges } from './link';
import { unindexPaper } from './search-index';
import { facetChangesNothing, mergeFacets, mergePaperFacets, type Facet } from './merge';
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

/** An entity touched by a batch. */
interface Touched {
  kind: EntityKind;
  key: string;
  outcome: Outcome;
  /** it had facets stored before this batch; else all its facets are in `fresh` */
  stored: boolean;
  /** the facets saved in this batch, of an entity that had none stored (only these are kept: memory) */
  fresh?: Map<string, unknown>;
  /**
   * papers: true while only agenda appearances changed, none of which can change the stored row (see
   * merge.ts facetChangesNothing), so it need not be merged again; false once one can
   */
  unchangedRow?: boolean;
}

class Batch {
  readonly touched = new Map<string, Touched>();
  readonly papers: { key: string; outcome: Outcome }[] = [];
  /** reference → entity key of the papers saved in this batch (the papers table is written later) */
  readonly paperByReference = new Map<string, string>();
  /** what the writes of this batch can have made linkable (link.ts relinkChanges) */
  readonly links = new LinkChanges();
  /** "<key>\0<facet>" → when (a count) a paper facet was last saved in this batch: the later is the newer (adoptReferencePlaceholder) */
  readonly paperFacetSeen = new Map<string, number>();
  private saves = 0;
  constructor(
    readonly sqlite: Database.Database,
    readonly sourceDbId: number,
    readonly now: string,
  ) {}

  save(kind: EntityKind, key: string, facet: string, record: unknown): Outcome {
    const { outcome, existed } = saveFacet(this.sqlite, this.sourceDbId, kind, key, facet, record, this.now);
    if (kind === 'Paper') this.paperFacetSeen.set(`${key}\u0000${facet}`, ++this.saves);
    const id = `${kind}\u0000${key}`;
    let t = this.touched.get(id);
    if (!t) this.touched.set(id, (t = { kind, key, outcome, stored: existed }));
    else if (STRENGTH[outcome] > STRENGTH[t.outcome]) t.outcome = outcome;
    if (outcome === 'unchanged') return outcome;
    if (!t.stored) (t.fresh ??= new Map()).set(facet, record);
    if (kind === 'Paper' && t.unchangedRow !== false) {
      t.unchangedRow = facet.startsWith('agenda:') && this.agendaChangesNothing(t, facet, record as object);
    }
    return outcome;
  }

  /** the provenance of the stored paper rows asked for in this batch (they are written after all facets are saved) */
  private readonly provenance = new Map<string, Record<string, string> | null>();

  /**
   * Whether an agenda appearance leaves a stored paper's row as it is: its own page (or OParl object)
   * gives every field the appearance has a value for. Decided as it is saved, so that it is not kept.
   */
  private agendaChangesNothing(t: Touched, facet: string, record: object): boolean {
    if (!t.stored) return false;
    let provenance = this.provenance.get(t.key);
    if (provenance === undefined) {
      const row = paperStmts(this.sqlite).paperBefore.get(this.sourceDbId, t.key);
      provenance = row?.provenance ? (JSON.parse(row.provenance) as Record<string, string>) : null;
      this.provenance.set(t.key, provenance);
    }
    return provenance !== null && facetChangesNothing('Paper', provenance, { facet, record });
  }
}

function requireKey(key: string | null, what: string): string {
  if (!key) throw new Error(`the ${what} has neither a sourceId nor a reference, so it cannot be stored`);
  return key;
}

interface StoredFacet {
  id: number;
  facet: string;
  firstSeen: string;
  updated: string;
}

const paperStatements = new WeakMap<Database.Database, ReturnType<typeof preparePaperStatements>>();

function preparePaperStatements(sqlite: Database.Database) {
  return {
    byReference: sqlite.prepare<[number, string], { key: string }>(
      'SELECT source_key AS key FROM papers WHERE source_id = ? AND reference = ? ORDER BY (source_key LIKE \'ref:%\'), id LIMIT 1',
    ),
    facetsAt: sqlite.prepare<[number, string], StoredFacet>(
      "SELECT id, facet, first_seen_at AS firstSeen, updated_at AS updated FROM records WHERE source_id = ? AND kind = 'Paper' AND entity_key = ?",
    ),
    dropFacet: sqlite.prepare<[number]>('DELETE FROM records WHERE id = ?'),
    firstSeen: sqlite.prepare<[string, number]>('UPDATE records SET first_seen_at = ? WHERE id = ?'),
    rekey: sqlite.prepare("UPDATE records SET entity_key = ? WHERE source_id = ? AND kind = 'Paper' AND entity_key = ?"),
    dropPaper: sqlite.prepare<[number]>('DELETE FROM papers WHERE id = ?'),
    paperId: sqlite.prepare<[number, string], number>('SELECT id FROM papers WHERE source_id = ? AND source_key = ?').pluck(),
    itemsOfPaper: sqlite.prepare<[number], { id: number; meeting_id: number | null }>('SELECT id, meeting_id FROM agenda_items WHERE paper_id = ?'),
    paperBefore: sqlite.prepare<[number, string], { id: number; reference: string | null; provenance: string | null; record_hash: string }>(
      'SELECT id, reference, provenance, record_hash FROM papers WHERE source_id = ? AND source_key = ?',
    ),
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
 * with its own id: its facets move to the id, and the placeholder row goes. A facet the paper has
 * already (the same agenda item, seen once with and once without the paper's id, or before and after
 * its reference changed and changed back) is kept once: the one saved last in this batch, else the one
 * updated last, else the paper's own (and it keeps the earlier first_seen_at of the two).
 */
function adoptReferencePlaceholder(b: Batch, key: string, reference: string | null): void {
  if (!reference || key.startsWith('ref:')) return;
  const placeholder = `ref:${reference}`;
  const s = paperStmts(b.sqlite);
  const moving = s.facetsAt.all(b.sourceDbId, placeholder);
  if (moving.length === 0) return;
  const own = new Map(s.facetsAt.all(b.sourceDbId, key).map((f) => [f.facet, f]));
  const seen = (k: string, facet: string) => b.paperFacetSeen.get(`${k}\u0000${facet}`) ?? 0;
  for (const f of moving) {
    const mine = own.get(f.facet);
    const when = seen(placeholder, f.facet);
    b.paperFacetSeen.delete(`${placeholder}\u0000${f.facet}`);
    if (mine) {
      const myWhen = seen(key, f.facet);
      const newer = when !== myWhen ? when > myWhen : f.updated > mine.updated;
      const [kept, dropped] = newer ? [f, mine] : [mine, f];
      s.dropFacet.run(dropped.id);
      if (dropped.firstSeen < kept.firstSeen) s.firstSeen.run(dropped.firstSeen, kept.id);
      if (!newer) continue;
    }
    if (when) b.paperFacetSeen.set(`${key}\u0000${f.facet}`, when);
  }
  s.rekey.run(key, b.sourceDbId, placeholder);
  // the paper is merged anew from all its facets (even when what is saved for it next is unchanged)
  const gone = b.touched.get(`Paper\u0000${placeholder}`);
  b.touched.delete(`Paper\u0000${placeholder}`);
  // new in this batch only when the placeholder was and the paper had no facets
  const outcome: Outcome = gone?.outcome === 'inserted' && own.size === 0 ? 'inserted' : 'updated';
  const adopter = b.touched.get(`Paper\u0000${key}`);
  if (!adopter) b.touched.set(`Paper\u0000${key}`, { kind: 'Paper', key, outcome, stored: true, unchangedRow: false });
  else {
    adopter.stored = true;
    adopter.fresh = undefined;
    adopter.unchangedRow = false;
    if (STRENGTH[outcome] > STRENGTH[adopter.outcome]) adopter.outcome = outcome;
  }
  for (const p of b.papers) if (p.key === placeholder) p.key = key;
  const row = s.paperBefore.get(b.sourceDbId, placeholder);
  if (row) {
    // its agenda items lose their paper (ON DELETE SET NULL): they are linked again (to the paper that has the reference now)
    for (const item of s.itemsOfPaper.all(row.id)) {
      b.links.items.add(item.id);
      if (item.meeting_id !== null) b.links.oldItemMeetings.add(item.meeting_id);
    }
    if (row.reference !== null) b.links.oldReferences.add(row.reference);
    s.dropPaper.run(row.id);
    unindexPaper(b.sqlite, row.id);
  }
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

/**
 * `{ ...base, ...extra }` (the same keys in the same order, so the same JSON), without object spread: V8
 * (Node 20) can give every spread copy of a record a hidden class of its own (when the record was itself
 * made by spreading), allocated in old space and slow to make — 4 µs and ~2 kB of old-space garbage per
 * agenda item, which made a large import's heap (and peak RSS) grow by hundreds of MB between full GCs.
 * Object.assign onto a new object follows the shared transitions of `{}`.
 */
function withFields<T extends object, U extends object>(base: T, extra: U): Omit<T, keyof U> & U {
  return Object.assign(Object.assign({}, base), extra) as Omit<T, keyof U> & U;
}

function addMeeting(b: Batch, m: MeetingRecord): void {
  const key = requireKey(meetingKey(m), 'meeting');
  b.save('Meeting', key, m.system, withFields(m, { agendaItem: undefined }));
  m.agendaItem.forEach((entry: AgendaItemEntry, position) => {
    const itemKey = agendaEntryKey(m.system, entry.sourceId, key, position);
    const merged: MergedAgendaItem = withFields(entry, {
      system: m.system, position, meetingSourceId: m.sourceId ?? key, meetingName: m.name,
      organization: m.organization, date: m.date,
    });
    b.save('AgendaItem', itemKey, 'entry', merged);
    // only read (what the entry says, in the meeting's context), never stored as it is
    addAgendaAppearance(b, itemKey, {
      system: m.system, systemVersion: m.systemVersion, sourceId: entry.sourceId, paperSourceId: entry.paperSourceId,
      paperReference: entry.paperReference, name: entry.name, organization: m.organization, date: m.date,
      meetingName: m.name, meetingSourceId: m.sourceId, result: entry.result, resultCode: entry.resultCode,
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
    if (key) b.save('Meeting', key, 'calendar', withFields(e, { system: l.system }));
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

/**
 * The facets of a touched entity: read back when it had stored ones; else those of this batch as they
 * are, when they read back from their JSON the same (as the database returns them: ordered by name).
 */
function facetsOf(b: Batch, t: Touched): Facet<Record<string, unknown>>[] {
  if (!t.stored && t.fresh) {
    const fresh = [...t.fresh].map(([facet, record]) => ({ facet, record: record as Record<string, unknown> }));
    // undefined fields: JSON leaves them out; only a paper's row hash would see the difference
    if (fresh.every((f) => isPlainJson(f.record, t.kind !== 'Paper'))) return fresh.sort((x, y) => (x.facet < y.facet ? -1 : 1));
  }
  return loadFacets<Record<string, unknown>>(b.sqlite, b.sourceDbId, t.kind, t.key);
}

/** Re-merges one touched entity from all its facets and writes its row (what it changed goes to b.links). */
function materialise(b: Batch, t: Touched): void {
  const { sqlite, sourceDbId, now, links } = b;
  const { kind, key } = t;
  if (kind === 'Other') return;
  // a paper that only appeared on more agendas, whose own page gives all that they say: nothing to merge
  if (t.unchangedRow) return;
  // an entity without facets stored before this batch has no row yet (rows are written only from facets)
  const isNew = !t.stored;
  const paperBefore = kind === 'Paper' && !isNew ? paperStmts(sqlite).paperBefore.get(sourceDbId, key) : undefined;
  const facets = facetsOf(b, t);
  const { merged, provenance } = kind === 'Paper' ? mergePaperFacets(facets) : mergeFacets(kind, facets);
  const oparlId = oparlIdOf(facets as never);
  switch (kind) {
    case 'Paper': {
      const written = writePaper(sqlite, sourceDbId, key, merged as unknown as PaperRecord, provenance, oparlId, now, paperBefore ?? null);
      if (written.changed) {
        links.papers.add(written.id);
        if (paperBefore?.reference != null) links.oldReferences.add(paperBefore.reference);
      }
      return;
    }
    case 'Meeting': {
      const { id, previous } = writeMeeting(sqlite, sourceDbId, key, merged as Partial<MeetingRecord>, provenance, oparlId, now, isNew);
      if (previous?.date != null) links.oldMeetingDates.add(previous.date);
      links.meetings.add(id);
      return;
    }
    case 'AgendaItem': {
      const { id, previous } = writeAgendaItem(sqlite, sourceDbId, key, merged as MergedAgendaItem, provenance, now, isNew);
      if (previous?.meeting_id != null) links.oldItemMeetings.add(previous.meeting_id);
      links.items.add(id);
      return;
    }
    case 'Organization':
      links.organizations.add(writeOrganization(sqlite, sourceDbId, key, merged as Partial<OrganizationRecord>, provenance, oparlId, now, isNew));
      return;
    case 'Person':
      if (merged.name) writePerson(sqlite, sourceDbId, String(merged.name), null);
      return;
    case 'File':
      writeFile(sqlite, sourceDbId, key, merged as unknown as FileRecord);
  }
}

function emptyCounts(): Record<EntityKind, ImportCounts> {
  return Object.fromEntries(ENTITY_KINDS.map((k) => [k, { inserted: 0, updated: 0, unchanged: 0 }])) as Record<EntityKind, ImportCounts>;
}

function importInTransaction(sqlite: Database.Database, source: SourceSpec, records: RisRecord[], now: string): ImportResult {
  const sourceDbId = ensureSource(sqlite, source);
  const b = new Batch(sqlite, sourceDbId, now);
  for (const r of records) addRecord(b, r);
  const byKind = emptyCounts();
  for (const t of b.touched.values()) {
    byKind[t.kind][t.outcome]++;
    if (t.outcome !== 'unchanged') materialise(b, t);
  }
  relinkChanges(sqlite, sourceDbId, b.links);
  const s = paperStmts(sqlite);
  const papers = b.papers.map((p) => ({ id: s.paperId.get(sourceDbId, p.key)!, outcome: p.outcome }));
  const total = Object.values(byKind).reduce(
    (acc, c) => ({ inserted: acc.inserted + c.inserted, updated: acc.updated + c.updated, unchanged: acc.unchanged + c.unchanged }),
    { inserted: 0, updated: 0, unchanged: 0 },
  );
  return { ...total, byKind, papers };
}

const transactions = new WeakMap<Database.Database, Database.Transaction<typeof importInTransaction>>();

/** Imports records of one source in one transaction. Throws (and writes nothing) when a record cannot be stored. */
export function importRecords(sqlite: Database.Database, source: SourceSpec, records: RisRecord[], now: string): ImportResult {
  let run = transactions.get(sqlite);
  if (!run) transactions.set(sqlite, (run = sqlite.transaction(importInTransaction)));
  // IMMEDIATE: take the write lock before the first read, so a concurrent writer (the server deriving states,
  // another import) makes this wait (busy_timeout) instead of failing with SQLITE_BUSY on its first write
  return run.immediate(sqlite, source, records, now);
}

/** Imports papers of one source in one transaction (the paper counts of importRecords). */
export function importPapers(sqlite: Database.Database, source: SourceSpec, records: PaperRecord[], now: string): ImportCounts & { papers: ImportedPaper[] } {
  const res = importRecords(sqlite, source, records, now);
  return { ...res.byKind.Paper, papers: res.papers };
}
