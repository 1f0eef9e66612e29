/** The database of the web tests: the corpus, the demo data and the Musterstadt meetings fixture, derived for 2026-11-24. */
import path from 'node:path';
import { openDb, type OpenedDb } from '../../src/db/connection';
import { refreshDerived } from '../../src/db/derive';
import { importRecords } from '../../src/db/import';
import { loadDemo } from '../../src/ingest/demo';
import { importSavedPages } from '../../src/ingest/saved-pages';
import { MUSTERSTADT, musterstadtMeetingRecords } from '../fixtures/web/musterstadt-meetings';
import { CORPUS } from './tmp';

export const WEB_TODAY = '2026-11-24';
const NOW = '2026-11-24T09:00:00Z';

export function buildWebDb(dir: string): OpenedDb {
  const opened = openDb(path.join(dir, 'web.sqlite'));
  loadDemo(opened.sqlite, NOW, WEB_TODAY);
  importSavedPages(opened.sqlite, [CORPUS], { now: NOW, today: WEB_TODAY });
  importRecords(opened.sqlite, MUSTERSTADT, musterstadtMeetingRecords(), NOW);
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
