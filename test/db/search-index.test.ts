import { openDb } from '../../src/db/connection';
import { importPapers } from '../../src/db/import';
import { foldGerman } from '../../src/db/search-index';
import { paper } from '../helpers/records';

describe('papers_fts', () => {
  test('folding', () => {
    expect(foldGerman('Straßenbeleuchtung für Bürger ÖPNV')).toBe('strassenbeleuchtung fuer buerger oepnv');
  });

  test('papers are indexed with every write; both spellings and prefixes are found', () => {
    const { sqlite, close } = openDb(':memory:');
    try {
      const res = importPapers(sqlite, { key: 'x', name: 'X' }, [
        paper({ sourceId: '1', reference: 'DS/2026/0001', name: 'Digitale Straßenbeleuchtung für Bürgerinnen' }),
        paper({ sourceId: '2', reference: 'DS/2026/0002', name: 'Haushalt 2027' }),
      ], '2026-11-24T00:00:00Z');
      const search = (q: string) => sqlite.prepare('SELECT rowid FROM papers_fts WHERE papers_fts MATCH ? ORDER BY rowid').pluck().all(q);
      const [first] = res.papers.map((p) => p.id);
      expect(search('(strassenbeleuchtung OR straßenbeleuchtung)')).toEqual([first]); // fts-query.ts asks both spellings
      expect(search('strassenbeleuchtung')).toEqual([]);
      expect(search('name:Straßenbeleuchtung')).toEqual([first]);
      expect(search('Burgerinnen')).toEqual([first]); // diacritics folded by unicode61
      expect(search('Bürgerinnen')).toEqual([first]);
      expect(search('digital*')).toEqual([first]);
      expect(search('"DS/2026/0002"')).toEqual([res.papers[1].id]);
      // a changed paper is re-indexed, not duplicated
      importPapers(sqlite, { key: 'x', name: 'X' }, [paper({ sourceId: '2', reference: 'DS/2026/0002', name: 'Haushalt 2028' })], '2026-11-25T00:00:00Z');
      expect(search('2027')).toEqual([]);
      expect(search('2028')).toEqual([res.papers[1].id]);
      expect(sqlite.prepare('SELECT COUNT(*) FROM papers_fts').pluck().get()).toBe(2);
    } finally {
      close();
    }
  });
});
