/**
 * The statement registry: every statement the app prepares, prepared once per connection (preparing costs
 * more than running) and listed, so that test/db/query-plans.test.ts can run EXPLAIN QUERY PLAN on each.
 *
 * openDb makes a connection's registry; a handle opened elsewhere (a read-only reader, `check`) gets one
 * on first use. A module declares its statements once, at load time:
 *
 *   const stmts = declareStatements('queries-cities', (sqlite, db) => ({
 *     byKey: db.select().from(sources).where(eq(sources.key, sql.placeholder('key'))).prepare(), // typed read
 *     count: sqlite.prepare<[number], number>('SELECT ...'), // raw SQL only in a hot path, with its reason
 *   }));
 *   stmts(sqlite).byKey.get({ key });
 *
 * SQL built at run time (a filter's WHERE), and the crawler's one-line statements, go through
 * `stmt(sqlite, text)`: cached by their text (bounded), listed the same way.
 */
import type Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { schema, type Db } from './app-schema';

type Prepare<T> = (sqlite: Database.Database, db: Db) => T;

/** A module's declared statements: call it with a connection to get them, prepared once on that connection. */
export interface StatementGroup<T> {
  (sqlite: Database.Database): T;
  readonly groupName: string;
}

/** One prepared SQL text and who prepared it. */
export interface ListedStatement {
  owner: string;
  sql: string;
}

/** SQL texts built at run time, kept prepared per connection up to this many (then the oldest is dropped). */
const DYNAMIC_MAX = 500;

const declared = new Map<string, StatementGroup<unknown>>();

export class StatementRegistry {
  private readonly groups = new Map<StatementGroup<unknown>, unknown>();
  private readonly texts = new Map<string, Database.Statement>();
  private readonly listed = new Map<string, string>();
  private drizzleDb: Db | undefined;

  constructor(readonly sqlite: Database.Database, db?: Db) {
    this.drizzleDb = db;
  }

  get db(): Db {
    return (this.drizzleDb ??= drizzle(this.sqlite, { schema }) as Db);
  }

  /** The statements of `group`, prepared on first use. */
  group<T>(group: StatementGroup<T>, prepare: Prepare<T>): T {
    let s = this.groups.get(group) as T | undefined;
    if (s === undefined) {
      s = prepare(this.sqlite, this.db);
      this.groups.set(group, s);
      this.note(group.groupName, s);
    }
    return s;
  }

  /** A statement by its SQL text (modes reset: a caller's `.pluck()` does not leak to the next caller). */
  text<P extends unknown[] | object = unknown[], R = unknown>(sql: string): Database.Statement<P, R> {
    let s = this.texts.get(sql);
    if (!s) {
      if (this.texts.size >= DYNAMIC_MAX) this.texts.delete(this.texts.keys().next().value as string);
      this.texts.set(sql, (s = this.sqlite.prepare(sql)));
      if (this.listed.size < 10 * DYNAMIC_MAX) this.listed.set(sql, 'stmt');
    } else if (s.reader) {
      s.pluck(false);
    }
    return s as unknown as Database.Statement<P, R>;
  }

  /** Prepares every declared group (the modules loaded so far) on this connection. */
  prepareAll(): void {
    for (const g of declared.values()) g(this.sqlite);
  }

  /** Every statement prepared through this registry so far. */
  list(): ListedStatement[] {
    return [...this.listed].map(([sql, owner]) => ({ owner, sql }));
  }

  private note(owner: string, value: unknown): void {
    const visit = (v: unknown): void => {
      if (!v || typeof v !== 'object') return;
      const source = (v as { source?: unknown }).source;
      if (typeof source === 'string' && typeof (v as { run?: unknown }).run === 'function') {
        this.listed.set(source, owner);
        return;
      }
      const inner = (v as { stmt?: unknown }).stmt; // a drizzle prepared query holds its better-sqlite3 statement
      if (inner && typeof inner === 'object') return visit(inner);
      if (Array.isArray(v)) v.forEach(visit);
      else if (Object.getPrototypeOf(v) === Object.prototype) Object.values(v).forEach(visit);
    };
    visit(value);
  }
}

const registries = new WeakMap<Database.Database, StatementRegistry>();

/** Makes the registry of a connection (openDb does, with its drizzle handle). */
export function attachRegistry(sqlite: Database.Database, db?: Db): StatementRegistry {
  const r = new StatementRegistry(sqlite, db);
  registries.set(sqlite, r);
  return r;
}

/** The registry of a connection. */
export function registryOf(sqlite: Database.Database): StatementRegistry {
  return registries.get(sqlite) ?? attachRegistry(sqlite);
}

/** Declares a module's statements under `name` (unique); see the module comment. */
export function declareStatements<T>(name: string, prepare: Prepare<T>): StatementGroup<T> {
  if (declared.has(name)) throw new Error(`statements declared twice: ${name}`);
  const group = Object.assign((sqlite: Database.Database) => registryOf(sqlite).group(group, prepare), { groupName: name }) as StatementGroup<T>;
  declared.set(name, group as StatementGroup<unknown>);
  return group;
}

/** A statement by its SQL text (built at run time, or one line in a crawler step), prepared once per connection and listed. */
export function stmt<P extends unknown[] | object = unknown[], R = unknown>(sqlite: Database.Database, sql: string): Database.Statement<P, R> {
  return registryOf(sqlite).text<P, R>(sql);
}
