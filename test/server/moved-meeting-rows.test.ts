/**
 * A motion's Beratungsfolge row linked (by its SILFDNR) to a meeting whose own page or calendar gives
 * another date — the meeting was moved and the motion's page, read earlier, still lists the old one. The
 * row is dated by its meeting, as an agenda item is: the motion's next step, its derived columns, page,
 * JSON and iCal, and the committee page agree with the meeting page; the motion page names the date the
 * Beratungsfolge lists beside it. Moved later, moved into the past, and postponed from a listed date
 * that has passed. Hand-made records through the real import, a real SQLite file, the real app.
 */
import path from 'node:path';
import * as cheerio from 'cheerio';
import request from 'supertest';
import type { Express } from 'express';
import type { MeetingRecord, OrganizationRecord } from '../../scrapers/records';
import { openDb } from '../../src/db/connection';
import { refreshDerived } from '../../src/db/derive';
import { importRecords } from '../../src/db/import';
import { loadEvents } from '../../src/db/queries-events';
import { createApp } from '../../src/server/app';
import { paper, station } from '../helpers/records';
import { makeTmpDir } from '../helpers/tmp';

const TODAY = '2026-11-24';
const NOW = '2026-11-24T09:00:00Z';
const SRC = { key: 'verlegt', name: 'Verlegestadt' };
const BAU = 'Bauausschuss';

const org: OrganizationRecord = {
  type: 'Organization', format: 1, system: 'allris3', systemVersion: null, sourceId: 'au1', url: 'https://ris.example/au020.asp?AULFDNR=1',
  name: BAU, members: [],
};
const motion = (listed: string) => paper({
  sourceId: '501', url: 'https://ris.example/vo020.asp?VOLFDNR=501', reference: 'A/2026/7', name: 'Digitaltag im Rathaus', date: '2026-10-01',
  consultation: [
    station(BAU, 'Vorberatung', [{ date: listed, name: 'Bauausschuss', meetingSourceId: 'm77', agendaItemSourceId: null, result: null, resultCode: 'open' }]),
    station('Rat', 'Entscheidung', [{ date: '2027-01-20', name: 'Rat', meetingSourceId: null, agendaItemSourceId: null, result: null, resultCode: 'open' }]),
  ],
});
const meeting = (date: string): MeetingRecord => ({
  type: 'Meeting', format: 1, system: 'allris3', systemVersion: null, sourceId: 'm77', url: 'https://ris.example/to010.asp?SILFDNR=77',
  name: 'Sitzung des Bauausschusses', organization: BAU, organizationSourceId: 'au1', date, start: '17:00', end: null, room: null,
  location: null, statusText: null, agendaItem: [],
});

