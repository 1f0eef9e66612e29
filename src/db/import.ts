/**
 * Records → database, for every record kind of CONTRACTS.md. Each record is stored as a facet of its
 * entity (schema.ts `records`; which facets a record gives: record-facets.ts), the entity rows are
 * re-merged from their facets, and links are made (link.ts) — all in ONE transaction per call
 * (import-batch.ts keeps its state), idempotent, with counts per entity kind.
 * Hot statements are prepared once per connection (drizzle's query builder costs 25–50 µs a call).
 */
import type Database from 'better-sqlite3';
import type { FileRecord, MeetingRecord, OrganizationRecord, PaperRecord, RisRecord } from '../../scrapers/records';
import { noteRead } from './data-as-of';
import { isPlainJson, loadFacets, type Outcome } from './facets';
import { Batch, ENTITY_KINDS, paperStmts, type EntityKind, type PaperBefore, type Touched } from './import-batch';
import {
  loadEventFacts, writeAgendaEvents, writeCancellationEvents, writeMeetingDocumentEvents, writeMoveEvents, writePaperEvents, type EventContext,
} from './write-events';
import { relinkChanges } from './link';
import { deriveWritten } from './derive';
import { todayInBerlin } from '../util/clock';
import { isAgendaFacet, mergeFacets, mergePaperFacets, type Facet } from './merge';
import { addRecord } from './record-facets';
import { dropUnlistedItems } from './agenda-removal';
import { keepNotShown } from './shrink-guard';
import { namedStations } from './station-names';
import { writePaper } from './write-paper';
import { writeAgendaItem, writeFile, writeMeeting, writeMeetingFiles, writeOrganization, writePerson, type MergedAgendaItem } from './write-entities';
import { declareStatements } from './registry';

export { ENTITY_KINDS, type EntityKind } from './import-batch';

export interface SourceSpec {
  key: string;
  name: string;
  system?: string | null;
  baseUrl?: string | null;
  /** the RIS's own OParl system, where data/sources.json knows it (OParl output: Body ratsradar:risOparlUrl) */
  oparlUrl?: string | null;
  isDemo?: boolean;
}

export interface ImportCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface ImportedPaper {
  id: number;
  outcome: Outcome;
}

export interface ImportResult extends ImportCounts {
  /** counts per entity kind: an entity counts once per call, with its strongest outcome */
  byKind: Record<EntityKind, ImportCounts>;
  papers: ImportedPaper[];
  /** agenda items removed because their meeting's page no longer lists them (agenda-removal.ts) */
  agendaItemsRemoved: number;
}

const sourceStatements = declareStatements('import-sources', (sqlite) => ({
  find: sqlite.prepare<[string], { id: number }>('SELECT id FROM sources WHERE key = ?'),
  insert: sqlite.prepare('INSERT INTO sources (key, name, system, base_url, oparl_url, is_demo) VALUES (@key, @name, @system, @baseUrl, @oparlUrl, @isDemo)'),
  name: sqlite.prepare(`UPDATE sources SET name = CASE WHEN name = key THEN @name ELSE name END, base_url = COALESCE(base_url, @baseUrl),
    oparl_url = COALESCE(oparl_url, @oparlUrl)
    WHERE id = @id AND ((name = key AND @name != key) OR (base_url IS NULL AND @baseUrl IS NOT NULL) OR (oparl_url IS NULL AND @oparlUrl IS NOT NULL))`),
}));

/** Finds or creates the source row and returns its id; a row still named by its raw key (or without base URL or OParl address) takes the spec's. */
export function ensureSource(sqlite: Database.Database, spec: SourceSpec): number {
  const s = sourceStatements(sqlite);
  const found = s.find.get(spec.key);
  if (found) {
    if (spec.name !== spec.key || spec.baseUrl || spec.oparlUrl) {
      s.name.run({ id: found.id, name: spec.name, baseUrl: spec.baseUrl ?? null, oparlUrl: spec.oparlUrl ?? null });
    }
    return found.id;
  }
  return Number(
    s.insert.run({
      key: spec.key, name: spec.name, system: spec.system ?? null, baseUrl: spec.baseUrl ?? null, oparlUrl: spec.oparlUrl ?? null, isDemo: spec.isDemo ? 1 : 0,
    }).lastInsertRowid,
  );
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
  return loadFacets<Record<string, unknown>>(b.sqlite, b.sourceId, t.kind, t.key);
}

