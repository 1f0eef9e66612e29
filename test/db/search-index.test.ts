import { openDb } from '../../src/db/connection';
import { importPapers } from '../../src/db/import';
import { checkDatabase } from '../../src/db/check';
import { addDocument } from '../helpers/documents';
import { paper } from '../helpers/records';

describe('papers_fts', () => {
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

describe('document pages in papers_fts (migration 0015 triggers)', () => {
  test('written, re-indexed and removed with document_pages; check names a page missing from the index', () => {
    const { sqlite, close } = openDb(':memory:');
    try {
      const res = importPapers(sqlite, { key: 'x', name: 'X' }, [paper({ sourceId: '1', reference: 'DS/2026/0001', name: 'Haushalt' })], '2026-11-24T00:00:00Z');
      const hash = addDocument(sqlite, { paperId: res.papers[0].id, name: 'Vorlage', pages: ['Erste Seite', 'Zweite Seite über Gehwegplatten'] });
      const docRows = () => sqlite.prepare("SELECT -rowid AS id, doc FROM papers_fts WHERE rowid < 0 AND papers_fts MATCH 'doc : gehwegplatten'").all();
      expect(docRows()).toEqual([{ id: expect.any(Number), doc: 'Zweite Seite über Gehwegplatten' }]);
      expect(checkDatabase(sqlite).problems).toEqual([]);
      sqlite.prepare("INSERT INTO document_pages (hash, page, text, search_text) VALUES (?, 2, 'neu', 'Pflastersteine') ON CONFLICT (hash, page) DO UPDATE SET search_text = excluded.search_text").run(hash);
      expect(docRows()).toEqual([]);
      expect(sqlite.prepare("SELECT COUNT(*) FROM papers_fts WHERE papers_fts MATCH 'pflastersteine'").pluck().get()).toBe(1);
      const id = sqlite.prepare('SELECT id FROM document_search_rows WHERE hash = ? AND page = 1').pluck().get(hash) as number;
      sqlite.prepare('DELETE FROM papers_fts WHERE rowid = ?').run(-id);
      expect(checkDatabase(sqlite).problems).toEqual(['search index: 1 document page(s) are not in the search index']);
      sqlite.prepare('DELETE FROM documents WHERE hash = ?').run(hash);
      expect(sqlite.prepare('SELECT COUNT(*) FROM papers_fts WHERE rowid < 0').pluck().get()).toBe(0);
      expect(checkDatabase(sqlite).problems).toEqual([]);
    } finally {
      close();
    }
  });
});
