/**
 * A motion known only from an agenda: what its agenda row says and what its agenda item's page (to020) says
 * both stay, in either order of reading. Taunusstein's DRS. 25/161: the Stadtverordnetenversammlung's to010
 * names it (row TOLFDNR 1026743), that item's to020 page offers its Niederschriftsauszug, Sammeldokument and an
 * attachment. Before, the appearance read last replaced the other (the page's documents, or the row's role).
 */
import path from 'node:path';
import type { AgendaItemRecord } from '../../scrapers/records';
import { openDb } from '../../src/db/connection';
import { importRecords } from '../../src/db/import';
import { importSavedPages } from '../../src/ingest/saved-pages';
import { CORPUS, makeTmpDir } from '../helpers/tmp';

const AGENDA = path.join(CORPUS, 'allris4/taunusstein/to010-4021.html');
const ITEM = path.join(CORPUS, 'allris4/taunusstein/to020-1026743.html');

describe.each([
  ['agenda first, then the item\'s page', [AGENDA, ITEM]],
  ['the item\'s page first, then the agenda', [ITEM, AGENDA]],
])('%s', (_name, order) => {
  const tmp = makeTmpDir();
  afterAll(() => tmp.cleanup());

  test('the motion has its station at the meeting and the three documents of the item\'s page', () => {
    const { sqlite, close } = openDb(path.join(tmp.dir, 'db.sqlite'));
    try {
      order.forEach((file, i) => importSavedPages(sqlite, [file], { now: `2026-10-0${i + 1}T08:00:00Z`, today: `2026-10-0${i + 1}` }));
      const paper = sqlite.prepare("SELECT id FROM papers WHERE reference = 'DRS. 25/161'").pluck().get() as number;
      expect(sqlite.prepare('SELECT name FROM files WHERE paper_id = ? ORDER BY position').pluck().all(paper))
        .toEqual(['Niederschriftsauszug', 'Sammeldokument', 'Haushaltsplanentwurf der Stadt Taunusstein 2026']);
      expect(sqlite.prepare('SELECT c.organization, cm.date FROM consultations c JOIN consultation_meetings cm ON cm.consultation_id = c.id WHERE c.paper_id = ?').all(paper))
        .toEqual([{ organization: 'Stadtverordnetenversammlung', date: '2025-12-11' }]);
    } finally {
      close();
    }
  });
});

/**
 * The role the agenda row states (Trier's "Zuständigkeit": Kenntnisnahme for 451/2026) stays when the item's own
 * page, which does not state it, is read later. The item's page here is a record written in the test (the corpus
 * holds no Trier to020 page), with what such a page says.
 */
test('the agenda row\'s role stays when the item\'s page is read after it', () => {
  const tmp = makeTmpDir();
  const { sqlite, close } = openDb(path.join(tmp.dir, 'db.sqlite'));
  try {
    importSavedPages(sqlite, [path.join(CORPUS, 'allris4/trier/to010-1000264.html')], { now: '2026-10-01T08:00:00Z', today: '2026-10-01' });
    const item: AgendaItemRecord = {
      type: 'AgendaItem', format: 1, system: 'allris4', systemVersion: null, sourceId: '1008692', url: 'https://ratsinfo.trier.de/public/to020?TOLFDNR=1008692',
      number: '18.1', public: true, name: 'Anfrage der FREIE WÄHLER-Fraktion im Stadtrat Trier: "Ausbaubeiträge"', meetingSourceId: '1000264', meetingName: null,
      organization: 'Stadtrat', date: '2026-10-21', paperReference: '451/2026', paperSourceId: '1001516', result: null, resultCode: 'open', text: [],
    };
    importRecords(sqlite, { key: 'trier', name: 'Trier' }, [item], '2026-10-02T08:00:00Z');
    expect(sqlite.prepare("SELECT c.role, c.role_code AS code FROM papers p JOIN consultations c ON c.paper_id = p.id WHERE p.reference = '451/2026'").all())
      .toEqual([{ role: 'Kenntnisnahme', code: 'notice' }]);
    expect(sqlite.prepare("SELECT f.name FROM papers p JOIN files f ON f.paper_id = p.id WHERE p.reference = '451/2026'").pluck().all()).toEqual(['Sammeldokument öffentlich']);
  } finally {
    close();
    tmp.cleanup();
  }
});
