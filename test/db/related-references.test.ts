/**
 * paper_related_references (migrations 0004, 0005): the triggers keep one row per Bezug of every
 * paper, through inserts, updates and deletes, and the motion page's case candidates find the papers
 * naming a reference through it — ASCII case-insensitively, as the LIKE over the JSON did before.
 */
import { openDb, type OpenedDb } from '../../src/db/connection';
import { importPapers } from '../../src/db/import';
import { loadCaseCandidates } from '../../src/db/queries-paper-page';
import { paper } from '../helpers/records';

const NOW = '2026-10-01T08:00:00Z';

describe('paper_related_references', () => {
  let db: OpenedDb;
  beforeEach(() => {
    db = openDb(':memory:');
  });
  afterEach(() => db.close());

  const rows = () =>
    db.sqlite.prepare('SELECT paper_id AS paperId, source_id AS sourceId, reference_key AS ref FROM paper_related_references ORDER BY paper_id, ref').all();
  const idOf = (reference: string) => db.sqlite.prepare('SELECT id FROM papers WHERE reference = ?').pluck().get(reference) as number;

  test('rows follow inserts, updates and deletes of papers', () => {
    const src = { key: 'a', name: 'A' };
    importPapers(db.sqlite, src, [
      paper({ sourceId: '1', reference: 'DS/2026/0001' }),
      paper({ sourceId: '2', reference: 'DS/2026/0002', relatedReferences: ['DS/2026/0001', 'VII-A-00777-ÄA-01'] }),
    ], NOW);
    const sourceId = db.sqlite.prepare("SELECT id FROM sources WHERE key = 'a'").pluck().get();
    const second = idOf('DS/2026/0002');
    expect(rows()).toEqual([
      { paperId: second, sourceId, ref: 'ds/2026/0001' },
      { paperId: second, sourceId, ref: 'vii-a-00777-Äa-01' }, // lower() folds ASCII only, as LIKE compares
    ]);

    importPapers(db.sqlite, src, [paper({ sourceId: '2', reference: 'DS/2026/0002', relatedReferences: ['DS/2025/0456'] })], NOW);
    expect(rows()).toEqual([{ paperId: second, sourceId, ref: 'ds/2025/0456' }]);

    importPapers(db.sqlite, src, [paper({ sourceId: '2', reference: 'DS/2026/0002', relatedReferences: [] })], NOW);
    expect(rows()).toEqual([]);

    importPapers(db.sqlite, src, [paper({ sourceId: '2', reference: 'DS/2026/0002', relatedReferences: ['DS/2026/0001'] })], NOW);
    db.sqlite.prepare('DELETE FROM papers WHERE id = ?').run(second);
    expect(rows()).toEqual([]);
  });

  test('the case candidates of a paper include the papers naming it, in its source only, case-insensitively', () => {
    importPapers(db.sqlite, { key: 'a', name: 'A' }, [
      paper({ sourceId: '1', reference: 'VO/2026/117' }),
      paper({ sourceId: '2', reference: 'DS/2026/0005', relatedReferences: ['vo/2026/117'] }),
      paper({ sourceId: '3', reference: 'DS/2026/0006', relatedReferences: ['VO/2026/1170'] }),
    ], NOW);
    importPapers(db.sqlite, { key: 'b', name: 'B' }, [paper({ sourceId: '9', reference: 'X-1', relatedReferences: ['VO/2026/117'] })], NOW);
    const self = idOf('VO/2026/117');
    const found = loadCaseCandidates(db.sqlite, self, 'VO/2026/117', 'VO/2026/117', []);
    // itself (by its stem), and the paper naming it in other case; not "VO/2026/1170", nor source b's paper
    expect(found.map((c) => c.reference).sort()).toEqual(['DS/2026/0005', 'VO/2026/117']);
    expect(found.find((c) => c.reference === 'DS/2026/0005')?.relatedReferences).toEqual(['vo/2026/117']);
  });
});
