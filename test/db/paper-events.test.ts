/**
 * Change events in the import path (src/db/write-events.ts via import.ts), on a real SQLite file: a first
 * import is one "new" per motion, a re-import writes nothing, a change writes its events in the import's
 * transaction (and nothing when the import fails), a coming meeting's agenda is "on the agenda", the demo
 * moved to a new week moves its events instead of writing any.
 */
import path from 'node:path';
import type { MeetingRecord, PaperRecord } from '../../scrapers/records';
import { openDb, type OpenedDb } from '../../src/db/connection';
import { importRecords } from '../../src/db/import';
import { loadEvents } from '../../src/db/queries-events';
import { eventSentence } from '../../src/domain/event-text';
import { loadDemo, reloadDemoIfShifted } from '../../src/ingest/demo';
import { paper, station } from '../helpers/records';
import { makeTmpDir } from '../helpers/tmp';

const CITY = { key: 'testcity', name: 'Teststadt' };
const row = (date: string | null, meetingSourceId: string | null, resultCode: 'open' | 'adopted' = 'open', agendaItemSourceId: string | null = null) =>
  ({ date, name: null, meetingSourceId, agendaItemSourceId, result: resultCode === 'adopted' ? 'beschlossen' : null, resultCode });

function motion(n: number, over: Partial<PaperRecord> = {}): PaperRecord {
  return paper({
    sourceId: String(100 + n), url: `https://ris.example/bi/vo020.asp?VOLFDNR=${100 + n}`, reference: `DS/2026/000${n}`, name: `Antrag ${n}`,
    date: '2026-11-02', originator: ['SPD-Fraktion'],
    consultation: [{ ...station('Hauptausschuss', 'Vorberatung', [row('2026-11-20', '501')]), roleCode: 'preliminary' }, { ...station('Rat', 'Entscheidung'), roleCode: 'decision' }],
    files: [{ name: 'Vorlage', url: `https://ris.example/doc/${n}.pdf` }],
    ...over,
  });
}

function meeting(sourceId: string, date: string, papers: number[]): MeetingRecord {
  return {
    type: 'Meeting', format: 1, system: 'allris3', systemVersion: '3.9.5', sourceId, url: `https://ris.example/bi/to010.asp?SILFDNR=${sourceId}`,
    name: 'Sitzung des Rates', organization: 'Rat', organizationSourceId: null, date, start: '17:00', end: null, room: null, location: null, statusText: null,
    agendaItem: papers.map((n, i) => ({
      number: String(i + 1), public: true, sourceId: `${sourceId}${i}`, name: `Antrag ${n}`, paperReference: `DS/2026/000${n}`,
      paperSourceId: String(100 + n), result: null, resultCode: 'open' as const,
    })),
  };
}

describe('change events in the import path', () => {
  const tmp = makeTmpDir();
  let db: OpenedDb;
  const count = () => db.sqlite.prepare('SELECT COUNT(*) FROM paper_events').pluck().get() as number;
  const kinds = (sinceId = 0) => loadEvents(db.sqlite, { sinceId, limit: 1000 }).map((e) => [e.reference, e.kind, eventSentence(e)]);
  beforeAll(() => {
    db = openDb(path.join(tmp.dir, 'events.sqlite'));
  });
  afterAll(() => {
    db.close();
    tmp.cleanup();
  });

  test('a first import: one "new" per motion, even with their agendas in the same import; again: nothing', () => {
    importRecords(db.sqlite, CITY, [motion(1), motion(2), motion(3), meeting('601', '2026-12-17', [1, 2])], '2026-11-24T09:00:00Z');
    const events = loadEvents(db.sqlite, { limit: 100 });
    expect(events.map((e) => [e.reference, e.kind, e.happenedOn, e.learnedAt, e.payload])).toEqual([
      ['DS/2026/0003', 'new', '2026-11-02', '2026-11-24T09:00:00Z', { date: '2026-11-02' }],
      ['DS/2026/0002', 'new', '2026-11-02', '2026-11-24T09:00:00Z', { date: '2026-11-02' }],
      ['DS/2026/0001', 'new', '2026-11-02', '2026-11-24T09:00:00Z', { date: '2026-11-02' }],
    ]);
    // stored as codes, never as German display text
    const raw = db.sqlite.prepare('SELECT payload FROM paper_events').pluck().all() as string[];
    for (const p of raw) expect(p).not.toMatch(/Neu erfasst|Ergebnis|Termin/);
    importRecords(db.sqlite, CITY, [motion(1), motion(2), motion(3), meeting('601', '2026-12-17', [1, 2])], '2026-11-25T09:00:00Z');
    expect(count()).toBe(3);
  });

  test('a change writes its events: result, date, station, document; a coming agenda is "on the agenda", a past one is not', () => {
    const last = count();
    const changed = motion(1, {
      consultation: [
        { ...station('Hauptausschuss', 'Vorberatung', [row('2026-11-20', '501', 'adopted')]), roleCode: 'preliminary' },
        { ...station('Rat', 'Entscheidung', [row('2026-12-17', '601')]), roleCode: 'decision' },
        { ...station('Kreistag', 'Entscheidung'), roleCode: 'decision' },
      ],
      files: [{ name: 'Vorlage', url: 'https://ris.example/doc/1.pdf' }, { name: 'Stellungnahme', url: 'https://ris.example/doc/1b.pdf' }],
    });
    importRecords(db.sqlite, CITY, [changed, meeting('602', '2027-01-21', [3]), meeting('603', '2026-10-01', [2])], '2026-11-26T09:00:00Z');
    const lastId = db.sqlite.prepare('SELECT id FROM paper_events ORDER BY id LIMIT 1 OFFSET ?').pluck().get(last - 1) as number;
    expect(kinds(lastId)).toEqual([
      ['DS/2026/0001', 'result', 'Ergebnis im Hauptausschuss am 20.11.2026: ungeändert beschlossen'],
      ['DS/2026/0001', 'date_set', 'Termin im Rat: 17.12.2026 (Entscheidung)'],
      ['DS/2026/0001', 'station_added', 'Neue Station in der Beratungsfolge: Kreistag (Entscheidung)'],
      ['DS/2026/0001', 'document', 'Neues Dokument: Stellungnahme'],
      ['DS/2026/0003', 'on_agenda', 'Auf der Tagesordnung: Rat am 21.01.2027'],
    ]);
    // the committee feed's filter: the Rat's events and the new motions it deliberates
    const rat = db.sqlite.prepare("SELECT source_id FROM papers LIMIT 1").pluck().get() as number;
    expect(loadEvents(db.sqlite, { committee: { sourceId: rat, name: 'Rat' } }).map((e) => [e.reference, e.kind])).toEqual([
      ['DS/2026/0003', 'on_agenda'], ['DS/2026/0001', 'date_set'], ['DS/2026/0003', 'new'], ['DS/2026/0002', 'new'], ['DS/2026/0001', 'new'],
    ]);
    expect(loadEvents(db.sqlite, { faction: { sourceId: rat, name: 'spd-fraktion' } })).toHaveLength(8);
    expect(loadEvents(db.sqlite, { faction: { sourceId: rat, name: 'CDU-Fraktion' } })).toHaveLength(0);
    expect(loadEvents(db.sqlite, { paperId: loadEvents(db.sqlite, { limit: 1 })[0].paperId }).map((e) => e.kind)).toEqual(['on_agenda', 'new']);
  });

  test('an import that fails writes no event (one transaction)', () => {
    const before = count();
    const broken = motion(2, { consultation: [{ ...station('Rat', 'Entscheidung', [row('2026-12-17', '601', 'adopted')]), roleCode: 'decision' }] });
    // a record the import cannot store (no identity at all) after the change: the whole call is rolled back
    expect(() => importRecords(db.sqlite, CITY, [broken, { ...paper({ sourceId: null, reference: null, url: null }) }], '2026-11-27T09:00:00Z')).toThrow();
    expect(count()).toBe(before);
    importRecords(db.sqlite, CITY, [broken], '2026-11-27T09:00:00Z');
    expect(count()).toBeGreaterThan(before);
  });
});

