/** The drizzle schema object of the app (the RIS entities and the crawler's tables) and the typed handle on it. */
import type Database from 'better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as entitySchema from './schema';
import * as crawlSchema from './schema-crawl';

export const schema = { ...entitySchema, ...crawlSchema };

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
