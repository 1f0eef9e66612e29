/**
 * "Neues Dokument zur Sitzung": a meeting whose own page was read before and now lists a document it did
 * not (an Einladung, a Niederschrift) is news for every motion on its agenda or with a Beratungsfolge row at
 * it — in their feeds and alerts (paper_events). A first read of the page (the meeting new, or known only
 * from a calendar row) only tells ratsradar more, and a meeting more than 180 days back is history. The
 * corpus's real Hamburg-Nord Bezirksversammlung of 11.12.2025 (to010-1003143: Bekanntmachung, Bekanntmachung
 * Nachtrag, Niederschrift öffent. Teil; 24 motions on its agenda), read earlier as its record without the
 * Niederschrift; a real SQLite file, the real import and app.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import request from 'supertest';
import type { MeetingListRecord, MeetingRecord } from '../../scrapers/records';
import { openDb } from '../../src/db/connection';
import { importRecords } from '../../src/db/import';
import { importSavedPages } from '../../src/ingest/saved-pages';
import { createApp } from '../../src/server/app';
import { paper } from '../helpers/records';
import { CORPUS, makeTmpDir } from '../helpers/tmp';

const PAGE = path.join(CORPUS, 'allris3', 'hamburg-nord', 'to010-1003143.html');
const RECORD = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'expected', 'allris3', 'hamburg-nord', 'to010-1003143.json'), 'utf8')) as MeetingRecord;
const SRC = { key: 'hamburg-nord', name: 'Hamburg-Nord' };
const NIEDERSCHRIFT = 'Niederschrift öffent. Teil';
/** the page as it read before its Niederschrift was published */
const EARLIER: MeetingRecord = { ...RECORD, files: RECORD.files!.filter((f) => f.name !== NIEDERSCHRIFT) };
const CALENDAR: MeetingListRecord = {
  type: 'MeetingList', format: 1, system: 'allris3', systemVersion: '3.9.5', sourceId: null,
  url: 'https://sitzungsdienst-hamburg-nord.hamburg.de/bi/si010_e.asp?MM=12&YY=2025',
  meetings: [{ sourceId: '1003143', name: 'Sitzung der Bezirksversammlung', date: '2025-12-11', start: '18:00', end: null, room: null }],
};
/** the motions on its agenda, known before from their own pages (here: records of their number and title) */
const AGENDA_PAPERS = RECORD.agendaItem.filter((a) => a.paperSourceId).map((a) => paper({
  sourceId: a.paperSourceId!, url: `https://sitzungsdienst-hamburg-nord.hamburg.de/bi/vo020.asp?VOLFDNR=${a.paperSourceId}`,
  reference: a.paperReference!, name: a.name, originator: [], date: '2025-11-20',
}));
type Db = ReturnType<typeof openDb>;
const readPage = (db: Db, day: string) => importSavedPages(db.sqlite, [PAGE], { now: `${day}T09:00:00Z`, today: day, source: SRC.key });
const documentEvents = (db: Db) => (db.sqlite.prepare(
  "SELECT paper_id AS paperId, committee, happened_on AS happenedOn, payload FROM paper_events WHERE kind = 'meeting_document' ORDER BY id",
).all() as { paperId: number; committee: string | null; happenedOn: string | null; payload: string }[]).map((e) => ({ ...e, payload: JSON.parse(e.payload) as unknown }));
const linkedPapers = (db: Db) => (db.sqlite.prepare('SELECT COUNT(DISTINCT paper_id) AS n FROM agenda_items WHERE paper_id IS NOT NULL').get() as { n: number }).n;

