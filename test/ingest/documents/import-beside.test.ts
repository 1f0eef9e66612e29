/**
 * `ratsradar import` reads the PDFs that lie beside saved pages (matched by the link in the page), and
 * `ratsradar reparse --documents` reads the stored documents again without the network. The saved page is
 * the corpus's Hildesheim VO 8000, linked (not copied) into a test folder; the PDFs are made by pdfkit
 * (test/helpers/pdf-docs.ts) and written beside it: "373765.pdf" (the DOLFDNR of its "Vorlage" link) and
 * "vo020-8000_files/do027-373824.pdf" (its "Vorlage mit Anlagen", where a browser saves a page's files);
 * beside them the council meeting's page (to010-3712) and "433397.pdf", its Niederschrift ("NIE öffentl.").
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDb } from '../../../src/db/connection';
import { CORPUS_MANIFEST } from '../../helpers/replay';
import { ratsradarSrc } from '../../helpers/cli-src';
import { beschlussvorlagePdf, meetingDocumentPdf, scanPdf } from '../../helpers/pdf-docs';
import { CORPUS, makeTmpDir } from '../../helpers/tmp';
import { DOC_URLS } from '../../helpers/document-replay';

const NIEDERSCHRIFT = 'https://www.stadt-hildesheim.de/allris/do027.asp?DOLFDNR=433397&options=64';

describe('documents beside saved pages, and reparse --documents', () => {
  const tmp = makeTmpDir();
  const folder = path.join(tmp.dir, 'allris3', 'hildesheim');
  const dbFile = path.join(tmp.dir, 'db.sqlite');
  let imported: ReturnType<typeof ratsradarSrc>;
  beforeAll(async () => {
    fs.mkdirSync(path.join(folder, 'vo020-8000_files'), { recursive: true });
    fs.symlinkSync(path.join(CORPUS, 'allris3', 'hildesheim', 'vo020-8000.html'), path.join(folder, 'vo020-8000.html'));
    fs.symlinkSync(path.join(CORPUS, 'allris3', 'hildesheim', 'to010-3712.html'), path.join(folder, 'to010-3712.html'));
    fs.writeFileSync(path.join(folder, '433397.pdf'), await meetingDocumentPdf('NIE öffentl.', 'Rat der Stadt Hildesheim, 31.03.2025'));
    fs.writeFileSync(path.join(folder, '373765.pdf'), await beschlussvorlagePdf());
    fs.writeFileSync(path.join(folder, 'vo020-8000_files', 'do027-373824.pdf'), await scanPdf());
    fs.writeFileSync(path.join(folder, 'notizen.pdf'), await scanPdf());
    imported = ratsradarSrc(['import', folder, '--db', dbFile, '--manifest', CORPUS_MANIFEST]);
  }, 120_000);
  afterAll(() => tmp.cleanup());

  const states = () => {
    const { sqlite, close } = openDb(dbFile);
    try {
      return sqlite.prepare(`SELECT f.url, f.fetch_state AS state, d.status, d.page_count AS pages FROM files f LEFT JOIN documents d ON d.hash = f.content_hash
          WHERE f.url IS NOT NULL ORDER BY f.position`).all();
    } finally {
      close();
    }
  };

  const meetingStates = () => {
    const { sqlite, close } = openDb(dbFile);
    try {
      return sqlite.prepare(`SELECT f.name, f.fetch_state AS state, d.status, d.page_count AS pages FROM meeting_files f LEFT JOIN documents d ON d.hash = f.content_hash
          ORDER BY f.position`).all();
    } finally {
      close();
    }
  };

  test('import reads the PDFs a page links, and says which it read; an unmatched PDF is ignored', () => {
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const lines = imported.stdout.split('\n');
    expect(lines).toContain(`${path.join(folder, '373765.pdf')}: document of ${DOC_URLS.vorlage}: text read`);
    expect(lines).toContain(`${path.join(folder, 'vo020-8000_files', 'do027-373824.pdf')}: document of ${DOC_URLS.scan}: no text layer (no OCR)`);
    expect(lines).toContain(`${path.join(folder, 'notizen.pdf')}: ignored: not a saved page`);
    expect(states()).toEqual([
      { url: DOC_URLS.vorlage, state: 'fetched', status: 'ok', pages: 3 },
      { url: DOC_URLS.scan, state: 'fetched', status: 'no_text', pages: 2 },
    ]);
    // the meeting's Niederschrift; its Bekanntmachung has no PDF beside the page: not read (a crawl fetches it)
    expect(lines).toContain(`${path.join(folder, '433397.pdf')}: document of ${NIEDERSCHRIFT}: text read`);
    expect(meetingStates()).toEqual([
      { name: 'Bekanntmachung', state: null, status: null, pages: null },
      { name: 'NIE öffentl.', state: 'fetched', status: 'ok', pages: 2 },
    ]);
  });

  test('reparse --documents reads them again from the store, without the network', () => {
    const { sqlite, close } = openDb(dbFile);
    try {
      sqlite.prepare(`UPDATE document_pages SET search_text = ''`).run();
      sqlite.prepare(`UPDATE documents SET title = NULL, extractor = 'older'`).run();
    } finally {
      close();
    }
    const r = ratsradarSrc(['reparse', '--documents', '--db', dbFile]);
    expect([r.code, r.stderr, r.stdout]).toEqual([0, '', 'documents: 3 read again from the store: 2 with text, 1 without text layer, 0 unreadable\n']);
    const again = openDb(dbFile);
    try {
      expect(again.sqlite.prepare(`SELECT title, extractor FROM documents WHERE status = 'ok'`).get()).toEqual({ title: 'Beschlussvorlage Ernst-Ehrlicher-Park', extractor: 'pdf-parse@2' });
      expect(again.sqlite.prepare(`SELECT COUNT(*) FROM document_pages WHERE search_text LIKE '%Pilotbetrieb%' AND page = 2`).pluck().get()).toBe(1);
    } finally {
      again.close();
    }
  });

  test('a document missing from the store is named, and left as it was (exit 1); --documents with a page option is refused', () => {
    const store = path.join(tmp.dir, 'store', 'objects');
    const { sqlite, close } = openDb(dbFile);
    const hash = sqlite.prepare(`SELECT hash FROM documents WHERE status = 'no_text'`).pluck().get() as string;
    close();
    fs.rmSync(path.join(store, hash.slice(0, 2), hash));
    const r = ratsradarSrc(['reparse', '--documents', '--db', dbFile]);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')).toEqual([
      'documents: 2 read again from the store: 2 with text, 0 without text layer, 0 unreadable; 1 missing from the store',
      `  ${hash}: not in the store ${path.join(tmp.dir, 'store')}; left as it was`, '',
    ]);
    expect(states()[1]).toEqual({ url: DOC_URLS.scan, state: 'fetched', status: 'no_text', pages: 2 });
    const bad = ratsradarSrc(['reparse', '--documents', '--latest', '--db', dbFile]);
    expect([bad.code, bad.stdout, bad.stderr]).toEqual([2, '', 'ratsradar reparse: --documents reads every stored document again; it does not take --latest\n']);
  });
});
