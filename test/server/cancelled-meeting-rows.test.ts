/**
 * A motion's Beratungsfolge row at a meeting the RIS later marks as cancelled (the meeting's record says
 * so; the motion's page still lists the date): the date is no longer its next step — in the derived
 * columns (the lists, the committee queue), on the motion page and in its JSON — and the committee page
 * shows the meeting "abgesagt" without planning the motion there. Taken back when the meeting is no
 * longer cancelled. Hand-made records through the real import, a real SQLite file, the real app.
 */
import path from 'node:path';
import * as cheerio from 'cheerio';
import request from 'supertest';
import type { Express } from 'express';
import type { MeetingRecord, OrganizationRecord } from '../../scrapers/records';
import { openDb, type OpenedDb } from '../../src/db/connection';
import { refreshDerived } from '../../src/db/derive';
import { importRecords } from '../../src/db/import';
import { loadEvents } from '../../src/db/queries-events';
import { createApp } from '../../src/server/app';
import { paper, station } from '../helpers/records';
import { makeTmpDir } from '../helpers/tmp';

const TODAY = '2026-11-24';
const NOW = '2026-11-24T09:00:00Z';
const SRC = { key: 'absage', name: 'Absagestadt' };
const BAU = 'Bauausschuss';

const org: OrganizationRecord = {
  type: 'Organization', format: 1, system: 'allris3', systemVersion: null, sourceId: 'au1', url: 'https://ris.example/au020.asp?AULFDNR=1',
  name: BAU, members: [],
};
const motion = paper({
  sourceId: '501', url: 'https://ris.example/vo020.asp?VOLFDNR=501', reference: 'A/2026/7', name: 'Digitaltag im Rathaus', date: '2026-10-01',
  consultation: [
    station(BAU, 'Vorberatung', [{ date: '2026-12-10', name: 'Bauausschuss', meetingSourceId: 'm77', agendaItemSourceId: null, result: null, resultCode: 'open' }]),
    station('Rat', 'Entscheidung', [{ date: '2027-01-20', name: 'Rat', meetingSourceId: null, agendaItemSourceId: null, result: null, resultCode: 'open' }]),
  ],
});
const meeting = (cancelled: boolean): MeetingRecord => ({
  type: 'Meeting', format: 1, system: 'allris3', systemVersion: null, sourceId: 'm77', url: 'https://ris.example/to010.asp?SILFDNR=77',
  name: 'Sitzung des Bauausschusses', organization: BAU, organizationSourceId: 'au1', date: '2026-12-10', start: '17:00', end: null, room: null,
  location: null, statusText: null, agendaItem: [], ...(cancelled ? { cancelled: true } : {}),
});

