/** The app on a real SQLite file with the demo data and the corpus (as test/server/app.test.ts builds it), for the list, feed and cache tests. */
import path from 'node:path';
import type { Express } from 'express';
import { openDb, type OpenedDb } from '../../src/db/connection';
import { refreshDerived } from '../../src/db/derive';
import { loadDemo } from '../../src/ingest/demo';
import { importSavedPages } from '../../src/ingest/saved-pages';
import { createApp } from '../../src/server/app';
import { CORPUS, makeTmpDir } from '../helpers/tmp';

export const TODAY = '2026-11-24';
export const NOW = '2026-11-24T09:00:00Z';

export interface FixtureApp {
  opened: OpenedDb;
  app: Express;
  /** the id of the (first) paper with this reference */
  idOf: (reference: string) => number;
  cleanup: () => void;
}

export function buildFixtureApp(opts: { corpus?: boolean; extra?: (opened: OpenedDb) => void } = {}): FixtureApp {
  const tmp = makeTmpDir();
  const opened = openDb(path.join(tmp.dir, 'app.sqlite'));
  loadDemo(opened.sqlite, NOW, TODAY);
  if (opts.corpus !== false) importSavedPages(opened.sqlite, [CORPUS], { now: NOW, today: TODAY });
  opts.extra?.(opened);
  refreshDerived(opened.sqlite, TODAY);
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