describe('the demo moved to a new week', () => {
  const tmp = makeTmpDir();
  afterAll(() => tmp.cleanup());

  test('writes no events; its events move with it', () => {
    const db = openDb(path.join(tmp.dir, 'demo.sqlite'));
    loadDemo(db.sqlite, '2026-11-24T09:00:00Z', '2026-11-24');
    const read = () => db.sqlite.prepare("SELECT e.happened_on AS day, e.payload FROM paper_events e JOIN papers p ON p.id = e.paper_id WHERE p.reference = 'DS/2026/0123'").all();
    expect(read()).toEqual([{ day: '2026-09-22', payload: '{"date":"2026-09-22"}' }]);
    const n = db.sqlite.prepare('SELECT COUNT(*) FROM paper_events').pluck().get();
    expect(reloadDemoIfShifted(db.sqlite, '2026-12-01T09:00:00Z', '2026-12-01')).toBe(7);
    expect(db.sqlite.prepare('SELECT COUNT(*) FROM paper_events').pluck().get()).toBe(n);
    expect(read()).toEqual([{ day: '2026-09-29', payload: '{"date":"2026-09-29"}' }]);
    db.close();
  });
});

describe('a database from before change events', () => {
  const tmp = makeTmpDir();
  afterAll(() => tmp.cleanup());

  test('gets one "new" per motion when it is opened, learned when the motion was first seen; once', () => {
    const file = path.join(tmp.dir, 'old.sqlite');
    let db = openDb(file);
    importRecords(db.sqlite, CITY, [motion(1), motion(2)], '2026-10-01T08:00:00Z');
    const keys = db.sqlite.prepare('SELECT event_key FROM paper_events ORDER BY paper_id').pluck().all();
    // as an upgraded database holds it: papers, no events
    db.sqlite.exec('DELETE FROM paper_events');
    db.close();
    db = openDb(file);
    expect(db.sqlite.prepare('SELECT kind, learned_at AS learnedAt, happened_on AS happenedOn, payload FROM paper_events ORDER BY paper_id').all()).toEqual([
      { kind: 'new', learnedAt: '2026-10-01T08:00:00Z', happenedOn: '2026-11-02', payload: '{"date":"2026-11-02"}' },
      { kind: 'new', learnedAt: '2026-10-01T08:00:00Z', happenedOn: '2026-11-02', payload: '{"date":"2026-11-02"}' },
    ]);
    // the keys the import gave them: the same events
    expect(db.sqlite.prepare('SELECT event_key FROM paper_events ORDER BY paper_id').pluck().all()).toEqual(keys);
    db.close();
    db = openDb(file);
    expect(db.sqlite.prepare('SELECT COUNT(*) FROM paper_events').pluck().get()).toBe(2);
    db.close();
  });
});