describe('a Beratungsfolge row whose linked meeting has another date', () => {
  const tmp = makeTmpDir();
  let n = 0;
  afterAll(() => tmp.cleanup());
  const text = (s: string) => s.replace(/\s+/g, ' ').trim();

  /** the motion (row listing `listed`) and its meeting (at `held`), imported and derived; the app on them */
  function world(listed: string, held: string) {
    const opened = openDb(path.join(tmp.dir, `moved-${++n}.sqlite`));
    importRecords(opened.sqlite, SRC, [org, motion(listed), meeting(held)], NOW);
    refreshDerived(opened.sqlite, TODAY);
    const paperId = opened.sqlite.prepare('SELECT id FROM papers WHERE reference = ?').pluck().get('A/2026/7') as number;
    const bauId = opened.sqlite.prepare('SELECT id FROM organizations WHERE name = ?').pluck().get(BAU) as number;
    const derived = () => opened.sqlite.prepare('SELECT state, next_organization AS org, next_date AS date, derived_on AS derivedOn FROM papers WHERE id = ?').get(paperId);
    return { opened, app: createApp(opened.sqlite, { today: () => TODAY }) as Express, paperId, bauId, derived };
  }
  /** the committee page's coming blocks: [heading, the references planned or on the agenda] */
  const blocks = async (app: Express, bauId: number) => {
    const $ = cheerio.load((await request(app).get(`/organizations/${bauId}`).expect(200)).text);
    return $('#kommende-sitzungen section.agenda-block').toArray().map((b) => [
      text($(b).find('h3').text()), $(b).find('td[data-label="Betreff"] span.ref').toArray().map((s) => text($(s).text())),
    ]);
  };

  test('moved later (listed 10.12., meeting 17.12.): everything says 17.12., the motion page names the listed date beside it', async () => {
    const w = world('2026-12-10', '2026-12-17');
    try {
      expect(w.derived()).toEqual({ state: 'scheduled', org: BAU, date: '2026-12-17', derivedOn: TODAY });
      const $ = cheerio.load((await request(w.app).get(`/papers/${w.paperId}`).expect(200)).text);
      const row = $('ul.meetings li').first();
      expect(row.find('time').first().attr('datetime')).toBe('2026-12-17');
      expect(text(row.find('small.listed-date').text())).toBe('(Termin laut Sitzung; die Beratungsfolge nennt den 10.12.2026)');
      const json = (await request(w.app).get(`/papers/${w.paperId}.json`).expect(200)).body;
      expect(json.progress.stations[0].meetings[0]).toMatchObject({ date: '2026-12-17', listedDate: '2026-12-10', future: true });
      expect(json.progress.stations[1].meetings[0].listedDate).toBeUndefined();
      const ics = (await request(w.app).get(`/papers/${w.paperId}/calendar.ics`).expect(200)).text;
      expect([...ics.matchAll(/DTSTART[^:]*:(\d{8})/g)].map((m) => m[1])).toEqual(['20261217', '20270120']);
      expect(await blocks(w.app, w.bauId)).toEqual([['17.12.2026, 17:00 Uhr – Sitzung des Bauausschusses', ['A/2026/7']]]);
    } finally {
      w.opened.close();
    }
  });

  test('moved into the past (listed 10.12., met 20.11. without a published result): no coming step at the committee, no phantom meeting', async () => {
    const w = world('2026-12-10', '2026-11-20');
    try {
      expect(w.derived()).toEqual({ state: 'scheduled', org: 'Rat', date: '2027-01-20', derivedOn: TODAY });
      const $ = cheerio.load((await request(w.app).get(`/papers/${w.paperId}`).expect(200)).text);
      expect($('ul.meetings li').first().find('time').first().attr('datetime')).toBe('2026-11-20');
      expect(await blocks(w.app, w.bauId)).toEqual([]);
    } finally {
      w.opened.close();
    }
  });

  test('postponed (listed 20.11., which has passed; the meeting now 10.12.): the committee plans the motion at it', async () => {
    const w = world('2026-11-20', '2026-12-10');
    try {
      expect(w.derived()).toEqual({ state: 'scheduled', org: BAU, date: '2026-12-10', derivedOn: TODAY });
      expect(await blocks(w.app, w.bauId)).toEqual([['10.12.2026, 17:00 Uhr – Sitzung des Bauausschusses', ['A/2026/7']]]);
      // the day after the meeting (the listed day long past): derived anew for that day, the council is next
      refreshDerived(w.opened.sqlite, '2026-12-11');
      expect(w.derived()).toEqual({ state: 'scheduled', org: 'Rat', date: '2027-01-20', derivedOn: '2026-12-11' });
    } finally {
      w.opened.close();
    }
  });

  test('the motion\'s feed announces the move once, whether the meeting or later the motion\'s own page tells it', async () => {
    const w = world('2026-12-10', '2026-12-10');
    try {
      importRecords(w.opened.sqlite, SRC, [meeting('2026-12-17')], '2026-11-25T09:00:00Z');
      importRecords(w.opened.sqlite, SRC, [meeting('2026-12-17')], '2026-11-26T09:00:00Z');
      const events = () => loadEvents(w.opened.sqlite, { paperId: w.paperId }).map((e) => [e.kind, e.learnedAt]);
      expect(events()).toEqual([['date_moved', '2026-11-25T09:00:00Z'], ['new', NOW]]);
      // the motion's page read again, now listing the new day: the same move, no second event
      importRecords(w.opened.sqlite, SRC, [motion('2026-12-17')], '2026-11-27T09:00:00Z');
      const $ = cheerio.load((await request(w.app).get(`/papers/${w.paperId}/feed.atom`).expect(200)).text, { xml: true });
      expect($('entry > title').toArray().map((t) => $(t).text())).toEqual([
        'Termin im Bauausschuss verschoben: vom 10.12.2026 auf den 17.12.2026', 'Neu erfasst (Vorlage vom 01.10.2026)',
      ]);
      expect(events()).toEqual([['date_moved', '2026-11-25T09:00:00Z'], ['new', NOW]]);
    } finally {
      w.opened.close();
    }
  });

  test('a meeting moved within the past is no news', () => {
    const w = world('2026-11-02', '2026-11-02');
    try {
      importRecords(w.opened.sqlite, SRC, [meeting('2026-11-03')], '2026-11-25T09:00:00Z');
      expect(w.opened.sqlite.prepare('SELECT date FROM meetings').pluck().get()).toBe('2026-11-03');
      expect(loadEvents(w.opened.sqlite, { paperId: w.paperId }).map((e) => e.kind)).toEqual(['new']);
    } finally {
      w.opened.close();
    }
  });

  test('the meeting read again with a new date marks the motion for deriving; the same date as listed, and the note goes', async () => {
    const w = world('2026-12-10', '2026-12-17');
    try {
      importRecords(w.opened.sqlite, SRC, [meeting('2026-12-10')], NOW);
      expect(w.derived()).toMatchObject({ derivedOn: null });
      refreshDerived(w.opened.sqlite, TODAY);
      expect(w.derived()).toEqual({ state: 'scheduled', org: BAU, date: '2026-12-10', derivedOn: TODAY });
      const $ = cheerio.load((await request(w.app).get(`/papers/${w.paperId}`).expect(200)).text);
      expect($('small.listed-date').length).toBe(0);
    } finally {
      w.opened.close();
    }
  });
});
