/**
 * Row types of raw SQL, from the schema: `RawRow<typeof papers>` is a papers row as better-sqlite3
 * returns it for `SELECT *` — SQL column names, stored values (JSON as text, booleans as 0/1), null where
 * the column allows it. Hot reads keep raw SQL (src/db/registry.ts) and name their rows by `Pick`ing from
 * this, so a renamed or retyped column breaks the read's type instead of its page.
 */
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';

type Columns<T extends SQLiteTable> = T['_']['columns'];

export type RawRow<T extends SQLiteTable> = {
  [C in keyof Columns<T> as Columns<T>[C]['_']['name']]: Columns<T>[C]['_']['driverParam'] | (Columns<T>[C]['_']['notNull'] extends true ? never : null);
};