describe('a meeting\'s new document announced to its motions', () => {
  const tmp = makeTmpDir();
  afterAll(() => tmp.cleanup());

  test('the page read before without the Niederschrift, then with it: each motion on the agenda gets one event, once', async () => {
    expect(RECORD.files!.map((f) => f.name)).toEqual(['Bekanntmachung', 'Bekanntmachung Nachtrag', NIEDERSCHRIFT]);
    const db = openDb(path.join(tmp.dir, 'published.sqlite'));
    try {
      importRecords(db.sqlite, SRC, [EARLIER], '2025-12-05T09:00:00Z');
      expect(documentEvents(db)).toEqual([]);
      const papers = linkedPapers(db);
      expect(papers).toBe(24);

      expect(readPage(db, '2026-01-12').failed).toBe(0);
      const events = documentEvents(db);
      expect(events).toHaveLength(papers);
      expect(new Set(events.map((e) => e.paperId)).size).toBe(papers);
      for (const e of events) {
        expect(e).toMatchObject({ committee: 'Bezirksversammlung', happenedOn: '2025-12-11', payload: { date: '2025-12-11', file: NIEDERSCHRIFT } });
      }
      // the same page read again, or the earlier documents: nothing new
      readPage(db, '2026-01-13');
      expect(documentEvents(db)).toHaveLength(papers);

      // the motion's feed says it
      const app = createApp(db.sqlite, { today: () => '2026-01-13' });
      const feed = cheerio.load((await request(app).get(`/papers/${events[0].paperId}/feed.atom`).expect(200)).text, { xml: true });
      expect(feed('entry > title').toArray().map((t) => feed(t).text())).toContain(
        'Neues Dokument zur Sitzung: Niederschrift öffent. Teil (Bezirksversammlung am 11.12.2025)',
      );
      // a feed of many motions (the city's) says it once, for all 24 motions
      const city = cheerio.load((await request(app).get('/feed.atom?thema=alle&stadt=hamburg-nord').expect(200)).text, { xml: true });
      const entries = city('entry').toArray().filter((e) => city(e).find('title').text().includes('Neues Dokument zur Sitzung'));
      expect(entries.map((e) => city(e).find('title').text())).toEqual([
        'Neues Dokument zur Sitzung: Niederschrift öffent. Teil (Bezirksversammlung am 11.12.2025) – 24 Vorlagen',
      ]);
      expect(city(entries[0]).find('summary').text()).toMatch(/^Neues Dokument zur Sitzung: Niederschrift öffent\. Teil \(Bezirksversammlung am 11\.12\.2025\)\. Betrifft 24 Vorlagen: (?:[^,]+, ){9}[^,]+ und 14 weitere\. Hamburg-Nord\.$/);
      expect(city(entries[0]).find('id').text()).toMatch(/^tag:ratsradar,2026:meeting-event\/[0-9a-f]{40}$/);
    } finally {
      db.close();
    }
  });

  test('a meeting known only from its calendar row whose page is read for the first time: ratsradar learns more, no news', () => {
    const db = openDb(path.join(tmp.dir, 'calendar.sqlite'));
    try {
      importRecords(db.sqlite, SRC, [CALENDAR, ...AGENDA_PAPERS], '2025-12-01T09:00:00Z');
      expect(new Set(AGENDA_PAPERS.map((p) => p.sourceId)).size).toBe(24);
      expect(readPage(db, '2025-12-20').failed).toBe(0);
      expect(linkedPapers(db)).toBe(24);
      expect(documentEvents(db)).toEqual([]);
    } finally {
      db.close();
    }
  });

  test('ALLRIS 4 makes the documents\' addresses anew (doc-IDs instabil): the same names are the same documents, only the new one is news', () => {
    const page = path.join(CORPUS, 'allris4', 'taunusstein', 'to010-4021.html');
    const record = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'expected', 'allris4', 'taunusstein', 'to010-4021.json'), 'utf8')) as MeetingRecord;
    // read before (another page version: other doc ids), without "Niederschrift öffentlich"
    const earlier: MeetingRecord = {
      ...record,
      files: record.files!.filter((f) => f.name !== 'Niederschrift öffentlich').map((f) => ({ ...f, url: f.url!.replace(/doc(\d+)\.pdf$/, (_, id: string) => `doc${Number(id) + 7}.pdf`) })),
    };
    expect(earlier.files!.map((f) => f.url)).not.toContain(record.files![0].url);
    const db = openDb(path.join(tmp.dir, 'allris4.sqlite'));
    const src = { key: 'taunusstein', name: 'Taunusstein' };
    try {
      importRecords(db.sqlite, src, [earlier], '2017-04-06T09:00:00Z');
      expect(linkedPapers(db)).toBe(3);
      expect(importSavedPages(db.sqlite, [page], { now: '2017-04-20T09:00:00Z', today: '2017-04-20', source: src.key }).failed).toBe(0);
      const events = documentEvents(db);
      expect(events.map((e) => e.payload)).toEqual(Array(3).fill({ date: '2017-04-05', file: 'Niederschrift öffentlich' }));
      expect(events.map((e) => e.committee)).toEqual(Array(3).fill('Ortsbeirat Bleidenstadt'));
    } finally {
      db.close();
    }
  });

  test('minutes published months after their meeting are news; a document of a meeting more than 180 days back is history', () => {
    const late = openDb(path.join(tmp.dir, 'late.sqlite'));
    try {
      importRecords(late.sqlite, SRC, [EARLIER], '2025-12-05T09:00:00Z');
      // 100 days after the meeting (past the 60 days of other events: minutes wait for the next meeting's approval)
      readPage(late, '2026-03-21');
      expect(documentEvents(late)).toHaveLength(24);
    } finally {
      late.close();
    }
    const db = openDb(path.join(tmp.dir, 'history.sqlite'));
    try {
      importRecords(db.sqlite, SRC, [EARLIER], '2025-12-05T09:00:00Z');
      readPage(db, '2026-06-10');
      expect(documentEvents(db)).toEqual([]);
    } finally {
      db.close();
    }
  });
});
