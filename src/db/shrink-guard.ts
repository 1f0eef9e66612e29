/**
 * The shrink guard (DESIGN.md habit 8): a new version of a stored record that loses most of
 * what the stored one had is not applied as it comes; the callers hold it back (the crawler fetches it
 * once more first, `import` reports it and exits 1, `reparse --accept URL` lets a person apply it).
 *
 * The rule (SHRINK_RULE): a part counts — a paper's stations (unless its page does not show the
 * Beratungsfolge, which keeps the stored stations anyway), documents and text sections, a meeting's
 * agenda items, an agenda item's text sections, a committee's or faction's members — shrinks when the
 * new record has fewer than half of what the stored one had AND at least two fewer. A record that
 * shrinks in any part is suspicious. A record with nothing stored before is never a shrink.
 *
 * Also here: a paper whose page does not show its Beratungsfolge (consultationShown: false) takes the
 * stations of its stored record of the same facet (keepNotShown), so "not shown" never wipes them.
 */
import type Database from 'better-sqlite3';
import type { AgendaItemRecord, MeetingRecord, OrganizationRecord, PaperRecord, RisRecord } from '../../scrapers/records';
import { agendaEntryKey, meetingKey, organizationKey, paperKey } from './identity';
import type { RawRow } from './raw-rows';
import { stmt } from './registry';
import type { sources } from './schema';
import { loadFacet } from './facets';

export const SHRINK_RULE = 'fewer than half of what the stored record had, and at least two fewer';

export type PartCounts = Record<string, number>;

export interface Shrink {
  /** the parts that shrank, e.g. "stations 6 → 1" */
  parts: string[];
  message: string;
}

/** Whether `after` of a part is a suspicious shrink from `before` (SHRINK_RULE). Pure. */
export function isShrink(before: number, after: number): boolean {
  return after * 2 < before && before - after >= 2;
}

/** The parts of a record the guard counts (null: a record kind it does not guard). Pure. */
export function countParts(r: RisRecord): PartCounts | null {
  switch (r.type) {
    case 'Paper': {
      const c: PartCounts = { documents: r.files.length, 'text sections': r.text.length };
      if (r.consultationShown !== false) c.stations = r.consultation.length;
      return c;
    }
    case 'Meeting': return { 'agenda items': r.agendaItem.length, documents: r.files?.length ?? 0 };
    case 'AgendaItem': return { 'text sections': (r.text ?? []).length };
    case 'Organization': return { members: r.members.length };
    default: return null;
  }
}

/** The parts that shrank from `before` to `after` (only parts both count). Pure. */
export function compareParts(before: PartCounts, after: PartCounts): string[] {
  return Object.keys(after)
    .filter((k) => k in before && isShrink(before[k], after[k]))
    .map((k) => `${k} ${before[k]} → ${after[k]}`);
}

/** The entity kind, key and facet a record's own page is stored under (as record-facets.ts saves it), or null. */
function identityOf(r: RisRecord): { kind: string; key: string; facet: string } | null {
  let key: string | null = null;
  switch (r.type) {
    case 'Paper': key = paperKey(r as PaperRecord); break;
    case 'Meeting': key = meetingKey(r as MeetingRecord); break;
    case 'AgendaItem': {
      const a = r as AgendaItemRecord;
      key = a.sourceId ? agendaEntryKey(a.system, a.sourceId, '', 0) : a.meetingSourceId ? `${a.meetingSourceId}#${a.number ?? ''}` : null;
      break;
    }
    case 'Organization': key = organizationKey(r as OrganizationRecord); break;
    default: return null;
  }
  return key ? { kind: r.type, key, facet: r.system } : null;
}

function sourceIdOf(sqlite: Database.Database, sourceKey: string): number | null {
  const row = stmt<[string], Pick<RawRow<typeof sources>, 'id'>>(sqlite, 'SELECT id FROM sources WHERE key = ?').get(sourceKey);
  return row?.id ?? null;
}

