/**
 * A result reaches the feeds: DS/2026/0123 is imported again with its results — the Hauptausschuss's and
 * the Rat's, the Rat's agenda item with its vote — through the real import path, into the demo as the
 * app serves it; the motion's feed gains new entries naming the results, and so do the topic, committee
 * and faction feeds. The changed records are made here from the demo's own file (data/demo), not stored.
 */
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { XMLParser } from 'fast-xml-parser';
import { importRecords } from '../../src/db/import';
import type { PaperRecord } from '../../scrapers/records';
import { DEMO_SOURCES, demoFolder } from '../../src/ingest/demo';
import { DEMO_RAT_ITEM, demoMotionWithResults } from '../helpers/demo-results';
import { buildFixtureApp, type FixtureApp } from './fixture-app';

const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' || name === 'link' });
interface Entry { id: string; title: string; updated: string; summary: string; link: { '@_href': string }[] }
const decode = (v: unknown) => String(typeof v === 'object' && v !== null ? (v as { '#text': string })['#text'] : v ?? '')
  .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

async function feed(app: FixtureApp['app'], url: string): Promise<{ updated: string; entries: Entry[]; text: string }> {
  // supertest listens on a new port per request: links are compared without it
  const text = (await request(app).get(url).expect(200).expect('Content-Type', /application\/atom\+xml/)).text.replace(/127\.0\.0\.1:\d+/g, 'HOST');
  const doc = xml.parse(text) as { feed: { updated: string; entry?: Entry[] } };
  return { text, updated: doc.feed.updated, entries: (doc.feed.entry ?? []).map((e) => ({ ...e, title: decode(e.title), summary: decode(e.summary) })) };
}

const LEARNED = '2026-12-18T07:30:00.000Z';
const withResults = () => demoMotionWithResults();
const RAT_ITEM = DEMO_RAT_ITEM;

describe('a result imported into the demo is a new feed entry', () => {
  let f: FixtureApp;
  let id: number;
  beforeAll(() => {
    f = buildFixtureApp({ corpus: false });
    id = f.idOf('DS/2026/0123');
  });
  afterAll(() => f.cleanup());

  test('the motion feed, topic, committee and faction feeds gain the results; importing them again adds nothing', async () => {
    const before = await feed(f.app, `/papers/${id}/feed.atom`);
    // the first import: one "neu erfasst" per motion, nothing else
    expect(before.entries.map((e) => e.title)).toEqual(['Neu erfasst (Vorlage vom 22.09.2026)']);
    const topicBefore = await feed(f.app, '/feed.atom');

    const res = importRecords(f.opened.sqlite, DEMO_SOURCES.musterstadt, [RAT_ITEM, withResults()], LEARNED);
    expect(res.byKind.Paper.updated).toBe(1);

    const after = await feed(f.app, `/papers/${id}/feed.atom`);
    expect(after.entries.map((e) => e.title)).toEqual([
      'Ergebnis im Rat der Stadt Musterstadt am 17.12.2026: ungeändert beschlossen (einstimmig)',
      'Ergebnis im Hauptausschuss am 03.12.2026: ungeändert beschlossen',
      'Neu erfasst (Vorlage vom 22.09.2026)',
    ]);
    // new entries: new ids, the time the result was learned; the old entry is as it was
    expect(after.entries[0].updated).toBe(LEARNED);
    expect(after.updated).toBe(LEARNED);
    expect(new Set(after.entries.map((e) => e.id)).size).toBe(3);
    expect(after.entries[2]).toEqual(before.entries[0]);
    expect(after.entries[0].summary).toBe('Ergebnis im Rat der Stadt Musterstadt am 17.12.2026: ungeändert beschlossen (einstimmig). '
      + 'DS/2026/0123 – Teilnahme der Stadt Musterstadt am bundesweiten Digitaltag 2027, Musterstadt (Demo), Antrag.');
    expect(after.entries[0].link[0]['@_href']).toBe(`http://HOST/papers/${id}`);

    // the topic feed (Digitalisierung, the default) and its city filter
    const topic = await feed(f.app, '/feed.atom');
    expect(topic.entries.slice(0, 2).map((e) => e.title)).toEqual([
      'DS/2026/0123: Ergebnis im Rat der Stadt Musterstadt am 17.12.2026: ungeändert beschlossen (einstimmig)',
      'DS/2026/0123: Ergebnis im Hauptausschuss am 03.12.2026: ungeändert beschlossen',
    ]);
    expect(topic.entries.length).toBe(Math.min(50, topicBefore.entries.length + 2));
    expect((await feed(f.app, '/feed.atom?stadt=demo-leipzig')).entries.map((e) => e.title)).toEqual(['VII-A-00777: Neu erfasst']);
    // the Rat's feed has its result, the Hauptausschuss's its own; the faction that filed it has both
    const org = (name: string) => f.opened.sqlite.prepare('SELECT id FROM organizations WHERE name = ?').pluck().get(name) as number;
    const rat = await feed(f.app, `/organizations/${org('Rat der Stadt Musterstadt')}/feed.atom`);
    expect(rat.entries[0].title).toBe('DS/2026/0123: Ergebnis im Rat der Stadt Musterstadt am 17.12.2026: ungeändert beschlossen (einstimmig)');
    expect(rat.entries.map((e) => e.title)).not.toContain('DS/2026/0123: Ergebnis im Hauptausschuss am 03.12.2026: ungeändert beschlossen');
    const spd = await feed(f.app, '/feed.atom?thema=alle&fraktion=SPD-Fraktion');
    expect(spd.entries.map((e) => e.title)).toEqual([
      'DS/2026/0123: Ergebnis im Rat der Stadt Musterstadt am 17.12.2026: ungeändert beschlossen (einstimmig)',
      'DS/2026/0123: Ergebnis im Hauptausschuss am 03.12.2026: ungeändert beschlossen',
      // filed by the SPD-Fraktion with another faction
      'DS/2026/0254: Neu erfasst (Vorlage vom 02.06.2026)',
      'DS/2026/0123: Neu erfasst (Vorlage vom 22.09.2026)',
    ]);

    // the same import again: no new event, the same feed
    const count = f.opened.sqlite.prepare('SELECT COUNT(*) FROM paper_events').pluck();
    const n = count.get();
    importRecords(f.opened.sqlite, DEMO_SOURCES.musterstadt, [RAT_ITEM, withResults()], '2026-12-19T07:30:00Z');
    expect(count.get()).toBe(n);
    expect((await feed(f.app, `/papers/${id}/feed.atom`)).entries).toEqual(after.entries);
  });
});

