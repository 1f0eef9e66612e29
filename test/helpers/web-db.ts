/**
 * The database of the web tests: the demo data (with its Musterstadt committees and meetings,
 * data/demo) and the corpus, derived for 2026-11-24. test/server/fixture-app.ts builds the app on it.
 */
import path from 'node:path';
import { openDb, type OpenedDb } from '../../src/db/connection';
import { refreshDerived } from '../../src/db/derive';
import { loadDemo } from '../../src/ingest/demo';
import { importSavedPages } from '../../src/ingest/saved-pages';
import { CORPUS } from './tmp';

export const WEB_TODAY = '2026-11-24';
export const WEB_NOW = '2026-11-24T09:00:00Z';

/** Names of demo committees (data/demo/musterstadt-gremien.json) the web tests look at. */
export const RAT = 'Rat der Stadt Musterstadt';
export const HAUPTAUSSCHUSS = 'Hauptausschuss';

export interface WebDbOptions {
  /** import the corpus beside the demo (default true) */
  corpus?: boolean;
  /** more data, written before the states are derived */
  extra?: (opened: OpenedDb) => void;
}

export function buildWebDb(dir: string, opts: WebDbOptions = {}): OpenedDb {
  const opened = openDb(path.join(dir, 'web.sqlite'));
  loadDemo(opened.sqlite, WEB_NOW, WEB_TODAY);
  if (opts.corpus !== false) importSavedPages(opened.sqlite, [CORPUS], { now: WEB_NOW, today: WEB_TODAY });
  opts.extra?.(opened);
  refreshDerived(opened.sqlite, WEB_TODAY);
  return opened;
}

/** The id of the paper with this reference in this source. */
export function paperIdOf(opened: OpenedDb, sourceKey: string, reference: string): number {
  const id = opened.sqlite
    .prepare('SELECT p.id FROM papers p JOIN sources s ON s.id = p.source_id WHERE s.key = ? AND p.reference = ? ORDER BY p.id LIMIT 1')
    .pluck()
    .get(sourceKey, reference) as number | undefined;
  if (id === undefined) throw new Error(`no paper ${reference} in ${sourceKey}`);
  return id;
}
