/**
 * A cheap fingerprint of the database's content, for HTTP validators and for caching query results:
 * `PRAGMA data_version` changes when another connection (the crawler, an import) commits, and
 * `total_changes()` counts the rows this connection has written (imports, the daily re-derivation).
 * Equal stamps on the same connection mean no row has changed in between.
 *
 * `PRAGMA data_version` opens and closes a read transaction (some 8 µs in WAL mode: the shared-memory
 * locks), and the server asks for the stamp at least once per request. So the version is read once per
 * turn of the event loop and kept until the turn ends (setImmediate): requests answered in the same
 * turn see the data as of its start, as if they had come a few microseconds earlier; the next turn
 * reads it again. `total_changes()` (no transaction) is read every time: this connection's own writes
 * show at once.
 */
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { declareStatements } from '../db/registry';

interface StampState {
  total: Database.Statement;
  version: Database.Statement;
  /** data_version as read in this turn of the event loop; undefined: read it */
  turnVersion: unknown;
  endTurn: () => void;
  stamp: string;
  /** when this process first saw the current stamp (the data's Last-Modified as far as we can tell) */
  since: number;
  memo: Map<string, { stamp: string; value: unknown }>;
}

/** Differs on every start of the process, so validators from an older build never match. */
export const BOOT_ID = crypto.randomBytes(6).toString('hex');
const MEMO_SIZE = 300;
/** the stamp and memo of a connection (its statements are in the registry) */
const states = new WeakMap<Database.Database, StampState>();
const counters = declareStatements('data-stamp', (sqlite) => ({
  total: sqlite.prepare('SELECT total_changes()').pluck(),
  version: sqlite.prepare('PRAGMA data_version').pluck(),
}));

function state(sqlite: Database.Database): StampState {
  let s = states.get(sqlite);
  if (!s) {
    const c = counters(sqlite);
    const made: StampState = { total: c.total, version: c.version, turnVersion: undefined, endTurn: () => (made.turnVersion = undefined), stamp: '', since: 0, memo: new Map() };
    states.set(sqlite, made);
    s = made;
  }
  return s;
}

/** The current stamp of the database ("<data_version>.<total_changes>"). */
export function dataStamp(sqlite: Database.Database): string {
  const s = state(sqlite);
  if (s.turnVersion === undefined) {
    s.turnVersion = s.version.get();
    setImmediate(s.endTurn);
  }
  const stamp = `${s.turnVersion}.${s.total.get()}`;
  if (stamp !== s.stamp) {
    s.stamp = stamp;
    s.since = Math.floor(Date.now() / 1000) * 1000;
    s.memo.clear();
  }
  return stamp;
}

/** When this process first saw the stamp dataStamp() returned last (no look at the database). */
export function stampSeenAt(sqlite: Database.Database): Date {
  return new Date(state(sqlite).since);
}

/** Computes `fn()` once per data stamp and key (a small LRU per connection). */
export function memoByData<T>(sqlite: Database.Database, key: string, fn: () => T): T {
  const stamp = dataStamp(sqlite);
  const s = state(sqlite);
  const hit = s.memo.get(key);
  if (hit && hit.stamp === stamp) {
    s.memo.delete(key);
    s.memo.set(key, hit);
    return hit.value as T;
  }
  const value = fn();
  s.memo.set(key, { stamp, value });
  if (s.memo.size > MEMO_SIZE) s.memo.delete(s.memo.keys().next().value as string);
  return value;
}