describe('a Beratungsfolge row at a cancelled meeting', () => {
  const tmp = makeTmpDir();
  let opened: OpenedDb;
  let app: Express;
  let paperId: number;
  let bauId: number;
  const derived = () => opened.sqlite.prepare('SELECT state, next_organization AS org, next_date AS date, derived_on AS derivedOn FROM papers WHERE id = ?').get(paperId);
  const text = (s: string) => s.replace(/\s+/g, ' ').trim();
  /** the motion's iCal events: [day, cancelled] */
  const icsEvents = async () => (await request(app).get(`/papers/${paperId}/calendar.ics`).expect(200)).text.split('BEGIN:VEVENT').slice(1)
    .map((e) => [/DTSTART[^:]*:(\d{8})/.exec(e)?.[1], /STATUS:CANCELLED/.test(e)]);
  /** the meeting links in the Bauausschuss's row of the list of committees (its next meeting) */
  const nextMeetingLinks = async () => {
    const $ = cheerio.load((await request(app).get(`/gremien?stadt=${SRC.key}`).expect(200)).text);
    const row = $('tbody tr').filter((_i, tr) => $(tr).find('td[data-label="Gremium"]').text() === BAU);
    expect(row.length).toBe(1);
    return row.find('td[data-label="Nächste Sitzung"] a').toArray().map((a) => $(a).attr('href'));
  };

  beforeAll(() => {
    opened = openDb(path.join(tmp.dir, 'absage.sqlite'));
    importRecords(opened.sqlite, SRC, [org, motion, meeting(false)], NOW);
    refreshDerived(opened.sqlite, TODAY);
    paperId = opened.sqlite.prepare('SELECT id FROM papers WHERE reference = ?').pluck().get('A/2026/7') as number;
    bauId = opened.sqlite.prepare('SELECT id FROM organizations WHERE name = ?').pluck().get(BAU) as number;
    app = createApp(opened.sqlite, { today: () => TODAY });
  });
  afterAll(() => {
    opened.close();
    tmp.cleanup();
  });

  test('before: the committee\'s meeting is the next step, the committee page plans the motion there', async () => {
    expect(derived()).toEqual({ state: 'scheduled', org: BAU, date: '2026-12-10', derivedOn: TODAY });
    const $ = cheerio.load((await request(app).get(`/organizations/${bauId}`).expect(200)).text);
    const block = $('#kommende-sitzungen section.agenda-block');
    expect(block.length).toBe(1);
    expect(block.find('.tag').length).toBe(0);
    expect(block.find('td[data-label="Betreff"] .ref').toArray().map((e) => $(e).text())).toEqual(['A/2026/7']);
    expect(await nextMeetingLinks()).toHaveLength(1);
    expect(await icsEvents()).toEqual([['20261210', false], ['20270120', false]]);
  });

  test('the meeting\'s record says cancelled: the import marks the motion for deriving, and the date is no step', () => {
    importRecords(opened.sqlite, SRC, [meeting(true)], NOW);
    // the motion was not written by this import; the meeting's flag alone marks it (trigger of migration 0025)
    expect(derived()).toMatchObject({ derivedOn: null });
    refreshDerived(opened.sqlite, TODAY);
    expect(derived()).toEqual({ state: 'scheduled', org: 'Rat', date: '2027-01-20', derivedOn: TODAY });
  });

  test('the motion page: the row reads "Sitzung abgesagt", the next step is the council, the committee still has to advise', async () => {
    const $ = cheerio.load((await request(app).get(`/papers/${paperId}`).expect(200)).text);
    const rows = $('ul.meetings li').toArray().map((li) => [$(li).attr('class'), text($(li).text())]);
    expect(rows).toEqual([
      ['meeting-cancelled', '10.12.2026 Sitzung abgesagt · Bauausschuss'],
      ['meeting-planned', '20.01.2027 geplant · Rat'],
    ]);
    expect(text($('body').text())).toContain('Terminiert: Rat (Entscheidung) am 20.01.2027; vorher muss noch Bauausschuss (Vorberatung) beraten (vor dem 20.01.2027).');
  });

  test('the motion\'s JSON: the row is cancelled, neither past nor future; the next step is the council\'s', async () => {
    const body = (await request(app).get(`/papers/${paperId}.json`).expect(200)).body as {
      progress: { next: { organization: string; date: string }; stations: { meetings: { date: string; past: boolean; future: boolean; cancelled?: boolean }[] }[] };
    };
    expect(body.progress.stations[0].meetings).toEqual([expect.objectContaining({ date: '2026-12-10', past: false, future: false, cancelled: true })]);
    expect(body.progress.stations[1].meetings[0]).not.toHaveProperty('cancelled');
    expect(body.progress.next).toMatchObject({ organization: 'Rat', date: '2027-01-20' });
  });

  test('the motion\'s feed announces it once: "Sitzung abgesagt", however often the meeting is read again', async () => {
    importRecords(opened.sqlite, SRC, [meeting(true)], '2026-11-25T09:00:00Z');
    const kinds = loadEvents(opened.sqlite, { paperId }).map((e) => e.kind);
    expect(kinds.filter((k) => k === 'meeting_cancelled')).toHaveLength(1);
    const $ = cheerio.load((await request(app).get(`/papers/${paperId}/feed.atom`).expect(200)).text, { xml: true });
    expect($('entry > title').toArray().map((t) => $(t).text())).toEqual(['Sitzung abgesagt: Bauausschuss am 10.12.2026', 'Neu erfasst (Vorlage vom 01.10.2026)']);
  });

  test('the motion\'s iCal keeps the cancelled meeting\'s event, as STATUS:CANCELLED (a subscribed calendar strikes it through)', async () => {
    expect(await icsEvents()).toEqual([['20261210', true], ['20270120', false]]);
  });

  test('the committee page: the meeting "abgesagt", the motion not planned there; its JSON says cancelled', async () => {
    const $ = cheerio.load((await request(app).get(`/organizations/${bauId}`).expect(200)).text);
    const block = $('#kommende-sitzungen section.agenda-block');
    expect(block.length).toBe(1);
    expect(text(block.find('h3').text())).toBe('10.12.2026, 17:00 Uhr – Sitzung des Bauausschusses abgesagt');
    expect(block.find('td[data-label="Betreff"]').length).toBe(0);
    const json = (await request(app).get(`/organizations/${bauId}.json`).expect(200)).body as { coming: { date: string; cancelled: boolean; items: unknown[] }[] };
    expect(json.coming).toEqual([expect.objectContaining({ date: '2026-12-10', cancelled: true, items: [] })]);
  });

  test('the list of committees gives no cancelled meeting as the next one, and counts the motion as the committee page does', async () => {
    expect(await nextMeetingLinks()).toEqual([]);
    // no longer its next station, but it has to advise before the council: "+1 mit Frist", as the page's queue counts it
    const $ = cheerio.load((await request(app).get(`/gremien?stadt=${SRC.key}`).expect(200)).text);
    const row = $('tbody tr').filter((_i, tr) => $(tr).find('td[data-label="Gremium"]').text() === BAU);
    expect(text(row.find('td[data-label="Warteschlange"]').text())).toBe('0 Vorlagen (+1 mit Frist)');
    const json = (await request(app).get(`/gremien.json?stadt=${SRC.key}`).expect(200)).body as { groups: { committees: { name: string; queue: number; deadlines: number }[] }[] };
    expect(json.groups[0].committees.find((c) => c.name === BAU)).toMatchObject({ queue: 0, deadlines: 1 });
    const page = cheerio.load((await request(app).get(`/organizations/${bauId}`).expect(200)).text);
    expect(text(page('#warteschlange p.count').text())).toBe('1 Vorlage in der Warteschlange (1 mit Frist vor einer späteren Station)');
  });

  test('the city counts the cancelled meeting apart from its coming ones', async () => {
    const city = cheerio.load((await request(app).get(`/staedte/${SRC.key}`).expect(200)).text);
    expect(text(city('p.facts span').eq(1).text())).toBe('1 Sitzung, davon 0 kommend (1 weitere abgesagt)');
    const cities = cheerio.load((await request(app).get('/staedte').expect(200)).text);
    expect(text(cities('p.facts span').eq(1).text())).toBe('0 kommende Sitzungen (1 abgesagt)');
    const json = (await request(app).get(`/staedte/${SRC.key}.json`).expect(200)).body as { numbers: Record<string, unknown> };
    expect(json.numbers).toMatchObject({ meetings: 1, comingMeetings: 0, cancelledComingMeetings: 1 });
  });

  test('the meeting is no longer cancelled: everything as before', async () => {
    importRecords(opened.sqlite, SRC, [meeting(false)], NOW);
    expect(derived()).toMatchObject({ derivedOn: null });
    refreshDerived(opened.sqlite, TODAY);
    expect(derived()).toEqual({ state: 'scheduled', org: BAU, date: '2026-12-10', derivedOn: TODAY });
    const $ = cheerio.load((await request(app).get(`/papers/${paperId}`).expect(200)).text);
    expect($('ul.meetings li').first().attr('class')).toBe('meeting-planned');
    expect(await nextMeetingLinks()).toHaveLength(1);
    expect(await icsEvents()).toEqual([['20261210', false], ['20270120', false]]);
    const city = cheerio.load((await request(app).get(`/staedte/${SRC.key}`).expect(200)).text);
    expect(text(city('p.facts span').eq(1).text())).toBe('1 Sitzung, davon 1 kommend');
  });

  describe('in either order of reading', () => {
    const stateOf = (key: string) => opened.sqlite.prepare(`SELECT p.next_organization AS org, p.next_date AS date, p.derived_on AS derivedOn
      FROM papers p JOIN sources s ON s.id = p.source_id WHERE s.key = ?`).get(key);
    test('the motion first, the cancelled meeting new afterwards: linking the row to it marks the motion', () => {
      const src = { key: 'absage-a', name: 'Absagestadt A' };
      importRecords(opened.sqlite, src, [org, motion], NOW);
      refreshDerived(opened.sqlite, TODAY);
      expect(stateOf(src.key)).toEqual({ org: BAU, date: '2026-12-10', derivedOn: TODAY });
      importRecords(opened.sqlite, src, [meeting(true)], NOW);
      expect(stateOf(src.key)).toMatchObject({ derivedOn: null });
      refreshDerived(opened.sqlite, TODAY);
      expect(stateOf(src.key)).toEqual({ org: 'Rat', date: '2027-01-20', derivedOn: TODAY });
    });
    test('the cancelled meeting first, the motion afterwards: derived without the date at once', () => {
      const src = { key: 'absage-b', name: 'Absagestadt B' };
      importRecords(opened.sqlite, src, [org, meeting(true)], NOW);
      importRecords(opened.sqlite, src, [motion], NOW);
      expect(stateOf(src.key)).toEqual({ org: 'Rat', date: '2027-01-20', derivedOn: TODAY });
    });
  });
});
