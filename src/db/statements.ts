/** Prepared statements of the crawler, prepared once per connection (preparing costs more than running). */
import type Database from 'better-sqlite3';

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function stmt<P extends unknown[] = unknown[], R = unknown>(sqlite: Database.Database, sql: string): Database.Statement<P, R> {
  let m = cache.get(sqlite);
  if (!m) cache.set(sqlite, (m = new Map()));
  let s = m.get(sql);
  if (!s) m.set(sql, (s = sqlite.prepare(sql)));
  return s as unknown as Database.Statement<P, R>;
}
