/**
 * A motion known only from an agenda: what its agenda row says and what its agenda item's page (to020) says both
 * stay, in either order of reading. Laatzen's Schulausschuss of 01.09.2026 (to010 SILFDNR=1000073) names
 * 2026/245/1 in TOP 4 (TOLFDNR 1001065) with the role "Kenntnisnahme" and its Sammeldokument; that item's page
 * is a record written in the test (the corpus holds no Laatzen to020 page) with what such a page says: a result
 * and its Niederschriftsauszug. Before, the appearance read last replaced the other (the row's role and
 * documents, or the page's documents). The result is what the reading last says (this agenda shows none).
 */
import path from 'node:path';
import type { AgendaItemRecord } from '../../scrapers/records';
import { openDb } from '../../src/db/connection';
import { importRecords } from '../../src/db/import';
import { importSavedPages } from '../../src/ingest/saved-pages';
import { CORPUS, makeTmpDir } from '../helpers/tmp';

const AGENDA = path.join(CORPUS, 'allris4/laatzen/to010-1000073.html');
const ITEM: AgendaItemRecord = {
  type: 'AgendaItem', format: 1, system: 'allris4', systemVersion: null, sourceId: '1001065', url: 'https://ratsinfo.laatzen.de/public/to020?TOLFDNR=1001065',
  number: '4', public: true, name: 'Bildungscampus Laatzen - Stellungnahme der Verwaltung', meetingSourceId: '1000073', meetingName: 'Sitzung des Schulausschusses',
  organization: 'Schulausschuss', date: '2026-09-01', paperReference: '2026/245/1', paperSourceId: '1000285', result: 'zur Kenntnis genommen', resultCode: 'noted', text: [],
  files: [{ name: 'Niederschriftsauszug', url: 'https://ratsinfo.laatzen.de/public/wicket/resource/org.apache.wicket.Application/doc1009999.pdf' }],
};

describe.each([
  ['the agenda first, then the item\'s page', true],
  ['the item\'s page first, then the agenda', false],
])('%s', (_name, agendaFirst) => {
  const tmp = makeTmpDir();
  afterAll(() => tmp.cleanup());

  test('the motion keeps the row\'s role and lists the documents of both; its result is what the reading last says', () => {
    const { sqlite, close } = openDb(path.join(tmp.dir, 'db.sqlite'));
    try {
      const agenda = (day: string) => importSavedPages(sqlite, [AGENDA], { now: `${day}T08:00:00Z`, today: day });
      const item = (day: string) => importRecords(sqlite, { key: 'laatzen', name: 'Laatzen' }, [ITEM], `${day}T08:00:00Z`);
      if (agendaFirst) {
        agenda('2026-08-20');
        item('2026-08-21');
      } else {
        item('2026-08-20');
        agenda('2026-08-21');
      }
      const paper = sqlite.prepare("SELECT id FROM papers WHERE reference = '2026/245/1'").pluck().get() as number;
      expect(sqlite.prepare('SELECT name FROM files WHERE paper_id = ? ORDER BY position').pluck().all(paper)).toEqual(['Sammeldokument öffentlich', 'Niederschriftsauszug']);
      expect(sqlite.prepare('SELECT c.role, c.role_code AS code FROM consultations c WHERE c.paper_id = ?').all(paper)).toEqual([{ role: 'Kenntnisnahme', code: 'notice' }]);
      const result = sqlite.prepare('SELECT cm.result FROM consultations c JOIN consultation_meetings cm ON cm.consultation_id = c.id WHERE c.paper_id = ?').pluck().get(paper);
      // the page read last says it; the agenda row of this meeting shows no result
      expect(result).toBe(agendaFirst ? 'zur Kenntnis genommen' : null);
    } finally {
      close();
    }
  });
});

/**
 * A motion known only from an agenda whose own page is read later: ratsradar learns more, the motion did not
 * change — no change events beyond its "new" (Laatzen 2026/245: the Schulausschuss agenda, then its vo020 page;
 * before, its own page wrote 14 events, six "station_added" among them).
 */
test('a motion\'s own page read after the agenda that named it writes no change events', () => {
  const tmp = makeTmpDir();
  const { sqlite, close } = openDb(path.join(tmp.dir, 'db.sqlite'));
  try {
    importSavedPages(sqlite, [AGENDA], { now: '2026-08-20T08:00:00Z', today: '2026-08-20' });
    importSavedPages(sqlite, [path.join(CORPUS, 'allris4/laatzen/vo020-1000238.html')], { now: '2026-08-21T08:00:00Z', today: '2026-08-21' });
    const kinds = sqlite.prepare("SELECT e.kind FROM paper_events e JOIN papers p ON p.id = e.paper_id WHERE p.reference = '2026/245' ORDER BY e.id").pluck().all();
    expect(kinds).toEqual(['new']);
    expect(sqlite.prepare("SELECT COUNT(*) FROM consultations c JOIN papers p ON p.id = c.paper_id WHERE p.reference = '2026/245'").pluck().get()).toBe(6);
  } finally {
    close();
    tmp.cleanup();
  }
});
