/**
 * Documents that cannot be had now, or are not to be had: a failed fetch is noted and tried again by the
 * next run (never lost); a document over the size limit is not fetched; what is not a PDF stays a link;
 * the documents of a motion (or a meeting) beyond the count limit stay links; --no-documents fetches none. Over real
 * HTTP against the replayed corpus with its PDFs (test/helpers/document-replay.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { openDb } from '../../../src/db/connection';
import { DOCUMENT_LIMITS } from '../../../src/ingest/documents/keep-document';
import type { ReplayServer } from '../../../src/ingest/replay/server';
import { crawlCorpus } from '../../helpers/crawl';
import { DOC_URLS, startDocumentReplay } from '../../helpers/document-replay';
import { corpusPages } from '../../helpers/replay';
import { makeTmpDir } from '../../helpers/tmp';

const seeds = corpusPages().filter((p) => p.source === 'hildesheim').map((p) => p.url);

function state(sqlite: Database.Database, url: string) {
  return sqlite.prepare('SELECT fetch_state AS state, fetch_attempts AS attempts, fetch_error AS error, content_hash IS NOT NULL AS kept FROM files WHERE url = ?').get(url);
}

function meetingState(sqlite: Database.Database, name: string) {
  return sqlite.prepare('SELECT fetch_state AS state, fetch_attempts AS attempts, fetch_error AS error, content_hash IS NOT NULL AS kept FROM meeting_files WHERE name = ?').get(name);
}

describe('document limits and failures', () => {
  const tmp = makeTmpDir();
  let server: ReplayServer;
  let via: string;
  let n = 0;
  /** a fresh database and store per test */
  const fresh = () => {
    const dir = path.join(tmp.dir, `t${++n}`);
    return { dir, db: openDb(path.join(dir, 'db.sqlite')) };
  };
  beforeAll(async () => {
    ({ server, via } = await startDocumentReplay(path.join(tmp.dir, 'pdf')));
  });
  afterEach(() => server.faults.clear());
  afterAll(async () => {
    await server.close();
    tmp.cleanup();
  });

  test('a document whose fetch failed is noted, and fetched by the next run', async () => {
    const { dir, db } = fresh();
    try {
      server.faults.add({ match: 'DOLFDNR=373765', fault: 'status', status: 503 });
      const first = await crawlCorpus(db.sqlite, dir, 'hildesheim', via, { seeds, now: () => '2026-09-20T08:00:00Z' });
      // the scan, and the council meeting's Bekanntmachung and Niederschrift (MEETING_DOC_URLS)
      expect(first.documents).toMatchObject({ fetched: 3, failed: 1 });
      expect(first.errors['document-http-5xx']).toBe(1);
      expect(state(db.sqlite, DOC_URLS.vorlage)).toEqual({ state: 'failed', attempts: 1, error: 'http-5xx: HTTP 503 after 4 tries', kept: 0 });
      server.faults.clear();
      // the next run, seeded with nothing: the failed document is planned all the same
      const from = server.requests.length;
      const second = await crawlCorpus(db.sqlite, dir, 'hildesheim', via, { today: '2026-09-21', now: () => '2026-09-21T08:00:00Z' });
      expect(server.requests.slice(from).filter((r) => /do027/i.test(r.url)).map((r) => r.status)).toEqual([200]);
      expect(second.documents).toMatchObject({ fetched: 1, extracted: 1, failed: 0 });
      expect(state(db.sqlite, DOC_URLS.vorlage)).toEqual({ state: 'fetched', attempts: 2, error: null, kept: 1 });
    } finally {
      db.close();
    }
  });

  test('a document over the size limit is not fetched, and not tried again as if it could be', async () => {
    const { dir, db } = fresh();
    const before = DOCUMENT_LIMITS.maxBytes;
    // the stated limit is 50 MB; here it is set between the sizes of the two test PDFs to be seen to work
    const sizes = ['vorlage.pdf', 'scan.pdf'].map((f) => fs.statSync(path.join(tmp.dir, 'pdf', f)).size);
    expect(sizes[0]).toBeGreaterThan(sizes[1]);
    DOCUMENT_LIMITS.maxBytes = sizes[1] + 1;
    try {
      const r = await crawlCorpus(db.sqlite, dir, 'hildesheim', via, { seeds, now: () => '2026-09-20T08:00:00Z' });
      // the scan and the meeting's two documents (one page each, smaller than the scan)
      expect(r.documents).toMatchObject({ fetched: 3, noText: 1, skipped: 1, failed: 0 });
      expect(state(db.sqlite, DOC_URLS.vorlage)).toMatchObject({ state: 'skipped', attempts: 1, kept: 0 });
      expect(String((state(db.sqlite, DOC_URLS.vorlage) as { error: string }).error)).toMatch(new RegExp(`^too-large: the answer .*limit of ${sizes[1] + 1} bytes`));
      expect(db.sqlite.prepare('SELECT d.status FROM documents d JOIN files f ON f.content_hash = d.hash').pluck().all()).toEqual(['no_text']);
      // the next run leaves it alone
      const from = server.requests.length;
      await crawlCorpus(db.sqlite, dir, 'hildesheim', via, { today: '2026-09-21', now: () => '2026-09-21T08:00:00Z' });
      expect(server.requests.slice(from).filter((q) => /do027/i.test(q.url))).toEqual([]);
    } finally {
      DOCUMENT_LIMITS.maxBytes = before;
      db.close();
    }
  });

  test('what is not a PDF stays a link; documents beyond the count per motion stay links', async () => {
    const { dir, db } = fresh();
    const before = DOCUMENT_LIMITS.maxPerPaper;
    DOCUMENT_LIMITS.maxPerPaper = 1;
    // a Word file where the Vorlage should be (bytes of a zip, as .docx are)
    server.setPage(DOC_URLS.vorlage, Buffer.from('PK\u0003\u0004 word/document.xml'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const from = server.requests.length;
    try {
      const r = await crawlCorpus(db.sqlite, dir, 'hildesheim', via, { seeds, now: () => '2026-09-20T08:00:00Z' });
      // the meeting's first document is fetched; its second is over the limit too
      expect(r.documents).toMatchObject({ fetched: 1, skipped: 1, failed: 0 });
      expect(state(db.sqlite, DOC_URLS.vorlage)).toEqual({
        state: 'skipped', attempts: 1, kept: 0, error: 'not a PDF (application/vnd.openxmlformats-officedocument.wordprocessingml.document): kept as a link',
      });
      expect(state(db.sqlite, DOC_URLS.scan)).toEqual({ state: 'skipped', attempts: 0, kept: 0, error: 'over the limit of 1 documents per motion' });
      expect(meetingState(db.sqlite, 'NIE öffentl.')).toEqual({ state: 'skipped', attempts: 0, kept: 0, error: 'over the limit of 1 documents per meeting' });
      expect(meetingState(db.sqlite, 'Bekanntmachung')).toMatchObject({ state: 'fetched', attempts: 1, kept: 1 });
      expect(server.requests.slice(from).filter((q) => q.url.includes('DOLFDNR=373824')).length).toBe(0);
    } finally {
      DOCUMENT_LIMITS.maxPerPaper = before;
      server.removePage(DOC_URLS.vorlage);
      db.close();
    }
  });

  test('--no-documents fetches no document', async () => {
    const { dir, db } = fresh();
    try {
      const from = server.requests.length;
      const r = await crawlCorpus(db.sqlite, dir, 'hildesheim', via, { seeds, documents: false, now: () => '2026-09-20T08:00:00Z' });
      expect(server.requests.slice(from).filter((q) => /do027/i.test(q.url))).toEqual([]);
      expect(r.documents).toEqual({ fetched: 0, unchanged: 0, extracted: 0, noText: 0, unreadable: 0, failed: 0, skipped: 0 });
      expect(state(db.sqlite, DOC_URLS.vorlage)).toEqual({ state: null, attempts: 0, error: null, kept: 0 });
    } finally {
      db.close();
    }
  });
});