/** Re-merges one touched entity from all its facets and writes its row (what it changed goes to b.links). */
function materialise(b: Batch, t: Touched): void {
  const { sqlite, sourceId, now, links } = b;
  const { kind, key } = t;
  if (kind === 'Other') return;
  // a paper that only appeared on more agendas, whose own page gives all that they say: nothing to merge
  if (t.unchangedRow) return;
  // an entity without facets stored before this batch has no row yet (rows are written only from facets)
  const isNew = !t.stored;
  const paperBefore = kind === 'Paper' && !isNew ? paperStmts(sqlite).paperBefore.get(sourceId, key) : undefined;
  const facets = facetsOf(b, t);
  const { merged, provenance } = kind === 'Paper' ? mergePaperFacets(facets) : mergeFacets(kind, facets);
  const oparlId = oparlIdOf(facets as never);
  switch (kind) {
    case 'Paper': {
      const record = merged as unknown as PaperRecord;
      // the stations as its rows name them (station-names.ts): for the rows and the change events; the row hash keeps the record's
      const stations = namedStations(sqlite, sourceId, record.consultation);
      const written = writePaper(sqlite, sourceId, key, record, provenance, oparlId, now, b.paperChildren, paperBefore ?? null, stations);
      if (written.changed && b.events) paperEvents(b, b.events, written.id, paperBefore ?? null, record, stations);
      if (written.changed) {
        links.papers.add(written.id);
        if (paperBefore?.reference != null) links.oldReferences.add(paperBefore.reference);
      }
      return;
    }
    case 'Meeting': {
      const { id, previous } = writeMeeting(sqlite, sourceId, key, merged as Partial<MeetingRecord>, provenance, oparlId, now, isNew);
      const added = writeMeetingFiles(sqlite, sourceId, id, (merged as Partial<MeetingRecord>).files ?? [], isNew);
      // documents of a meeting whose page was read before are news; a first read of its page only tells more
      if (added.length && previous?.own_page === 1) b.meetingFilesAdded.set(id, added);
      if (previous?.date != null) links.oldMeetingDates.add(previous.date);
      const date = (merged as Partial<MeetingRecord>).date ?? null;
      if (previous?.date != null && date != null && date !== previous.date) b.movedMeetings.set(id, previous.date);
      links.meetings.add(id);
      return;
    }
    case 'AgendaItem': {
      // an item its meeting's page no longer lists (agenda-removal.ts) has no row until a page lists it again
      if ((merged as { removed?: boolean }).removed === true) return;
      const { id, previous } = writeAgendaItem(sqlite, sourceId, key, merged as MergedAgendaItem, provenance, now, isNew);
      if (previous?.meeting_id != null) links.oldItemMeetings.add(previous.meeting_id);
      links.items.add(id);
      if (!previous || previous.paper_id === null) b.agendaNews.add(id);
      return;
    }
    case 'Organization':
      links.organizations.add(writeOrganization(sqlite, sourceId, key, merged as Partial<OrganizationRecord>, provenance, oparlId, now, isNew));
      return;
    case 'Person':
      if (merged.name) writePerson(sqlite, sourceId, String(merged.name), null);
      return;
    case 'File':
      writeFile(sqlite, sourceId, key, merged as unknown as FileRecord);
  }
}

/**
 * The change events of a written paper: "new" for a new row; else what changed since its stored row —
 * when that row had its own page (or OParl object) already: a paper known only from agendas that gets
 * its page is ratsradar learning more, not the paper changing.
 */
function paperEvents(b: Batch, ctx: EventContext, id: number, before: PaperBefore | null, record: PaperRecord, stations: PaperRecord['consultation']): void {
  // the stations as their rows name them, as the stored ones before are named
  const after = { date: record.date, consultation: stations, files: record.files ?? [] };
  if (!before) {
    b.newPapers.add(id);
    writePaperEvents(b.sqlite, ctx, id, null, after);
    return;
  }
  const provenance = before.provenance ? (JSON.parse(before.provenance) as Record<string, string>) : {};
  // known so far only from agendas (their rows, their items' pages, one that named it): what it gets now is
  // ratsradar learning more ('agenda' is the merged Beratungsfolge of several rows, merge.ts)
  if (!Object.values(provenance).some((facet) => !isAgendaFacet(facet))) return;
  writePaperEvents(b.sqlite, ctx, id, loadEventFacts(b.sqlite, id, before.date, before.files), after);
}

function emptyCounts(): Record<EntityKind, ImportCounts> {
  return Object.fromEntries(ENTITY_KINDS.map((k) => [k, { inserted: 0, updated: 0, unchanged: 0 }])) as Record<EntityKind, ImportCounts>;
}

/** What an import knows beside its records. */
export interface ImportOptions {
  /**
   * When the records' pages were read from the RIS (an ISO instant): the papers they touch get it as their
   * data_as_of (data-as-of.ts). Absent: their data_as_of stays as it is (the import time is not the RIS's).
   */
  readAt?: string | null;
  /** the crawl run the records come from (its events name it) */
  runId?: number | null;
  /** false: write no change events (the demo loaded again for a new week: its dates move, nothing happened) */
  events?: boolean;
}

