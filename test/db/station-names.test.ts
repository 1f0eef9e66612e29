/**
 * OParl names a station's committee by the URL of its Organization only: the station takes that
 * Organization's name once the import has it, whichever comes first, and keeps what the source said in
 * its record (importing the paper again changes nothing). The papers are Braunschweig's real OParl list
 * page of the corpus (four papers, nine stations, committees gr/1, gr/3, gr/37, gr/1121 and gr/1123);
 * the Organizations are hand-made OParl objects with those ids (the corpus has none of Braunschweig's),
 * read by the same parser. A meeting finds its committee by the Organization's URL as well (the spec
 * example's meeting of the corpus and the spec's own Organization example).
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDb } from '../../src/db/connection';
import { checkDatabase } from '../../src/db/check';
import { refreshDerived } from '../../src/db/derive';
import { importRecords } from '../../src/db/import';
import { relink } from '../../src/db/link';
import { committeeOfOrganization, loadQueueIds } from '../../src/db/queries-committee';
import { parsePage } from '../../scrapers/parse';
import type { RisRecord } from '../../scrapers/records';
import { CORPUS, makeTmpDir } from '../helpers/tmp';

const LIST = path.join(CORPUS, 'oparl/braunschweig/oparl1.1-paper-array-4papers.json');
const LIST_URL = 'https://www.ratsinfo.braunschweig.sitzung-online.de/oparl/papers?body=1';
const ORG = 'https://www.ratsinfo.braunschweig.sitzung-online.de/oparl/organizations/gr/';
const SOURCE = { key: 'braunschweig-oparl', name: 'Stadt Braunschweig (OParl)', system: 'oparl' };
const NOW = '2026-10-05T08:00:00Z';
const TODAY = '2026-10-05';

const papers = (): RisRecord => parsePage(fs.readFileSync(LIST), LIST_URL);
const organization = (id: number, name: string): RisRecord =>
  parsePage(Buffer.from(JSON.stringify({ id: `${ORG}${id}`, type: 'https://schema.oparl.org/1.1/Organization', name, organizationType: 'Gremium' })), `${ORG}${id}`);
const COMMITTEES: [number, string][] = [
  [1, 'Rat der Stadt Braunschweig'], [3, 'Verwaltungsausschuss'], [37, 'Stadtbezirksrat 112 Wabe-Schunter-Beberbach'],
  [1121, 'Planungs- und Umweltausschuss'], [1123, 'Ausschuss für Soziales und Gesundheit'],
];
const organizations = () => COMMITTEES.map(([id, name]) => organization(id, name));

type Db = ReturnType<typeof openDb>;
const stations = (db: Db) => db.sqlite.prepare(`SELECT p.reference, c.position, c.organization, c.organization_external_id AS id,
  (SELECT GROUP_CONCAT(DISTINCT COALESCE(cm.organization, '-')) FROM consultation_meetings cm WHERE cm.consultation_id = c.id) AS rowNames
  FROM consultations c JOIN papers p ON p.id = c.paper_id ORDER BY p.reference, c.position`).all() as
  { reference: string; position: number; organization: string | null; id: string | null; rowNames: string | null }[];
const names = (db: Db) => stations(db).map((s) => `${s.reference}/${s.position} ${s.organization ?? '?'}`);
const events = (db: Db) => db.sqlite.prepare('SELECT kind, committee FROM paper_events ORDER BY id').all() as { kind: string; committee: string | null }[];
const NAMED = [
  '26-29361/0 Ausschuss für Soziales und Gesundheit',
  '26-29428/0 Ausschuss für Soziales und Gesundheit',
  '26-29470/0 Verwaltungsausschuss', '26-29470/1 Rat der Stadt Braunschweig', '26-29470/2 Planungs- und Umweltausschuss',
  '26-29481/0 Stadtbezirksrat 112 Wabe-Schunter-Beberbach', '26-29481/1 Ausschuss für Soziales und Gesundheit',
  '26-29481/2 Verwaltungsausschuss', '26-29481/3 Rat der Stadt Braunschweig',
];

describe('stations named by their Organization’s id (OParl)', () => {
  const tmp = makeTmpDir();
  afterAll(() => tmp.cleanup());
  let n = 0;
  const fresh = () => openDb(path.join(tmp.dir, `names-${++n}.sqlite`));

  test('papers first: the stations are not named; the Organizations, imported later, name them, and the motions are derived again', () => {
    const db = fresh();
    try {
      importRecords(db.sqlite, SOURCE, [papers()], NOW);
      refreshDerived(db.sqlite, TODAY);
      expect(stations(db).map((s) => [s.organization, s.id])).toEqual(
        [1123, 1123, 3, 1, 1121, 37, 1123, 3, 1].map((id) => [null, `${ORG}${id}`]),
      );
      const before = db.sqlite.prepare("SELECT COUNT(*) FROM papers WHERE next_organization IS NOT NULL").pluck().get();
      expect(before).toBe(0);

      importRecords(db.sqlite, SOURCE, organizations(), NOW);
      expect(names(db)).toEqual(NAMED);
      // the meeting rows' copy of the name follows (every station here has none: no row to check) and the papers wait for deriving
      expect(db.sqlite.prepare('SELECT COUNT(*) FROM papers WHERE derived_on IS NULL').pluck().get()).toBe(4);
      refreshDerived(db.sqlite, TODAY);
      const next = db.sqlite.prepare('SELECT reference, next_organization FROM papers ORDER BY reference').all();
      expect(next).toEqual([
        { reference: '26-29361', next_organization: 'Ausschuss für Soziales und Gesundheit' },
        { reference: '26-29428', next_organization: 'Ausschuss für Soziales und Gesundheit' },
        { reference: '26-29470', next_organization: 'Verwaltungsausschuss' },
        { reference: '26-29481', next_organization: 'Stadtbezirksrat 112 Wabe-Schunter-Beberbach' },
      ]);
      // the committee's queue finds them
      const orgId = db.sqlite.prepare('SELECT id FROM organizations WHERE oparl_id = ?').pluck().get(`${ORG}1123`) as number;
      const committee = committeeOfOrganization(db.sqlite, orgId)!;
      const queue = loadQueueIds(db.sqlite, committee, 50);
      const refs = db.sqlite.prepare(`SELECT reference FROM papers WHERE id IN (${queue.ids.join(',')}) ORDER BY reference`).pluck().all();
      expect(refs).toEqual(['26-29361', '26-29428']);
      expect(checkDatabase(db.sqlite).problems).toEqual([]);
    } finally {
      db.close();
    }
  });

  test('the same paper again changes nothing: no write, no event; a renamed Organization renames its stations', () => {
    const db = fresh();
    try {
      importRecords(db.sqlite, SOURCE, [papers()], NOW);
      importRecords(db.sqlite, SOURCE, organizations(), NOW);
      const eventsBefore = events(db);
      expect(eventsBefore.map((e) => e.kind)).toEqual(['new', 'new', 'new', 'new']);
      const again = importRecords(db.sqlite, SOURCE, [papers()], '2026-10-06T08:00:00Z');
      expect(again.byKind.Paper).toEqual({ inserted: 0, updated: 0, unchanged: 4 });
      expect(events(db)).toEqual(eventsBefore);
      expect(names(db)).toEqual(NAMED);

      refreshDerived(db.sqlite, TODAY);
      importRecords(db.sqlite, SOURCE, [organization(1123, 'Ausschuss für Soziales, Gesundheit und Inklusion')], '2026-10-07T08:00:00Z');
      expect(stations(db).filter((s) => s.id === `${ORG}1123`).map((s) => s.organization)).toEqual(
        Array(3).fill('Ausschuss für Soziales, Gesundheit und Inklusion'),
      );
      expect(db.sqlite.prepare('SELECT reference FROM papers WHERE derived_on IS NULL ORDER BY reference').pluck().all())
        .toEqual(['26-29361', '26-29428', '26-29481']);
      expect(checkDatabase(db.sqlite).problems).toEqual([]);
    } finally {
      db.close();
    }
  });

  test('Organizations first: the stations are named when the papers are written; a changed paper is compared by those names', () => {
    const db = fresh();
    try {
      importRecords(db.sqlite, SOURCE, organizations(), NOW);
      importRecords(db.sqlite, SOURCE, [papers()], NOW);
      expect(names(db)).toEqual(NAMED);
      expect(events(db).map((e) => e.kind)).toEqual(['new', 'new', 'new', 'new']);
      // the same list with one paper's first station given a meeting row: only that row's event, no station "added" for a named one
      const list = papers() as Extract<RisRecord, { type: 'List' }>;
      const p = list.items.find((x) => x.type === 'Paper' && x.reference === '26-29470') as Extract<RisRecord, { type: 'Paper' }>;
      p.consultation[0].meetings.push({ date: '2026-10-20', name: null, meetingSourceId: null, agendaItemSourceId: null, result: null, resultCode: 'open' });
      importRecords(db.sqlite, SOURCE, [list], '2026-10-06T08:00:00Z');
      expect(events(db).slice(4)).toEqual([{ kind: 'date_set', committee: 'Verwaltungsausschuss' }]);
      const rows = stations(db).find((s) => s.reference === '26-29470' && s.position === 0)!;
      expect(rows.rowNames).toBe('Verwaltungsausschuss');
      expect(checkDatabase(db.sqlite).problems).toEqual([]);
    } finally {
      db.close();
    }
  });

  test('relinking the whole source names what the incremental import named', () => {
    const db = fresh();
    try {
      importRecords(db.sqlite, SOURCE, [papers()], NOW);
      importRecords(db.sqlite, SOURCE, organizations(), NOW);
      db.sqlite.prepare('UPDATE consultations SET organization = NULL').run();
      expect(names(db).every((s) => s.endsWith(' ?'))).toBe(true);
      const sourceId = db.sqlite.prepare('SELECT id FROM sources WHERE key = ?').pluck().get(SOURCE.key) as number;
      relink(db.sqlite, sourceId);
      expect(names(db)).toEqual(NAMED);
    } finally {
      db.close();
    }
  });

  test('an OParl meeting finds its committee by the Organization\'s URL, also one that is no ALLRIS committee (the OParl spec\'s examples)', () => {
    const db = fresh();
    const SPEC = { key: 'oparl-spec-example', name: 'OParl-Beispiel', system: 'oparl' };
    const read = (file: string) => parsePage(fs.readFileSync(file), null);
    try {
      // the corpus's synthetic meeting of the spec example names organization/34, the spec's Organization-01 is it
      importRecords(db.sqlite, SPEC, [read(path.join(CORPUS, 'oparl/oparl-spec-example/oparl1.1-synthetic-meeting-01.json'))], NOW);
      importRecords(db.sqlite, SPEC, [read(path.join(CORPUS, '..', 'oparl-spec', 'examples', 'Organization-01.json'))], NOW);
      const row = db.sqlite.prepare(`SELECT o.name, o.kind FROM meetings m JOIN organizations o ON o.id = m.organization_id`).get();
      // a committee by its classification "Ausschuss" (src/domain/organization-kind.ts)
      expect(row).toEqual({ name: 'Ausschuss für Haushalt und Finanzen', kind: 'committee' });
    } finally {
      db.close();
    }
  });

  test('a station whose Organization is not known keeps the name its record gives, or none', () => {
    const db = fresh();
    try {
      importRecords(db.sqlite, SOURCE, [organization(1, 'Rat der Stadt Braunschweig')], NOW);
      importRecords(db.sqlite, SOURCE, [papers()], NOW);
      expect(names(db).filter((s) => !s.endsWith(' ?'))).toEqual(['26-29470/1 Rat der Stadt Braunschweig', '26-29481/3 Rat der Stadt Braunschweig']);
    } finally {
      db.close();
    }
  });
});
