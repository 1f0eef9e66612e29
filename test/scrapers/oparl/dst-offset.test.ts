/**
 * An OParl time with an offset on the day summer time ends: 2026-10-25 02:30 happens
 * twice in Berlin — at 00:30 UTC (+02:00) and at 01:30 UTC (+01:00). The record keeps the local
 * time as the page shows it and, for that hour only, the offset the source meant; the calendar puts
 * each meeting at its own instant. The meetings are the Bonn corpus meeting with its times and id
 * changed in the test (the corpus file is read, not changed).
 */
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { parsePage } from '../../../scrapers/parse';
import type { MeetingRecord } from '../../../scrapers/records';
import { oparlDateTime } from '../../../scrapers/oparl/datetime';
import { openDb } from '../../../src/db/connection';
import { importRecords } from '../../../src/db/import';
import { createApp } from '../../../src/server/app';
import { localToUtc } from '../../../src/util/berlin-time';
import { CORPUS, makeTmpDir } from '../../helpers/tmp';

const BONN = fs.readFileSync(path.join(CORPUS, 'oparl/bonn/oparl1.1-meeting-664.json'), 'utf8');

function meeting(id: number, start: string, end: string): MeetingRecord {
  const json = BONN.replace('meetings?id=664', `meetings?id=${id}`).replace('"2021-05-11T17:00:00+02:00"', `"${start}"`).replace('"2021-05-12T00:00:00+02:00"', `"${end}"`);
  expect(json).toContain(`"${start}"`);
  return parsePage(Buffer.from(json), `https://www.bonn.sitzung-online.de/public/oparl/meetings?id=${id}`) as MeetingRecord;
}

describe('the hour that occurs twice', () => {
  test.each([
    ['2026-10-25T02:30:00+02:00', { date: '2026-10-25', time: '02:30', offset: '+02:00' }],
    ['2026-10-25T02:30:00+01:00', { date: '2026-10-25', time: '02:30', offset: '+01:00' }],
    ['2026-10-25T00:30:00Z', { date: '2026-10-25', time: '02:30', offset: '+02:00' }],
    ['2026-10-25T02:59:00+01:00', { date: '2026-10-25', time: '02:59', offset: '+01:00' }],
    ['2026-10-25T01:59:00+01:00', { date: '2026-10-25', time: '02:59', offset: '+02:00' }],
    // not ambiguous: no offset kept
    ['2026-10-25T03:00:00+01:00', { date: '2026-10-25', time: '03:00' }],
    ['2026-10-25T01:59:00+02:00', { date: '2026-10-25', time: '01:59' }],
    ['2026-03-29T03:30:00+02:00', { date: '2026-03-29', time: '03:30' }],
    ['2026-10-25T18:00:00+01:00', { date: '2026-10-25', time: '18:00' }],
  ])('%s → %j', (text, local) => {
    expect(oparlDateTime(text)).toEqual(local);
  });

  test.each([
    ['02:30', '+02:00', '2026-10-25T00:30:00.000Z'],
    ['02:30', '+01:00', '2026-10-25T01:30:00.000Z'],
    ['18:00', null, '2026-10-25T17:00:00.000Z'],
  ])('localToUtc(2026-10-25, %s, %s) = %s', (time, offset, iso) => {
    expect(localToUtc('2026-10-25', time, offset)!.toISOString()).toBe(iso);
  });

  test('the records keep the offset only where it is needed; the calendar has each meeting at its own hour', async () => {
    const first = meeting(9001, '2026-10-25T02:30:00+02:00', '2026-10-25T02:50:00+02:00');
    const second = meeting(9002, '2026-10-25T02:30:00+01:00', '2026-10-25T02:50:00+01:00');
    const evening = meeting(9003, '2026-10-25T18:00:00+01:00', '2026-10-25T20:00:00+01:00');
    expect([first.start, first.startOffset, first.end, first.endOffset]).toEqual(['02:30', '+02:00', '02:50', '+02:00']);
    expect([second.start, second.startOffset, second.end, second.endOffset]).toEqual(['02:30', '+01:00', '02:50', '+01:00']);
    expect([evening.start, 'startOffset' in evening, 'endOffset' in evening]).toEqual(['18:00', false, false]);

    const tmp = makeTmpDir();
    const opened = openDb(path.join(tmp.dir, 'dst.sqlite'));
    try {
      importRecords(opened.sqlite, { key: 'bonn', name: 'Bonn' }, [first, second, evening], '2026-10-20T09:00:00Z');
      const app = createApp(opened.sqlite, { today: () => '2026-10-20' });
      const ics = (await request(app).get('/calendar.ics').expect(200)).text.replace(/\r\n /g, '');
      const events = ics.split('BEGIN:VEVENT').slice(1).map((e) => ({
        uid: /UID:(\S+)/.exec(e)![1], start: /DTSTART:(\S+)/.exec(e)![1], end: /DTEND:(\S+)/.exec(e)?.[1] ?? null,
      }));
      const ids = opened.sqlite.prepare('SELECT external_id AS sid, id FROM meetings').all() as { sid: string; id: number }[];
      const uidOf = (sid: string) => `meeting-${ids.find((r) => r.sid.endsWith(sid))!.id}@ratsradar`;
      expect(events.sort((a, b) => (a.uid < b.uid ? -1 : 1))).toEqual([
        { uid: uidOf('9001'), start: '20261025T003000Z', end: '20261025T005000Z' },
        { uid: uidOf('9002'), start: '20261025T013000Z', end: '20261025T015000Z' },
        { uid: uidOf('9003'), start: '20261025T170000Z', end: '20261025T190000Z' },
      ].sort((a, b) => (a.uid < b.uid ? -1 : 1)));
    } finally {
      opened.close();
      tmp.cleanup();
    }
  });
});