/** The last import time and its day (a crawl or an import hands every batch the same `now`; Intl formatting costs ~1 ms). */
let lastDay: { now: string; day: string } = { now: '', day: '' };

/** The day in Berlin of an import time, "" when it is no time. */
function importDay(now: string): string {
  if (lastDay.now !== now || process.env.RATSRADAR_TODAY) {
    const at = new Date(now);
    lastDay = { now, day: Number.isNaN(at.getTime()) ? '' : todayInBerlin(at) };
  }
  return lastDay.day;
}

function importInTransaction(sqlite: Database.Database, source: SourceSpec, records: RisRecord[], now: string, opts: ImportOptions): ImportResult {
  const sourceId = ensureSource(sqlite, source);
  const b = new Batch(sqlite, sourceId, now);
  const today = importDay(now);
  if (opts.events !== false) b.events = { sourceId, now, today, runId: opts.runId ?? null };
  // a Beratungsfolge the page does not show keeps the stored stations (shrink-guard.ts)
  for (const r of records) addRecord(b, keepNotShown(sqlite, sourceId, r));
  // a meeting's own page is its agenda: items it listed before and lists no more go (agenda-removal.ts)
  let agendaItemsRemoved = 0;
  for (const r of records) {
    if (r.type === 'Meeting') agendaItemsRemoved += dropUnlistedItems(b, r, false);
    // meetings of an OParl list page: no caller's shrink guard saw them, so a suspicious shrink removes nothing
    if (r.type === 'List') for (const m of r.items) if (m.type === 'Meeting') agendaItemsRemoved += dropUnlistedItems(b, m, true);
  }
  const byKind = emptyCounts();
  for (const t of b.touched.values()) {
    byKind[t.kind][t.outcome]++;
    if (t.outcome !== 'unchanged') materialise(b, t);
  }
  b.paperChildren.write(sqlite, sourceId);
  const writtenPapers = [...b.links.papers];
  relinkChanges(sqlite, sourceId, b.links);
  if (b.events) {
    writeAgendaEvents(sqlite, b.events, b.agendaNews, b.newPapers);
    writeCancellationEvents(sqlite, b.events, b.links.meetings, b.newPapers);
    writeMoveEvents(sqlite, b.events, b.movedMeetings, b.newPapers);
    writeMeetingDocumentEvents(sqlite, b.events, b.meetingFilesAdded, b.newPapers);
  }
  if (opts.readAt) {
    const read: string[] = [];
    for (const t of b.touched.values()) if (t.kind === 'Paper') read.push(t.key);
    noteRead(sqlite, sourceId, read, opts.readAt);
  }
  const s = paperStmts(sqlite);
  const papers = b.papers.map((p) => ({ id: s.paperId.get(sourceId, p.key)!, outcome: p.outcome }));
  // in this transaction: no committed paper is without its derived state (the papers written, and only those).
  // Papers the batch changed otherwise (named by a new agenda item, a newer read of their data) keep the state
  // they have, marked for deriving again (derived_on NULL): the server derives them before it answers from
  // the changed data (refreshDerived in its freshness check), and an import or crawl run at its end. Deriving
  // them here too cost half the import's speed (each is derived again with every meeting that names it).
  deriveWritten(sqlite, writtenPapers, today);
  const total = Object.values(byKind).reduce(
    (acc, c) => ({ inserted: acc.inserted + c.inserted, updated: acc.updated + c.updated, unchanged: acc.unchanged + c.unchanged }),
    { inserted: 0, updated: 0, unchanged: 0 },
  );
  return { ...total, byKind, papers, agendaItemsRemoved };
}

/** the import's transaction, made once per connection with the statements */
const transaction = declareStatements('import-transaction', (sqlite) => sqlite.transaction(importInTransaction));

/** Imports records of one source in one transaction. Throws (and writes nothing) when a record cannot be stored. */
export function importRecords(sqlite: Database.Database, source: SourceSpec, records: RisRecord[], now: string, opts: ImportOptions = {}): ImportResult {
  const run = transaction(sqlite);
  // IMMEDIATE: take the write lock before the first read, so a concurrent writer (the server deriving states,
  // another import) makes this wait (busy_timeout) instead of failing with SQLITE_BUSY on its first write
  return run.immediate(sqlite, source, records, now, opts);
}

/** Imports papers of one source in one transaction (the paper counts of importRecords). */
export function importPapers(sqlite: Database.Database, source: SourceSpec, records: PaperRecord[], now: string): ImportCounts & { papers: ImportedPaper[] } {
  const res = importRecords(sqlite, source, records, now);
  return { ...res.byKind.Paper, papers: res.papers };
}
