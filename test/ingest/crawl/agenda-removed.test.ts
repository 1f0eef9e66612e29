/**
 * An agenda item taken off a meeting's agenda goes when the meeting's page is read again (agenda-removal.ts):
 * Hamburg-Nord's Regionalausschuss of 03.11.2025 (to010 SILFDNR=1003201, 25 items), crawled on 20.10.2025, then
 * served without its items 6.1.7 and 6.1.8 (Drucksachen 22-1486 and 22-1517; the page is made in the test from
 * the corpus page, without those two rows). Before, the removed items stayed on the meeting for good. Served
 * whole again, the items come back.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDb } from '../../../src/db/connection';
import { createApp } from '../../../src/server/app';
import { crawlCorpus } from '../../helpers/crawl';
import { useCorpusReplay } from '../../helpers/replay';
import { CORPUS, makeTmpDir } from '../../helpers/tmp';
import request from 'supertest';
import { formatReport } from '../../../src/ingest/crawl/report';
import { ratsradarSrc } from '../../helpers/cli-src';

const MEETING = 'https://sitzungsdienst-hamburg-nord.hamburg.de/bi/to010.asp?SILFDNR=1003201';
const whole = fs.readFileSync(path.join(CORPUS, 'allris3/hamburg-nord/to010-1003201.html'));
const text = whole.toString('latin1');
/** the row of an item (TOP link with its TOLFDNR) starts here */
const rowOf = (tolfdnr: string) => text.search(new RegExp(`<tr class="zl1\\d">\\s*<td class="text4" nowrap="nowrap"><a href="to010\\.asp\\?SILFDNR=1003201&TOLFDNR=${tolfdnr}&`));
/** items 6.1.7 (TOLFDNR 1038288) and 6.1.8 (1038394) cut out, up to the row of item 7 (1038124) */
const without = Buffer.from(text.slice(0, rowOf('1038288')) + text.slice(rowOf('1038124')), 'latin1');