describe('a date that moves: a feed entry, and the calendar event keeps its UID and raises SEQUENCE', () => {
  let f: FixtureApp;
  beforeAll(() => {
    f = buildFixtureApp({ corpus: false });
  });
  afterAll(() => f.cleanup());

  /** The VEVENTs of a calendar as [UID, DTSTART day, SEQUENCE], read from the text as a client reads it. */
  async function vevents(url: string): Promise<[string, string, number][]> {
    const text = (await request(f.app).get(url).expect(200).expect('Content-Type', /text\/calendar/)).text.replace(/\r\n[ \t]/g, '');
    return text.split('BEGIN:VEVENT').slice(1).map((block) => [
      /\r\nUID:(.*)\r\n/.exec(block)![1],
      /\r\nDTSTART[^:]*:(\d{8})/.exec(block)![1],
      Number(/\r\nSEQUENCE:(\d+)\r\n/.exec(block)?.[1] ?? 0),
    ]);
  }

  /** DS/2026/0388 (its Rat on 04.02.2027, a meeting without an agenda yet) with its Rat row on another day, at another meeting of the RIS */
  function withRatOn(date: string): PaperRecord {
    const p = JSON.parse(fs.readFileSync(path.join(demoFolder(), 'musterstadt-ds-2026-0388-sensorik-messnetz.json'), 'utf8')) as PaperRecord;
    p.consultation[2].meetings[0] = { ...p.consultation[2].meetings[0], date, meetingSourceId: date === '2027-02-04' ? '4124' : '4199' };
    return p;
  }

  test('moved twice: one UID, SEQUENCE 0 → 1 → 2, an entry per move; moving back to a date it had is a move too', async () => {
    const id = f.idOf('DS/2026/0388');
    const cal = `/papers/${id}/calendar.ics`;
    const first = await vevents(cal);
    expect(first.map(([, day, seq]) => [day, seq])).toEqual([['20270113', 0], ['20270204', 0]]);
    const ratUid = first[1][0];

    importRecords(f.opened.sqlite, DEMO_SOURCES.musterstadt, [withRatOn('2027-02-11')], '2026-11-25T10:00:00Z');
    const moved = await vevents(cal);
    expect(moved).toEqual([first[0], [ratUid, '20270211', 1]]);
    const { entries } = await feed(f.app, `/papers/${id}/feed.atom`);
    expect(entries[0].title).toBe('Termin im Rat der Stadt Musterstadt verschoben: vom 04.02.2027 auf den 11.02.2027');
    expect(entries[0].updated).toBe('2026-11-25T10:00:00.000Z');

    importRecords(f.opened.sqlite, DEMO_SOURCES.musterstadt, [withRatOn('2027-02-04')], '2026-11-26T10:00:00Z');
    expect(await vevents(cal)).toEqual([first[0], [ratUid, '20270204', 2]]);
    expect((await feed(f.app, `/papers/${id}/feed.atom`)).entries.map((e) => e.title)).toEqual([
      'Termin im Rat der Stadt Musterstadt verschoben: vom 11.02.2027 auf den 04.02.2027',
      'Termin im Rat der Stadt Musterstadt verschoben: vom 04.02.2027 auf den 11.02.2027',
      'Neu erfasst (Vorlage vom 27.10.2026)',
    ]);
  });
});