function storedFacet(sqlite: Database.Database, sourceId: number, id: { kind: string; key: string; facet: string }): RisRecord | null {
  return loadFacet<RisRecord>(sqlite, sourceId, id.kind, id.key, id.facet);
}

/** What the stored version of a record had: its stored facet's parts (a meeting's agenda items from its stored rows). */
function storedParts(sqlite: Database.Database, sourceId: number, r: RisRecord): PartCounts | null {
  const id = identityOf(r);
  if (!id) return null;
  const stored = storedFacet(sqlite, sourceId, id);
  if (!stored) return null;
  if (stored.type === 'Meeting') {
    // a meeting facet is stored without its agenda (each entry is a facet of its own item)
    const n = stmt<[number, string], number>(sqlite, 'SELECT COUNT(*) FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id WHERE m.source_id = ? AND m.entity_key = ?')
      .pluck().get(sourceId, id.key) ?? 0;
    return { 'agenda items': n, documents: stored.files?.length ?? 0 };
  }
  return countParts(stored);
}

/** A reference as compared: without spaces, in one case (a list row and a page may space or case it apart). */
const referenceKey = (reference: string) => reference.replace(/\s+/g, '').toLowerCase();

/**
 * A paper page that names another reference than the stored paper of its id: another motion's page read under
 * this id (a saved page given the wrong address, an answer mixed up where the page states no id of its own) would
 * overwrite that motion with another's. Held back as a shrink is; a reference the RIS really changed is applied
 * by `--accept`, or by the crawl when the RIS still shows it a day later.
 */
function referenceChange(sqlite: Database.Database, sourceId: number, r: RisRecord): Shrink | null {
  if (r.type !== 'Paper' || !r.reference) return null;
  const key = paperKey(r);
  if (!key || key.startsWith('ref:')) return null;
  const stored = stmt<[number, string], string | null>(sqlite, 'SELECT reference FROM papers WHERE source_id = ? AND entity_key = ?').pluck().get(sourceId, key);
  if (!stored || referenceKey(stored) === referenceKey(r.reference)) return null;
  const part = `reference ${stored} → ${r.reference}`;
  return { parts: [part], message: `suspicious identity change of paper ${r.sourceId ?? key}: ${part} (the page may be another motion's)` };
}

/**
 * Whether the record would shrink its stored version suspiciously (SHRINK_RULE), or name another reference than
 * the stored paper of its id, and how; null when not.
 */
export function findShrink(sqlite: Database.Database, sourceKey: string, r: RisRecord): Shrink | null {
  const after = countParts(r);
  if (!after) return null;
  const sourceId = sourceIdOf(sqlite, sourceKey);
  if (sourceId === null) return null;
  const changed = referenceChange(sqlite, sourceId, r);
  if (changed) return changed;
  const before = storedParts(sqlite, sourceId, r);
  if (!before) return null;
  const parts = compareParts(before, after);
  if (!parts.length) return null;
  const what = r.type === 'Paper' ? `paper ${(r as PaperRecord).reference ?? r.sourceId ?? ''}` : `${r.type} ${r.sourceId ?? ''}`;
  return { parts, message: `suspicious shrink of ${what.trim()}: ${parts.join(', ')} (${SHRINK_RULE})` };
}

/**
 * A paper whose page does not show its Beratungsfolge keeps the stations of its stored record of the
 * same facet (the "not shown" marker is dropped: what is stored is what was last shown). Other records
 * as they are. Called by importRecords before a record is saved.
 */
export function keepNotShown(sqlite: Database.Database, sourceId: number, r: RisRecord): RisRecord {
  if (r.type !== 'Paper' || r.consultationShown !== false) return r;
  const id = identityOf(r);
  const stored = id ? storedFacet(sqlite, sourceId, id) : null;
  const { consultationShown: _notShown, ...rest } = r;
  return { ...rest, consultation: stored?.type === 'Paper' ? stored.consultation : [] };
}