describe('an item taken off the agenda goes from the meeting', () => {
  const tmp = makeTmpDir();
  const dir = path.join(tmp.dir, 'crawl');
  const replay = useCorpusReplay();
  let sqlite: ReturnType<typeof openDb>['sqlite'];
  let close: () => void;

  const crawlAt = (now: string) =>
    crawlCorpus(sqlite, dir, 'hamburg-nord', replay.via, { seeds: [MEETING], full: true, since: '2025-11-01', until: '2025-11-05', today: now.slice(0, 10), now: () => now });
  const items = () => sqlite.prepare(
    `SELECT a.external_id FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id WHERE m.external_id = '1003201' ORDER BY a.position`,
  ).pluck().all() as string[];
  const itemFacets = (tolfdnr: string) => sqlite.prepare("SELECT facet FROM records WHERE kind = 'AgendaItem' AND entity_key = ? ORDER BY facet").pluck().all(tolfdnr);
  const removedMark = (tolfdnr: string) => sqlite.prepare("SELECT json_extract(record, '$.removed') FROM records WHERE kind = 'AgendaItem' AND entity_key = ? AND facet = 'entry'").pluck().get(tolfdnr);
  const stationsOf = (reference: string) => sqlite.prepare(
    `SELECT c.organization, cm.date FROM papers p JOIN consultations c ON c.paper_id = p.id JOIN consultation_meetings cm ON cm.consultation_id = c.id
     WHERE p.reference = ? ORDER BY c.position, cm.position`,
  ).all(reference);
  const events = (kind: string) => sqlite.prepare(
    'SELECT p.reference, e.happened_on AS day, e.committee FROM paper_events e JOIN papers p ON p.id = e.paper_id WHERE e.kind = ? ORDER BY p.reference',
  ).all(kind);

  beforeAll(() => {
    ({ sqlite, close } = openDb(path.join(tmp.dir, 'db.sqlite')));
  });
  afterAll(() => {
    close();
    tmp.cleanup();
  });

  test('the test page lacks exactly the two rows', () => {
    expect(rowOf('1038288')).toBeGreaterThan(0);
    expect(rowOf('1038124')).toBeGreaterThan(rowOf('1038288'));
    expect(without.toString('latin1')).not.toContain('TOLFDNR=1038288');
    expect(without.toString('latin1')).not.toContain('TOLFDNR=1038394');
    expect(without.toString('latin1')).toContain('TOLFDNR=1038124');
  });

  test('crawled whole: 25 items, the two papers with their station at the meeting', async () => {
    await crawlAt('2025-10-20T08:00:00.000Z');
    expect(items()).toHaveLength(25);
    expect(items()).toEqual(expect.arrayContaining(['1038288', '1038394']));
    expect(stationsOf('22-1486')).toEqual([{ organization: 'Regionalausschuss Langenhorn-Fuhlsbüttel-Ohlsdorf-Alsterdorf-Groß Borstel', date: '2025-11-03' }]);
  });

  test('served without them: 23 items, the two gone (their entries marked), their papers without the station, "von der Tagesordnung genommen"', async () => {
    replay.server.setPage(MEETING, without);
    const report = await crawlAt('2025-10-21T08:00:00.000Z');
    expect(report.failures.filter((f) => f.url === MEETING)).toEqual([]);
    expect(formatReport(report)).toContain("agenda items removed: 2 (no longer on their meeting's page)");
    const after = items();
    expect(after).toHaveLength(23);
    expect(after).not.toContain('1038288');
    expect(after).not.toContain('1038394');
    // their agenda entries stay, marked removed (a page listing them again replaces the mark)
    expect(itemFacets('1038288')).toEqual(['entry']);
    expect(removedMark('1038288')).toBe(1);
    expect(removedMark('1038394')).toBe(1);
    // known from that agenda only: still known (reference, name), no longer at the meeting
    expect(stationsOf('22-1486')).toEqual([]);
    expect(stationsOf('22-1517')).toEqual([]);
    const paper = sqlite.prepare("SELECT name, derived_on IS NOT NULL AS derived FROM papers WHERE reference = '22-1486'").get() as { name: string; derived: number };
    expect(paper.name).toMatch(/^Hummelsbütteler Landstraße 70/);
    expect(events('off_agenda')).toEqual([
      { reference: '22-1486', day: '2025-11-03', committee: 'Regionalausschuss Langenhorn-Fuhlsbüttel-Ohlsdorf-Alsterdorf-Groß Borstel' },
      { reference: '22-1517', day: '2025-11-03', committee: 'Regionalausschuss Langenhorn-Fuhlsbüttel-Ohlsdorf-Alsterdorf-Groß Borstel' },
    ]);
    // the other items of the meeting and their papers as before
    expect(stationsOf('22-1485')).toEqual([{ organization: 'Regionalausschuss Langenhorn-Fuhlsbüttel-Ohlsdorf-Alsterdorf-Groß Borstel', date: '2025-11-03' }]);

    // the meeting page no longer lists them
    const meetingId = sqlite.prepare("SELECT id FROM meetings WHERE external_id = '1003201'").pluck().get() as number;
    const app = createApp(sqlite, { today: () => '2025-10-21' });
    const page = await request(app).get(`/meetings/${meetingId}`).expect(200);
    expect(page.text).toContain('22-1485');
    expect(page.text).not.toContain('22-1486');
    expect(page.text).not.toContain('22-1517');
  });

  test('served whole again: the items and the stations are back', async () => {
    replay.server.setPage(MEETING, whole);
    await crawlAt('2025-10-22T08:00:00.000Z');
    expect(items()).toHaveLength(25);
    expect(itemFacets('1038288')).toEqual(['entry']);
    expect(removedMark('1038288')).toBeNull();
    expect(stationsOf('22-1486')).toEqual([{ organization: 'Regionalausschuss Langenhorn-Fuhlsbüttel-Ohlsdorf-Alsterdorf-Groß Borstel', date: '2025-11-03' }]);
  });
});

describe('ratsradar import of the page without the two items', () => {
  const tmp = makeTmpDir();
  afterAll(() => tmp.cleanup());

  test('says it removed them, and the meeting has 23 items', () => {
    const db = path.join(tmp.dir, 'db.sqlite');
    const manifest = path.join(tmp.dir, 'manifest.json');
    const put = (name: string, bytes: Buffer) => {
      const file = path.join(tmp.dir, name, 'hamburg-nord', 'to010-1003201.html');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, bytes);
      return file;
    };
    const good = put('good', whole);
    const cut = put('cut', without);
    fs.writeFileSync(manifest, JSON.stringify({ pages: [{ url: MEETING, file: good }, { url: MEETING, file: cut }] }));
    expect(ratsradarSrc(['import', good, '--db', db, '--manifest', manifest]).code).toBe(0);
    const second = ratsradarSrc(['import', cut, '--db', db, '--manifest', manifest]);
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(`${cut}: updated: `);
    expect(second.stdout).toContain('; 2 agenda items it no longer lists removed)');
    const { sqlite, close } = openDb(db);
    try {
      expect(sqlite.prepare("SELECT COUNT(*) FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id WHERE m.external_id = '1003201'").pluck().get()).toBe(23);
    } finally {
      close();
    }
  });
});
