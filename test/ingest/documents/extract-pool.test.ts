/**
 * The extraction pool over real PDFs (made by pdfkit, test/helpers/pdf-docs.ts): text per page, page count,
 * title, creation date; a scan, an encrypted and a broken file, a document over the time limit and one over
 * the heap cap each come back as their status — and the pool reads on after each of them.
 */
import { ExtractPool } from '../../../src/ingest/documents/extract-pool';
import { beschlussvorlagePdf, brokenPdf, drucksachePdf, encryptedPdf, longPdf, scanPdf } from '../../helpers/pdf-docs';

describe('the extraction pool', () => {
  const pool = new ExtractPool({ size: 2 });
  afterAll(() => pool.close());

  test('reads text per page, page count, title and creation date', async () => {
    const x = await pool.extract(await drucksachePdf());
    expect(x).toEqual({
      status: 'ok', error: null, pageCount: 1, title: 'Drucksache 22-2076', createdOn: '2026-06-11',
      pages: ['Drucksache 22-2076: Metrobuslinie 1\nDie Bezirksversammlung möge beschließen: Das Marion Dönhoff Gymnasium wird wieder mit\nregulären Bussen angebunden. Ein Fahrgastbeirat prüft die Taktung.'],
      searchPages: ['Drucksache 22-2076: Metrobuslinie 1 Die Bezirksversammlung möge beschließen: Das Marion Dönhoff Gymnasium wird wieder mit regulären Bussen angebunden. Ein Fahrgastbeirat prüft die Taktung.'],
    });
  });

  test('several documents at once, each with its own result', async () => {
    const [scan, encrypted, broken, vorlage] = await Promise.all([scanPdf(), encryptedPdf(), brokenPdf(), beschlussvorlagePdf()].map(async (p) => pool.extract(await p)));
    expect(scan).toMatchObject({ status: 'no_text', error: null, pageCount: 2, pages: ['', ''] });
    expect(encrypted).toEqual({ status: 'encrypted', error: 'No password given', pageCount: null, title: null, createdOn: null, pages: [], searchPages: [] });
    expect(broken).toMatchObject({ status: 'broken', error: 'Invalid PDF structure.', pageCount: null, pages: [] });
    expect(vorlage).toMatchObject({ status: 'ok', pageCount: 3, title: 'Beschlussvorlage Ernst-Ehrlicher-Park', createdOn: '2026-09-03' });
  });

  test('bytes that are no PDF at all are a broken document', async () => {
    expect(await pool.extract(Buffer.from('<html>Zu viele Zugriffe</html>'))).toMatchObject({ status: 'broken', pageCount: null });
  });

  test('a document over the time limit is given up, and the pool reads the next one', async () => {
    const slow = new ExtractPool({ size: 1, timeoutMs: 1 });
    try {
      expect(await slow.extract(await longPdf(40))).toMatchObject({ status: 'timeout', error: 'reading took longer than 1 ms', pages: [] });
    } finally {
      await slow.close();
    }
    expect((await pool.extract(await drucksachePdf())).status).toBe('ok');
  });

  test('a document that fills the capped heap is "too_large", and the worker is replaced', async () => {
    // 14 MB: enough for a page of text (measured: 12 MB is), not for 600 pages (measured: 16 MB is not)
    const small = new ExtractPool({ size: 1, maxHeapMb: 14, timeoutMs: 110_000 });
    try {
      expect((await small.extract(await drucksachePdf())).status).toBe('ok');
      expect(await small.extract(await longPdf(600))).toMatchObject({ status: 'too_large', error: 'the PDF needs more than 14 MB to read', pages: [] });
      // a fresh worker reads the next document
      expect((await small.extract(await drucksachePdf())).status).toBe('ok');
    } finally {
      await small.close();
    }
  }, 120_000);

  test('a closed pool answers, and does not hang', async () => {
    const closed = new ExtractPool({ size: 1 });
    await closed.close();
    expect(await closed.extract(await drucksachePdf())).toMatchObject({ status: 'broken', error: 'the extraction pool is closed' });
  });
});
