/**
 * One import call's state (import.ts): the entities it touched and how, the facets it saved, what its
 * writes can have made linkable; and adopting a paper known only by its reference once it arrives with
 * its own id (its facets move to the id, the placeholder row goes).
 */
import type Database from 'better-sqlite3';
import { saveFacet, type Outcome } from './facets';
import { LinkChanges } from './link';
import { facetChangesNothing } from './merge';
import { unindexPaper } from './search-index';
import type { AddedDocument } from './write-entities';
import type { EventContext } from './write-events';
import { PaperChildren } from './write-paper';
import { declareStatements } from './registry';

export const ENTITY_KINDS = ['Paper', 'Meeting', 'AgendaItem', 'Organization', 'Person', 'File', 'Other'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export const STRENGTH: Record<Outcome, number> = { unchanged: 0, updated: 1, inserted: 2 };

/** An entity touched by a batch. */
export interface Touched {
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

export class Batch {
  readonly touched = new Map<string, Touched>();
  readonly papers: { key: string; outcome: Outcome }[] = [];
  /** reference → entity key of the papers saved in this batch (the papers table is written later) */
  readonly paperByReference = new Map<string, string>();
  /** what the writes of this batch can have made linkable (link.ts relinkChanges) */
  readonly links = new LinkChanges();
  /** the stations, meeting rows, files and search entries of the papers written, written after all entity rows */
  readonly paperChildren = new PaperChildren();
  /** "<key>\0<facet>" → when (a count) a paper facet was last saved in this batch: the later is the newer (adoptReferencePlaceholder) */
  readonly paperFacetSeen = new Map<string, number>();
  /** how change events are written (null: this import writes none, e.g. the demo moved to a new week) */
  events: EventContext | null = null;
  /** the papers this batch created (their one event is "new") */
  readonly newPapers = new Set<number>();
  /**
   * agenda items that may put a motion on an agenda: rows this batch created (new, or back after being taken off) or
   * that had no motion linked — not a row read again or changed by its own page (write-events.ts writeAgendaEvents)
   */
  readonly agendaNews = new Set<number>();
  /** meetings this batch gave another date than they had: id → the date before */
  readonly movedMeetings = new Map<number, string>();
  /** meetings whose page was read before and now lists documents it did not: id → those documents */
  readonly meetingFilesAdded = new Map<number, AddedDocument[]>();
  private saves = 0;
  constructor(
    readonly sqlite: Database.Database,
    readonly sourceId: number,
    readonly now: string,
  ) {}

  save(kind: EntityKind, key: string, facet: string, record: unknown): Outcome {
    const { outcome, existed } = saveFacet(this.sqlite, this.sourceId, kind, key, facet, record, this.now);
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

  /**
   * A stored paper whose facets changed other than by saving (one adopted, an appearance dropped): merged again
   * from all its stored facets, counted with `outcome` at least.
   */
  remergePaper(key: string, outcome: Outcome): void {
    const t = this.touched.get(`Paper\u0000${key}`);
    if (!t) {
      this.touched.set(`Paper\u0000${key}`, { kind: 'Paper', key, outcome, stored: true, unchangedRow: false });
      return;
    }
    t.stored = true;
    t.fresh = undefined;
    t.unchangedRow = false;
    if (STRENGTH[outcome] > STRENGTH[t.outcome]) t.outcome = outcome;
  }

  /** whether the source had papers known only by their reference ("ref:…") when this batch first asked */
  private storedPlaceholders: boolean | undefined;

  /**
   * Whether a paper known only by its reference may have facets now: one stored when the batch first asked
   * (then every placeholder is looked up), or one saved in this batch (a placeholder's facets arise only by
   * saving, and the ones adopted leave `touched` with their facets).
   */
  mayHavePlaceholder(placeholder: string): boolean {
    this.storedPlaceholders ??= paperStmts(this.sqlite).anyPlaceholder.get(this.sourceId) === 1;
    return this.storedPlaceholders || this.touched.has(`Paper\u0000${placeholder}`);
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
      const stored = paperStmts(this.sqlite).provenanceOf.get(this.sourceId, t.key);
      provenance = stored ? (JSON.parse(stored) as Record<string, string>) : null;
      this.provenance.set(t.key, provenance);
    }
    return provenance !== null && facetChangesNothing('Paper', provenance, { facet, record });
  }
}

/** A paper row as a batch finds it before writing it (what its change events are compared with). */
export interface PaperBefore {
  id: number;
  reference: string | null;
  provenance: string | null;
  record_hash: string;
  date: string | null;
  files: string | null;
}

interface StoredFacet {
  id: number;
  facet: string;
  firstSeen: string;
  updated: string;
}

function preparePaperStatements(sqlite: Database.Database) {
  return {
    byReference: sqlite.prepare<[number, string], { key: string }>(
      'SELECT entity_key AS key FROM papers WHERE source_id = ? AND reference = ? ORDER BY (entity_key LIKE \'ref:%\'), id LIMIT 1',
    ),
    facetsAt: sqlite.prepare<[number, string], StoredFacet>(
      "SELECT id, facet, first_seen_at AS firstSeen, updated_at AS updated FROM records WHERE source_id = ? AND kind = 'Paper' AND entity_key = ?",
    ),
    anyPlaceholder: sqlite.prepare<[number], number>(
      "SELECT EXISTS (SELECT 1 FROM records WHERE source_id = ? AND kind = 'Paper' AND entity_key >= 'ref:' AND entity_key < 'ref;')",
    ).pluck(),
    dropFacet: sqlite.prepare<[number]>('DELETE FROM records WHERE id = ?'),
    firstSeen: sqlite.prepare<[string, number]>('UPDATE records SET first_seen_at = ? WHERE id = ?'),
    rekey: sqlite.prepare("UPDATE records SET entity_key = ? WHERE source_id = ? AND kind = 'Paper' AND entity_key = ?"),
    dropPaper: sqlite.prepare<[number]>('DELETE FROM papers WHERE id = ?'),
    rekeyPaper: sqlite.prepare<[string, number]>('UPDATE papers SET entity_key = ? WHERE id = ?'),
    /** a placeholder's change log goes to the paper that adopts it (before the placeholder row goes) */
    moveHistory: sqlite.prepare<[number, number]>('UPDATE OR IGNORE paper_changes SET paper_id = ? WHERE paper_id = ?'),
    paperId: sqlite.prepare<[number, string], number>('SELECT id FROM papers WHERE source_id = ? AND entity_key = ?').pluck(),
    itemsOfPaper: sqlite.prepare<[number], { id: number; meeting_id: number | null }>('SELECT id, meeting_id FROM agenda_items WHERE paper_id = ?'),
    paperBefore: sqlite.prepare<[number, string], PaperBefore>(
      'SELECT id, reference, provenance, record_hash, date, files FROM papers WHERE source_id = ? AND entity_key = ?',
    ),
    /** only the provenance of a paper row (agendaChangesNothing: once per paper an agenda names, not its files' JSON too) */
    provenanceOf: sqlite.prepare<[number, string], string | null>('SELECT provenance FROM papers WHERE source_id = ? AND entity_key = ?').pluck(),
    /** a placeholder's change events go to the paper that adopts it, as its change log does */
    moveEvents: sqlite.prepare<[number, number]>('UPDATE OR IGNORE paper_events SET paper_id = ? WHERE paper_id = ?'),
  };
}

// raw SQL: the import's per-paper identity and facet lookups, once per record
export const paperStmts = declareStatements('import-batch', preparePaperStatements);

/** The key of a paper already known by its reference (in this batch or stored), for agenda rows without a VOLFDNR. */
export function keyByReference(b: Batch, reference: string): string | null {
  return b.paperByReference.get(reference) ?? paperStmts(b.sqlite).byReference.get(b.sourceId, reference)?.key ?? null;
}

/**
 * A paper known so far only by its reference ("ref:<reference>", from an agenda row or a page that names
 * no id) that now arrives with its own id: its facets move to the id, and the placeholder row becomes
 * the paper's row (keeping its id and change log), or goes when the paper has a row already (its change
 * log moves to that row). A facet the paper has
 * already (the same agenda item, seen once with and once without the paper's id, or before and after
 * its reference changed and changed back) is kept once: the one saved last in this batch, else the one
 * updated last, else the paper's own (and it keeps the earlier first_seen_at of the two).
 */
export function adoptReferencePlaceholder(b: Batch, key: string, reference: string | null): void {
  if (!reference || key.startsWith('ref:')) return;
  const placeholder = `ref:${reference}`;
  if (!b.mayHavePlaceholder(placeholder)) return;
  const s = paperStmts(b.sqlite);
  const moving = s.facetsAt.all(b.sourceId, placeholder);
  if (moving.length === 0) return;
  const own = new Map(s.facetsAt.all(b.sourceId, key).map((f) => [f.facet, f]));
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
  s.rekey.run(key, b.sourceId, placeholder);
  // the paper is merged anew from all its facets (even when what is saved for it next is unchanged)
  const gone = b.touched.get(`Paper\u0000${placeholder}`);
  b.touched.delete(`Paper\u0000${placeholder}`);
  // new in this batch only when the placeholder was and the paper had no facets
  const outcome: Outcome = gone?.outcome === 'inserted' && own.size === 0 ? 'inserted' : 'updated';
  b.remergePaper(key, outcome);
  for (const p of b.papers) if (p.key === placeholder) p.key = key;
  const row = s.paperBefore.get(b.sourceId, placeholder);
  const ownRow = row ? s.paperBefore.get(b.sourceId, key) : undefined;
  if (row && !ownRow) {
    // the placeholder's row becomes the paper's: its id (the motion's address), its history and its links stay
    s.rekeyPaper.run(key, row.id);
    for (const item of s.itemsOfPaper.all(row.id)) b.links.items.add(item.id);
    if (row.reference !== null) b.links.oldReferences.add(row.reference);
    return;
  }
  if (row && ownRow) {
    s.moveHistory.run(ownRow.id, row.id);
    s.moveEvents.run(ownRow.id, row.id);
  }
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
