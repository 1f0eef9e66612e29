/**
 * The demo data set alone (what `ratsradar serve` shows on an empty database), on 2026-11-24: every
 * page kind is reachable from the start page, the committee pages show their queues and meetings,
 * the meeting pages their agendas linked to the demo motions, and the motions' meeting rows are
 * linked to meetings and agenda items.
 */
import * as cheerio from 'cheerio';
import request from 'supertest';
import type { Express } from 'express';
import ical from 'node-ical';
import { openDb, type OpenedDb } from '../../src/db/connection';
import { loadDemo, type DemoLoadResult } from '../../src/ingest/demo';
import { createApp } from '../../src/server/app';
import { makeTmpDir } from '../helpers/tmp';

const TODAY = '2026-11-24';
const NOW = '2026-11-24T09:00:00Z';

describe('the demo data set on its own', () => {
  const tmp = makeTmpDir();
  let opened: OpenedDb;
  let app: Express;
  let loaded: DemoLoadResult;
  const one = (sql: string, ...params: unknown[]) => opened.sqlite.prepare(sql).pluck().get(...params);
  const orgId = (name: string) => one("SELECT o.id FROM organizations o JOIN sources s ON s.id = o.source_id WHERE s.key = 'demo-musterstadt' AND o.name = ?", name) as number;
  const meetingId = (sid: string) => one('SELECT id FROM meetings WHERE external_id = ?', sid) as number;
  const paperId = (reference: string) => one('SELECT id FROM papers WHERE reference = ?', reference) as number;
  const text = (el: { text(): string }) => el.text().replace(/\s+/g, ' ').trim();
  const get = async (url: string) => cheerio.load((await request(app).get(url).expect(200)).text);

  beforeAll(() => {
    opened = openDb(`${tmp.dir}/demo.sqlite`);
    loaded = loadDemo(opened.sqlite, NOW, TODAY);
    app = createApp(opened.sqlite, { today: () => TODAY });
  });
  afterAll(() => {
    opened.close();
    tmp.cleanup();
  });

  test('loadDemo imports motions, committees, meetings and agenda items, and a second load changes nothing', () => {
    expect([loaded.inserted, loaded.updated, loaded.unchanged]).toEqual([13, 0, 0]);
    expect([loaded.byKind.Organization.inserted, loaded.byKind.Meeting.inserted, loaded.byKind.AgendaItem.inserted]).toEqual([10, 27, 108]);
    const count = (table: string) => one(`SELECT COUNT(*) FROM ${table}`);
    expect(['papers', 'organizations', 'meetings', 'agenda_items'].map(count)).toEqual([13, 10, 27, 108]);
    const again = loadDemo(opened.sqlite, '2026-11-25T09:00:00Z', TODAY);
    expect([again.inserted, again.updated, again.byKind.Meeting.updated, again.byKind.AgendaItem.updated, again.byKind.Organization.updated]).toEqual([0, 0, 0, 0, 0]);
    expect(['papers', 'organizations', 'meetings', 'agenda_items'].map(count)).toEqual([13, 10, 27, 108]);
  });

  test('every meeting has its committee, every agenda item its meeting, and every item naming a motion that motion', () => {
    expect(one('SELECT COUNT(*) FROM meetings WHERE organization_id IS NULL')).toBe(0);
    expect(one('SELECT COUNT(*) FROM agenda_items WHERE meeting_id IS NULL')).toBe(0);
    expect(one('SELECT COUNT(*) FROM agenda_items WHERE paper_reference IS NOT NULL AND paper_id IS NULL')).toBe(0);
    expect(one('SELECT COUNT(*) FROM agenda_items WHERE paper_id IS NOT NULL')).toBe(27);
    // agenda items add no motions of their own: the 13 papers are those of the demo files
    expect(one('SELECT COUNT(DISTINCT reference) FROM papers')).toBe(13);
  });

  test('the motions’ meeting rows are linked to their meetings and agenda items (Leipzig’s two rows have no meeting pages)', () => {
    const rows = opened.sqlite.prepare(`SELECT s.key AS source, p.reference, c.organization, cm.date, m.external_id AS meeting, a.external_id AS item,
        m.date AS meetingDate, m.organization AS meetingOrganization, a.paper_id = p.id AS itemOfPaper
      FROM consultation_meetings cm JOIN consultations c ON c.id = cm.consultation_id JOIN papers p ON p.id = c.paper_id
      JOIN sources s ON s.id = p.source_id LEFT JOIN meetings m ON m.id = cm.meeting_id LEFT JOIN agenda_items a ON a.id = cm.agenda_item_id
      ORDER BY cm.date`).all() as { source: string; reference: string; organization: string; date: string; meeting: string | null; item: string | null; meetingDate: string | null; meetingOrganization: string | null; itemOfPaper: number | null }[];
    expect(rows.length).toBe(29);
    const musterstadt = rows.filter((r) => r.source === 'demo-musterstadt');
    expect(musterstadt.length).toBe(27);
    for (const r of musterstadt) expect([r.reference, r.meetingDate, r.meetingOrganization]).toEqual([r.reference, r.date, r.organization]);
    expect(musterstadt.filter((r) => r.item === null).map((r) => [r.reference, r.date])).toEqual([
      ['DS/2026/0388', '2027-01-13'],
      ['DS/2026/0388', '2027-02-04'],
    ]);
    expect(musterstadt.filter((r) => r.item !== null).every((r) => r.itemOfPaper === 1)).toBe(true);
    expect(rows.filter((r) => r.source === 'demo-leipzig').map((r) => [r.reference, r.meeting, r.item])).toEqual([
      ['VII-A-00777', null, null],
      ['VII-A-00777', null, null],
    ]);
  });

  test('from the start page every motion, committee and meeting page is reachable by links', async () => {
    const seen = new Set<string>();
    const queue = ['/'];
    const entity = /^\/(papers|organizations|meetings)\/\d+$|^\/gremien\/[^/?#]+\/[^/?#]+$/;
    while (queue.length) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      seen.add(url);
      const res = await request(app).get(url);
      if (res.status === 302) {
        queue.push(res.headers.location);
        continue;
      }
      expect([url, res.status]).toEqual([url, 200]);
      const $ = cheerio.load(res.text);
      for (const a of $('a[href]').toArray()) {
        const href = $(a).attr('href')!;
        if (entity.test(href) || (url === '/' && /^\/\?thema=[\w-]+$/.test(href))) queue.push(href);
      }
    }
    const reached = (kind: string) => [...seen].filter((u) => u.startsWith(`/${kind}/`)).length;
    expect([reached('papers'), reached('organizations'), reached('meetings')]).toEqual([13, 10, 27]);
    // the Leipzig committees have no organization rows: their pages are by name
    expect([...seen].filter((u) => u.startsWith('/gremien/demo-leipzig/')).map(decodeURIComponent).sort()).toEqual([
      '/gremien/demo-leipzig/FA Wirtschaft, Arbeit und Digitales', '/gremien/demo-leipzig/Jugendbeirat',
      '/gremien/demo-leipzig/Jugendparlament', '/gremien/demo-leipzig/Ratsversammlung',
    ]);
  });

  test('the committee page of the Ausschuss für Digitalisierung und Smart City: its queue, its past meetings and its members', async () => {
    const $ = await get(`/organizations/${orgId('Ausschuss für Digitalisierung und Smart City')}`);
    expect($('h1').text()).toBe('Ausschuss für Digitalisierung und Smart City');
    expect($('table.queue tbody tr').toArray().map((tr) => [text($(tr).find('td[data-label="Termin"]')), $(tr).find('.ref').text(), text($(tr).find('td[data-label="Rolle"]'))])).toEqual([
      // DS/2026/0342 is on the Rat's agenda of 17.12.2026 and this committee has not deliberated it yet
      ['ohne Termin muss vor dem 17.12.2026 beraten werden — Rat der Stadt Musterstadt', 'DS/2026/0342', 'Vorberatung'],
    ]);
    expect($('ul.meeting-list li').toArray().map((li) => text($(li)))).toEqual([
      '11.11.2026 – Sitzung des Ausschusses für Digitalisierung und Smart City (4 Tagesordnungspunkte)',
      '14.10.2026 – Sitzung des Ausschusses für Digitalisierung und Smart City (4 Tagesordnungspunkte)',
      '13.05.2026 – Sitzung des Ausschusses für Digitalisierung und Smart City (4 Tagesordnungspunkte)',
      '04.03.2026 – Sitzung des Ausschusses für Digitalisierung und Smart City (4 Tagesordnungspunkte)',
      '12.11.2025 – Sitzung des Ausschusses für Digitalisierung und Smart City (4 Tagesordnungspunkte)',
      '10.09.2025 – Sitzung des Ausschusses für Digitalisierung und Smart City (4 Tagesordnungspunkte)',
    ]);
    expect($('ul.meeting-list a').first().attr('href')).toBe(`/meetings/${meetingId('4122')}`);
    expect(text($('main'))).toContain('Petra Platzhalter');
  });

  test('the committee page of the Rat: queue, the coming meeting with its agenda check, the one without an agenda yet', async () => {
    const $ = await get(`/organizations/${orgId('Rat der Stadt Musterstadt')}`);
    // DS/2026/0254: the Rat met on it and its result is not published — not waiting for another meeting
    expect($('table.queue .ref').toArray().map((e) => $(e).text())).toEqual(['DS/2026/0301', 'DS/2026/0342']);
    expect($(`#sitzung-${meetingId('4103')} tbody tr .ref`).toArray().map((e) => $(e).text())).toEqual(['DS/2026/0123', 'DS/2026/0301', 'DS/2026/0342']);
    expect($(`#sitzung-${meetingId('4124')} tbody tr .ref`).toArray().map((e) => $(e).text())).toEqual(['DS/2026/0388']);
    expect($('ul.meeting-list li').length).toBe(7);
  });

  test('a past meeting page (Rat, 09.10.2025) shows its agenda, the motion linked, with its result, and the committee', async () => {
    const $ = await get(`/meetings/${meetingId('4106')}`);
    expect($('h1').text()).toBe('Sitzung des Rates der Stadt Musterstadt');
    expect($('dl.facts-list a').attr('href')).toBe(`/organizations/${orgId('Rat der Stadt Musterstadt')}`);
    expect(text($('dl.facts-list'))).toContain('17:00 – 20:15 Uhr');
    const rows = $('table.agenda tbody tr').toArray().map((tr) => [
      text($(tr).find('td[data-label="TOP"]')), text($(tr).find('td[data-label="Betreff"]').clone().find('.earlier').remove().end()),
      $(tr).find('td[data-label="Vorlage"] a').attr('href') ?? null, text($(tr).find('td[data-label="Ergebnis"]')),
    ]);
    expect(rows).toEqual([
      ['Ö 1', 'Eröffnung und Feststellung der Tagesordnung', null, ''],
      ['Ö 2', 'Smart-City-Strategie Musterstadt 2030', `/papers/${paperId('DS/2025/0456')}`, 'ungeändert beschlossen'],
      ['Ö 3', 'Mitteilungen der Verwaltung', null, ''],
      ['Ö 4', 'Anfragen', null, ''],
      ['N 5', 'nichtöffentlich', null, ''],
    ]);
    // for staff: the motion's earlier stations and what became of them
    expect($('table.agenda .earlier li').toArray().map((li) => text($(li)))).toEqual([
      'Anhörung im Seniorenbeirat: übersprungen',
      'Vorberatung im Ausschuss für Digitalisierung und Smart City am 10.09.2025: ungeändert beschlossen',
      'Vorberatung im Finanzausschuss am 24.09.2025: ungeändert beschlossen',
    ]);
    expect($('p.check-summary').length).toBe(0);
  });

  test('a coming meeting without a published agenda says so; the motion page links its meeting rows to the meetings', async () => {
    const $ = await get(`/meetings/${meetingId('4124')}`);
    expect(text($('dl.facts-list'))).toContain('04.02.2027 geplant');
    expect(text($('section[aria-labelledby="h-agenda"]'))).toContain('Zu dieser Sitzung ist keine Tagesordnung bekannt.');
    const p = await get(`/papers/${paperId('DS/2025/0456')}`);
    expect(p('li.station a[href^="/meetings/"]').toArray().map((a) => p(a).attr('href'))).toEqual(['4104', '4105', '4106'].map((s) => `/meetings/${meetingId(s)}`));
    expect(p('li.station h3 a').toArray().map((a) => p(a).attr('href'))).toEqual(
      ['Seniorenbeirat', 'Ausschuss für Digitalisierung und Smart City', 'Finanzausschuss', 'Rat der Stadt Musterstadt'].map((n) => `/organizations/${orgId(n)}`),
    );
  });

  test('the calendar of all meetings holds the demo meetings from 30 days back', async () => {
    const events = (body: string) =>
      (Object.values(ical.sync.parseICS(body)).filter((c) => c?.type === 'VEVENT') as ical.VEvent[])
        .map((e) => [String(e.summary), e.uid])
        .sort();
    const res = await request(app).get('/calendar.ics').expect(200);
    const url = (sid: string) => `meeting-${meetingId(sid)}@ratsradar`;
    expect(events(res.text)).toEqual([
      ['Sitzung des Ausschusses für Digitalisierung und Smart City', url('4122')],
      ['Sitzung des Ausschusses für Stadtentwicklung und Mobilität', url('4123')],
      ['Sitzung des Hauptausschusses', url('4102')],
      ['Sitzung des Rates der Stadt Musterstadt', url('4103')],
      ['Sitzung des Rates der Stadt Musterstadt', url('4124')],
    ].sort());
    const committee = await request(app).get(`/organizations/${orgId('Rat der Stadt Musterstadt')}/calendar.ics`).expect(200);
    expect(events(committee.text).length).toBe(9);
  });
});
