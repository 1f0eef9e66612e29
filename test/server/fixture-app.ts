/**
 * The app of the server tests: createApp over the web tests' database (test/helpers/web-db.ts: the demo
 * data and, unless left out, the corpus, derived for 2026-11-24) in a real SQLite file of its own.
 */
import type { Express } from 'express';
import type { OpenedDb } from '../../src/db/connection';
import { createApp } from '../../src/server/app';
import { makeTmpDir } from '../helpers/tmp';
import { buildWebDb, WEB_NOW, WEB_TODAY, type WebDbOptions } from '../helpers/web-db';

export const TODAY = WEB_TODAY;
export const NOW = WEB_NOW;

export interface FixtureApp {
  opened: OpenedDb;
  app: Express;
  /** the id of the (first) paper with this reference */
  idOf: (reference: string) => number;
  cleanup: () => void;
}

export function buildFixtureApp(opts: WebDbOptions = {}): FixtureApp {
  const tmp = makeTmpDir();
  const opened = buildWebDb(tmp.dir, opts);
  const app = createApp(opened.sqlite, { today: () => TODAY });
  return {
    opened,
    app,
    idOf: (ref) => opened.sqlite.prepare('SELECT id FROM papers WHERE reference = ? ORDER BY id').pluck().get(ref) as number,
    cleanup: () => {
      opened.close();
      tmp.cleanup();
    },
  };
}

/** An href as it stands in the HTML → a path supertest can request. */
export function unescapeHref(href: string): string {
  return href.replace(/&amp;/g, '&').replace(/&#x3D;/g, '=').replace(/&#x27;/g, "'");
}
