/**
 * What every OParl object builder needs (src/server/oparl/*-objects.ts): the addresses, the body
 * (source) it answers for, today (for the derived state), the RIS addresses found gone, and whether
 * embedded ("internal") objects are left out (`omit_internal`). Plus the small helpers they share:
 * vendor property names, timestamps, and dropping the nulls OParl does not allow.
 */
import type Database from 'better-sqlite3';
import type { OparlUrls } from './urls';

export interface OparlContext {
  sqlite: Database.Database;
  urls: OparlUrls;
  source: { id: number; key: string };
  today: string;
  /** RIS addresses the crawl found gone (queries-oparl.ts loadGoneUrls) */
  gone: Set<string>;
  /** omit_internal: no embedded objects in list entries */
  omitInternal: boolean;
}

/** The prefix of ratsradar's vendor properties (OParl 1.1 allows prefixed properties of one's own). */
export const VENDOR = 'ratsradar:';

export type OparlJson = Record<string, unknown>;

/**
 * The object without the properties that hold nothing: null / undefined, and empty lists unless `keep`
 * names them (a required list such as a Body's `legislativeTerm`). OParl 1.1 ("null-Werte und leere
 * Listen", "Kardinalität"): a property without information is left out, not sent as null or [].
 */
export function compact(o: OparlJson, keep: readonly string[] = []): OparlJson {
  const out: OparlJson = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === null || v === undefined || (Array.isArray(v) && v.length === 0 && !keep.includes(k))) continue;
    out[k] = v;
  }
  return out;
}

/** A stored UTC instant ("2026-11-24T09:00:00Z") as an OParl date-time, or null. */
export function dateTime(v: string | null | undefined): string | null {
  if (!v) return null;
  const t = Date.parse(v);
  return Number.isFinite(t) ? new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z') : null;
}

/** created / modified of an object; created never after modified. */
export function times(created: string | null | undefined, modified: string | null | undefined): { created?: string; modified?: string } {
  const m = dateTime(modified);
  let c = dateTime(created);
  if (c && m && c > m) c = m;
  return compact({ created: c, modified: m }) as { created?: string; modified?: string };
}

export const isHttp = (u: string | null | undefined): u is string => typeof u === 'string' && /^https?:\/\/[^\s]+$/i.test(u);

/** A soft-deleted object (OParl 1.1: it stays at its id with `deleted: true`). */
export function deletedObject(id: string, type: string, t: { created?: string; modified?: string }): OparlJson {
  return { id, type, ...t, deleted: true };
}
