/**
 * Agenda items a meeting's page no longer lists (src/db/agenda-removal.ts), on the record of Hamburg-Nord's
 * to010 SILFDNR=1003201 (test/expected: 25 items) imported whole and then with fewer items: what goes, what
 * stays. The paper with a page of its own is a hand-made record (test/helpers/records.ts) with its station at
 * that meeting, as its vo020 page would give it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AgendaItemRecord, ListRecord, MeetingRecord } from '../../scrapers/records';
import { openDb } from '../../src/db/connection';
import { importRecords } from '../../src/db/import';
import { paper, station } from '../helpers/records';
import { makeTmpDir } from '../helpers/tmp';

const SOURCE = { key: 'hamburg-nord', name: 'Bezirk Hamburg-Nord' };
const meeting = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../expected/allris3/hamburg-nord/to010-1003201.json'), 'utf8')) as MeetingRecord;
const COMMITTEE = meeting.organization!;
/** 22-1485 (item 6.1.6, TOLFDNR 1038287) with a page of its own: its station at the meeting names the item */
const ownPage = paper({
  sourceId: '1015794', url: 'https://sitzungsdienst-hamburg-nord.hamburg.de/bi/vo020.asp?VOLFDNR=1015794', reference: '22-1485',
  name: 'Niedernstegen / Röntgenstraße', consultation: [station(COMMITTEE, 'Entscheidung', [
    { date: '2025-11-03', name: null, meetingSourceId: '1003201', agendaItemSourceId: '1038287', result: null, resultCode: 'open' },
  ])],
});
const withItems = (keep: (tolfdnr: string | null) => boolean): MeetingRecord => ({ ...meeting, agendaItem: meeting.agendaItem.filter((e) => keep(e.sourceId)) });
/** Item 6.1.7 (TOLFDNR 1038288, Drucksache 22-1486) as its to020 page would give it: a record written here, with `result` and `text`. */
const item1038288 = (result: string | null, text: AgendaItemRecord['text'] = []): AgendaItemRecord => ({
  type: 'AgendaItem', format: 1, system: 'allris3', systemVersion: null, sourceId: '1038288', url: 'https://sitzungsdienst-hamburg-nord.hamburg.de/bi/to020.asp?TOLFDNR=1038288',
  meetingSourceId: '1003201', meetingName: meeting.name, organization: COMMITTEE, date: '2025-11-03', number: '6.1.7',
  name: meeting.agendaItem.find((e) => e.sourceId === '1038288')!.name, public: true,
  paperSourceId: '1015795', paperReference: '22-1486', result, resultCode: result ? 'adopted' : 'open', text,
});

describe('items a meeting page no longer lists', () => {
  const tmp = makeTmpDir();
  let sqlite: ReturnType<typeof openDb>['sqlite'];
  let close: () => void;
  const items = () => sqlite.prepare("SELECT a.external_id FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id WHERE m.external_id = '1003201'").pluck().all() as string[];
  const linkedItem = () => sqlite.prepare(
    "SELECT cm.agenda_item_id IS NOT NULL FROM consultation_meetings cm JOIN consultations c ON c.id = cm.consultation_id JOIN papers p ON p.id = c.paper_id WHERE p.reference = '22-1485'",
  ).pluck().get();
  const stations = (reference: string) => sqlite.prepare(
    'SELECT COUNT(*) FROM papers p JOIN consultations c ON c.paper_id = p.id WHERE p.reference = ?',
  ).pluck().get(reference);

  beforeEach(() => {
    ({ sqlite, close } = openDb(path.join(tmp.dir, `db-${Math.random().toString(36).slice(2)}.sqlite`)));
    const first = importRecords(sqlite, SOURCE, [meeting, ownPage], '2025-10-20T08:00:00.000Z');
    expect(first.agendaItemsRemoved).toBe(0);
    expect(items()).toHaveLength(25);
    expect(linkedItem()).toBe(1);
  });
  afterEach(() => close());
  afterAll(() => tmp.cleanup());

  test('an item of a paper with its own page goes; the paper keeps its station, without the link to the item', () => {
    const res = importRecords(sqlite, SOURCE, [withItems((id) => id !== '1038287')], '2025-10-21T08:00:00.000Z');
    expect(res.agendaItemsRemoved).toBe(1);
    expect(items()).toHaveLength(24);
    expect(items()).not.toContain('1038287');
    expect(stations('22-1485')).toBe(1);
    expect(linkedItem()).toBe(0);
    expect(sqlite.prepare("SELECT facet FROM records WHERE kind = 'Paper' AND entity_key = '1015794'").pluck().all()).toEqual(['allris3']);
    expect(sqlite.prepare("SELECT kind FROM paper_events e JOIN papers p ON p.id = e.paper_id WHERE p.reference = '22-1485' AND kind = 'off_agenda'").pluck().all()).toEqual(['off_agenda']);
  });

  test('taken off, put back, taken off and put back again: each turn is news once, a page read again unchanged is none', () => {
    const turns = () => sqlite.prepare(
      "SELECT kind, happened_on AS day FROM paper_events e JOIN papers p ON p.id = e.paper_id WHERE p.reference = '22-1485' AND kind IN ('on_agenda', 'off_agenda') ORDER BY e.id",
    ).all();
    const without = withItems((id) => id !== '1038287');
    importRecords(sqlite, SOURCE, [without], '2025-10-21T08:00:00.000Z');
    importRecords(sqlite, SOURCE, [meeting], '2025-10-22T08:00:00.000Z');
    importRecords(sqlite, SOURCE, [without], '2025-10-23T08:00:00.000Z');
    importRecords(sqlite, SOURCE, [meeting], '2025-10-24T08:00:00.000Z');
    importRecords(sqlite, SOURCE, [meeting], '2025-10-25T08:00:00.000Z');
    const day = '2025-11-03';
    expect(turns()).toEqual([
      { kind: 'off_agenda', day }, { kind: 'on_agenda', day }, { kind: 'off_agenda', day }, { kind: 'on_agenda', day },
    ]);
  });

  test('an item\'s own page read after its agenda (its row changes, its motion is not new) is no "on the agenda" news', () => {
    const onAgenda = () => sqlite.prepare(
      "SELECT COUNT(*) FROM paper_events e JOIN papers p ON p.id = e.paper_id WHERE p.reference = '22-1486' AND kind = 'on_agenda'",
    ).pluck().get();
    importRecords(sqlite, SOURCE, [item1038288(null, [{ heading: 'Beschluss', text: 'Die Anordnung wird zur Kenntnis genommen.' }])], '2025-10-21T08:00:00.000Z');
    expect(onAgenda()).toBe(0);
    // put back after being taken off, it is news
    importRecords(sqlite, SOURCE, [withItems((id) => id !== '1038288')], '2025-10-22T08:00:00.000Z');
    importRecords(sqlite, SOURCE, [meeting], '2025-10-23T08:00:00.000Z');
    expect(onAgenda()).toBe(1);
  });

  test('a page without any item removes nothing (not published yet, or cut)', () => {
    const res = importRecords(sqlite, SOURCE, [withItems(() => false)], '2025-10-21T08:00:00.000Z');
    expect(res.agendaItemsRemoved).toBe(0);
    expect(items()).toHaveLength(25);
  });

  test('an item read on a page of its own in the same import stays', () => {
    const res = importRecords(sqlite, SOURCE, [withItems((id) => id !== '1038288' && id !== '1038394'), item1038288(null)], '2025-10-21T08:00:00.000Z');
    expect(res.agendaItemsRemoved).toBe(1);
    expect(items()).toContain('1038288');
    expect(items()).not.toContain('1038394');
  });

  test('a past meeting: the item goes, no event (nothing to follow)', () => {
    const res = importRecords(sqlite, SOURCE, [withItems((id) => id !== '1038287')], '2025-11-20T08:00:00.000Z');
    expect(res.agendaItemsRemoved).toBe(1);
    expect(sqlite.prepare("SELECT COUNT(*) FROM paper_events WHERE kind = 'off_agenda'").pluck().get()).toBe(0);
  });

  test('a meeting inside a list page (no caller guards it): a suspicious shrink of its agenda removes nothing, a small one removes', () => {
    const list = (m: MeetingRecord): ListRecord => ({ type: 'List', format: 1, system: 'allris3', systemVersion: null, sourceId: null, url: null, itemType: 'Meeting', items: [m], next: null });
    const cut = importRecords(sqlite, SOURCE, [list({ ...meeting, agendaItem: meeting.agendaItem.slice(0, 3) })], '2025-10-21T08:00:00.000Z');
    expect(cut.agendaItemsRemoved).toBe(0);
    expect(items()).toHaveLength(25);
    const small = importRecords(sqlite, SOURCE, [list(withItems((id) => id !== '1038287'))], '2025-10-22T08:00:00.000Z');
    expect(small.agendaItemsRemoved).toBe(1);
    expect(items()).toHaveLength(24);
  });

  test('an item put back on the agenda has what its own page said again, without that page being read again', () => {
    importRecords(sqlite, SOURCE, [item1038288(null, [{ heading: 'Beschluss', text: 'Die Anordnung wird zur Kenntnis genommen.' }])], '2025-10-20T09:00:00.000Z');
    const text = () => sqlite.prepare("SELECT text FROM agenda_items WHERE external_id = '1038288'").pluck().get() as string | undefined;
    expect(JSON.parse(text()!)).toEqual([{ heading: 'Beschluss', text: 'Die Anordnung wird zur Kenntnis genommen.' }]);
    expect(importRecords(sqlite, SOURCE, [withItems((id) => id !== '1038288')], '2025-10-21T08:00:00.000Z').agendaItemsRemoved).toBe(1);
    expect(text()).toBeUndefined();
    importRecords(sqlite, SOURCE, [meeting], '2025-10-22T08:00:00.000Z');
    expect(items()).toContain('1038288');
    expect(JSON.parse(text()!)).toEqual([{ heading: 'Beschluss', text: 'Die Anordnung wird zur Kenntnis genommen.' }]);
  });

  const stationRows = (reference: string) => sqlite.prepare(
    'SELECT cm.date, cm.result FROM papers p JOIN consultations c ON c.paper_id = p.id JOIN consultation_meetings cm ON cm.consultation_id = c.id WHERE p.reference = ?',
  ).all(reference);

  test('an item taken off stays off when its own page is read later, changed or not, and can be put back by the agenda', () => {
    importRecords(sqlite, SOURCE, [withItems((id) => id !== '1038288')], '2025-10-21T08:00:00.000Z');
    expect(stationRows('22-1486')).toEqual([]);
    importRecords(sqlite, SOURCE, [item1038288(null)], '2025-10-22T08:00:00.000Z');
    importRecords(sqlite, SOURCE, [item1038288('ungeändert beschlossen')], '2025-10-23T08:00:00.000Z');
    expect(items()).not.toContain('1038288');
    expect(stationRows('22-1486')).toEqual([]);
    importRecords(sqlite, SOURCE, [meeting], '2025-10-24T08:00:00.000Z');
    expect(items()).toContain('1038288');
    // back at the meeting, with what the agenda (read last) says of it
    const row = meeting.agendaItem.find((e) => e.sourceId === '1038288')!;
    expect(stationRows('22-1486')).toEqual([{ date: '2025-11-03', result: row.result }]);
  });

  test('no "off the agenda" for a motion the page still names under another item (a new TOLFDNR)', () => {
    const renumbered: MeetingRecord = { ...meeting, agendaItem: meeting.agendaItem.map((e) => (e.sourceId === '1038287' ? { ...e, sourceId: '1099999' } : e)) };
    expect(importRecords(sqlite, SOURCE, [renumbered], '2025-10-21T08:00:00.000Z').agendaItemsRemoved).toBe(1);
    expect(sqlite.prepare("SELECT COUNT(*) FROM paper_events WHERE kind = 'off_agenda'").pluck().get()).toBe(0);
    expect(items()).toContain('1099999');
  });

  test('the result an item\'s own page gives reaches the station of a motion known only from the agenda', () => {
    importRecords(sqlite, SOURCE, [item1038288('ungeändert beschlossen')], '2025-10-21T08:00:00.000Z');
    expect(stationRows('22-1486')).toEqual([{ date: '2025-11-03', result: 'ungeändert beschlossen' }]);
  });
});
