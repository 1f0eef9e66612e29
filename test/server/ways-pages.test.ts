/**
 * The ways in over the demo data set on 2026-11-24: the city pages, the committee list and the meeting
 * calendar show the numbers SQL counts over the same data, link every committee and meeting, carry the
 * agenda check of each coming meeting, answer bad parameters with 400/404, and give iCal that parses.
 */
import * as cheerio from 'cheerio';
import request from 'supertest';
import type { Express } from 'express';
import ical from 'node-ical';
import { openDb, type OpenedDb } from '../../src/db/connection';
import { loadDemo } from '../../src/ingest/demo';
import { createApp } from '../../src/server/app';
import { BADGE_MAX, loadMeetingBadges } from '../../src/server/views/meeting-badges';
import { makeTmpDir } from '../helpers/tmp';

const TODAY = '2026-11-24';
const MUSTER = 'demo-musterstadt';
const RAT = 'Rat der Stadt Musterstadt';

describe('cities, committees and the meeting calendar (demo)', () => {
  const tmp = makeTmpDir();
  let opened: OpenedDb;
  let app: Express;
  const one = (sql: string, ...params: unknown[]) => opened.sqlite.prepare(sql).pluck().get(...params) as number;
  const text = (el: { text(): string }) => el.text().replace(/\s+/g, ' ').trim();
  const get = async (url: string) => cheerio.load((await request(app).get(url).expect(200)).text);
  const meetingId = (sid: string) => one('SELECT id FROM meetings WHERE external_id = ?', sid);
  const orgId = (name: string) => one("SELECT o.id FROM organizations o JOIN sources s ON s.id = o.source_id WHERE s.key = ? AND o.name = ?", MUSTER, name);

  beforeAll(() => {
    opened = openDb(`${tmp.dir}/demo.sqlite`);
    loadDemo(opened.sqlite, '2026-11-24T09:00:00Z', TODAY);
    app = createApp(opened.sqlite, { today: () => TODAY });
  });
  afterAll(() => {
    opened.close();
    tmp.cleanup();
  });

  test('/staedte: each city with its motions and coming meetings as SQL counts them', async () => {
    const $ = await get('/staedte');
    const cards = $('li.city-card').toArray().map((c) => ({ href: $(c).find('h2 a').attr('href'), facts: text($(c).find('p.facts')) }));
    const sql = opened.sqlite.prepare(`SELECT s.key, (SELECT COUNT(*) FROM papers p WHERE p.source_id = s.id) AS papers,
      (SELECT COUNT(*) FROM meetings m WHERE m.source_id = s.id AND m.date >= ?) AS coming FROM sources s ORDER BY s.name`).all(TODAY) as { key: string; papers: number; coming: number }[];
    expect(sql.map((s) => [s.key, s.papers, s.coming])).toEqual([['demo-leipzig', 1, 0], [MUSTER, 12, 4]]);
    expect(cards.map((c) => c.href)).toEqual(sql.map((s) => `/staedte/${s.key}`));
    expect(cards.map((c) => c.facts.match(/^(\d+) Vorlagen?\D*?(\d+) kommende/)!.slice(1).map(Number))).toEqual(sql.map((s) => [s.papers, s.coming]));
  });

  test('/staedte/:key: motions by state, committees with members, next meeting and queue, meetings with their agenda check', async () => {
    const $ = await get(`/staedte/${MUSTER}`);
    expect(text($('h1'))).toBe('Musterstadt (Demo)');
    const states = $('table.state-table tbody tr').toArray().map((r) => [text($(r).find('td').eq(0)), Number(text($(r).find('td').eq(1)))]);
    const byState = opened.sqlite.prepare("SELECT state, COUNT(*) AS n FROM papers WHERE source_id = (SELECT id FROM sources WHERE key = ?) GROUP BY state").all(MUSTER) as { n: number }[];
    expect(states.reduce((n, [, c]) => n + (c as number), 0)).toBe(12);
    expect(states.map(([, c]) => c).sort()).toEqual(byState.map((r) => r.n).sort());
    const rows = $('table.committees tbody tr').toArray().map((r) => $(r).find('td').toArray().map((td) => text($(td))));
    expect(rows.length).toBe(10);
    const rat = $('table.committees tbody tr').filter((_i, r) => text($(r).find('td').eq(0)) === RAT);
    expect(rat.find('td').eq(0).find('a').attr('href')).toBe(`/organizations/${orgId(RAT)}`);
    expect(text(rat.find('td').eq(1))).toBe(String(one('SELECT COUNT(*) FROM memberships WHERE organization_id = ?', orgId(RAT))));
    expect(text(rat.find('td').eq(1))).toBe('7');
    expect(rat.find('td').eq(2).find('a').attr('href')).toBe(`/meetings/${meetingId('4103')}`);
    expect(text(rat.find('td').eq(2))).toBe('17.12.2026, 17:00 Uhr');
    const queue = one(`SELECT COUNT(*) FROM papers p WHERE p.source_id = (SELECT id FROM sources WHERE key = ?) AND p.next_organization = ?
      AND EXISTS (SELECT 1 FROM consultations c WHERE c.paper_id = p.id AND c.organization = ?)`, MUSTER, RAT, RAT);
    expect([text(rat.find('td').eq(3)), queue]).toEqual(['2 Vorlagen', 2]);
    // coming meetings, each with its agenda check; the Rat of 17.12. has DS/2026/0342 with an open Vorberatung
    const coming = $('#h-coming').parent().find('ul.cal-list > li').toArray().map((li) => [$(li).find('a').first().attr('href'), text($(li).find('.badge'))]);
    expect(coming).toEqual([
      [`/meetings/${meetingId('4102')}`, 'Agenda-Check: ✓ 1 bereit'],
      [`/meetings/${meetingId('4103')}`, 'Agenda-Check: ⚠ 1 bereit · 1 offen · 1 ausstehend'],
      [`/meetings/${meetingId('4123')}`, 'Agenda-Check: Tagesordnung noch nicht bekannt'],
      [`/meetings/${meetingId('4124')}`, 'Agenda-Check: Tagesordnung noch nicht bekannt'],
    ]);
    const past = $('#h-past').parent().find('ul.cal-list > li');
    expect(past.length).toBe(one("SELECT COUNT(*) FROM meetings WHERE source_id = (SELECT id FROM sources WHERE key = ?) AND date < ?", MUSTER, TODAY));
    // the topic's motions of this city, as many as the start page filtered to it lists
    const home = await get(`/?stadt=${MUSTER}`);
    expect(text($('#h-topic'))).toMatch(new RegExp(`^Digitalisierung & Digitaltag: ${text(home('p.count')).match(/^(\d+)/)![1]} Vorlagen$`));
  });

  test('the Rat\'s badge agrees with the agenda check on the Rat\'s own page', async () => {
    const $ = await get(`/organizations/${orgId(RAT)}`);
    const flagged = $(`#sitzung-${meetingId('4103')} tr.flagged`).toArray().map((r) => text($(r).find('.flag')));
    expect(flagged.sort()).toEqual(['⚠ Vorstation ausstehend', '⚠ Vorstation offen']);
  });

  test('/gremien: every city\'s committees; ?stadt= one city; committees known by name only link to /gremien/:source/:name', async () => {
    const all = await get('/gremien');
    expect(all('section h2 a').toArray().map((a) => all(a).attr('href'))).toEqual(['/staedte/demo-leipzig', `/staedte/${MUSTER}`]);
    expect(all('table.committees tbody tr').length).toBe(14);
    const $ = await get('/gremien?stadt=demo-leipzig');
    expect(text($('h1'))).toBe('Gremien – Leipzig (Demo)');
    expect($('table.committees tbody tr td:first-child a').toArray().map((a) => $(a).attr('href'))).toEqual(
      ['FA Wirtschaft, Arbeit und Digitales', 'Jugendbeirat', 'Jugendparlament', 'Ratsversammlung'].map((n) => `/gremien/demo-leipzig/${encodeURIComponent(n)}`),
    );
    for (const a of $('table.committees tbody tr td:first-child a').toArray()) await request(app).get($(a).attr('href')!).expect(200);
  });

  test('/sitzungen: this week, next week and the month grid of one city', async () => {
    const $ = await get(`/sitzungen?stadt=${MUSTER}&monat=2026-12`);
    expect(text($('#h-week-1'))).toBe('Diese Woche (23.11.2026 – 29.11.2026)');
    expect(text($('#h-week-1').parent().find('p').first())).toBe('Keine Sitzungen.');
    const next = $('#h-week-2').parent().find('li.cal-meeting');
    expect(next.toArray().map((li) => [text($(li).find('.when')), $(li).find('.what a').first().attr('href'), $(li).find('.what a').eq(1).attr('href'), $(li).find('a.ics').attr('href')])).toEqual([
      ['Donnerstag, 03.12.2026, 17:00 Uhr', `/meetings/${meetingId('4102')}`, `/organizations/${orgId('Hauptausschuss')}`, `/meetings/${meetingId('4102')}/calendar.ics`],
    ]);
    expect(text($('#h-month'))).toBe('Dezember 2026 (2 Sitzungen)');
    const days = $('table.month-grid td').toArray().filter((td) => $(td).find('li').length).map((td) => [text($(td).find('.day-name')), $(td).find('li a').attr('href'), text($(td).find('.badge'))]);
    expect(days).toEqual([
      ['Do 03.12.2026', `/meetings/${meetingId('4102')}`, 'Agenda-Check: ✓ 1 bereit'],
      ['Do 17.12.2026', `/meetings/${meetingId('4103')}`, 'Agenda-Check: ⚠ 1 bereit · 1 offen · 1 ausstehend'],
    ]);
    expect($('table.month-grid tbody tr').length).toBe(5);
    expect($('nav.month-nav a').toArray().map((a) => $(a).attr('href'))).toEqual([
      `/sitzungen?stadt=${MUSTER}&monat=2026-11`, `/sitzungen?stadt=${MUSTER}`, `/sitzungen?stadt=${MUSTER}&monat=2027-01`,
    ]);
  });

  test('/sitzungen?gremium=: one committee; the form keeps it selected; a month without meetings is empty', async () => {
    const g = encodeURIComponent(`${MUSTER}:${RAT}`);
    const $ = await get(`/sitzungen?gremium=${g}&monat=2026-10`);
    expect(text($('h1'))).toBe(`Sitzungskalender: ${RAT} (Musterstadt (Demo))`);
    expect($('#s-gremium option[selected]').attr('value')).toBe(`${MUSTER}:${RAT}`);
    expect($('#s-stadt option[selected]').attr('value')).toBe(MUSTER);
    expect($('table.month-grid li a').toArray().map((a) => $(a).attr('href'))).toEqual([`/meetings/${meetingId('4127')}`]);
    const empty = await get(`/sitzungen?gremium=${g}&monat=2026-11`);
    expect(text(empty('#h-month'))).toBe('November 2026 (0 Sitzungen)');
  });

  test('bad parameters: a 400 for a bad month or a repeated parameter, a 404 for an unknown city or committee', async () => {
    for (const [url, status] of [
      ['/sitzungen?monat=2026-13', 400], ['/sitzungen?monat=morgen', 400], ['/sitzungen?stadt=a&stadt=b', 400],
      ['/sitzungen?stadt=nirgendwo', 404], [`/sitzungen?gremium=${MUSTER}:Gibtesnicht`, 404], ['/sitzungen?gremium=Hauptausschuss', 404],
      ['/gremien?stadt=nirgendwo', 404], ['/staedte/nirgendwo', 404], ['/sitzungen.ics?stadt=nirgendwo', 404], ['/meetings/999999/calendar.ics', 404],
    ] as const) {
      const res = await request(app).get(url);
      expect([url, res.status]).toEqual([url, status]);
      if (!url.endsWith('.ics')) expect(res.text).not.toMatch(/at \w+ \(|Error:/);
    }
  });

  test('iCal: the filtered calendar has every meeting of the city from 30 days back on; one meeting\'s has that meeting', async () => {
    const res = await request(app).get(`/sitzungen.ics?stadt=${MUSTER}`).expect(200).expect('content-type', /text\/calendar/);
    const events = Object.values(ical.sync.parseICS(res.text)).filter((e) => e?.type === 'VEVENT') as ical.VEvent[];
    expect(events.length).toBe(one("SELECT COUNT(*) FROM meetings WHERE source_id = (SELECT id FROM sources WHERE key = ?) AND date >= '2026-10-25'", MUSTER));
    expect(events.length).toBe(5); // 11.11., 03.12., 17.12.2026, 13.01., 04.02.2027
    const g = encodeURIComponent(`${MUSTER}:Hauptausschuss`);
    const ha = Object.values(ical.sync.parseICS((await request(app).get(`/sitzungen.ics?gremium=${g}`).expect(200)).text)).filter((e) => e?.type === 'VEVENT') as ical.VEvent[];
    expect(ha.map((e) => e.summary)).toEqual(['Sitzung des Hauptausschusses']);
    const single = Object.values(ical.sync.parseICS((await request(app).get(`/meetings/${meetingId('4103')}/calendar.ics`).expect(200)).text)).filter((e) => e?.type === 'VEVENT') as ical.VEvent[];
    expect(single.map((e) => [e.summary, e.start.toISOString()])).toEqual([['Sitzung des Rates der Stadt Musterstadt', '2026-12-17T16:00:00.000Z']]);
  });

  test('each page names its JSON (and iCal) in <head> and beside its other links, and each of those answers in its format', async () => {
    const meeting = one('SELECT id FROM meetings WHERE source_id = (SELECT id FROM sources WHERE key = ?) ORDER BY date DESC LIMIT 1', MUSTER);
    const pages: [string, string[]][] = [
      ['/staedte', ['/staedte.json']],
      [`/staedte/${MUSTER}`, [`/sitzungen.ics?stadt=${MUSTER}`, `/staedte/${MUSTER}.json`]],
      ['/gremien', ['/gremien.json']],
      [`/gremien?stadt=${MUSTER}`, [`/gremien.json?stadt=${MUSTER}`]],
      [`/sitzungen?stadt=${MUSTER}&monat=2026-12`, [`/sitzungen.ics?stadt=${MUSTER}`, `/sitzungen.json?stadt=${MUSTER}`]],
      ['/dashboard?thema=alle', ['/dashboard.json?thema=alle']],
      [`/meetings/${meeting}`, [`/meetings/${meeting}/calendar.ics`, `/meetings/${meeting}.json`]],
    ];
    for (const [url, hrefs] of pages) {
      const $ = await get(url);
      const head = $('head link[rel="alternate"]').toArray().map((l) => $(l).attr('href'));
      const shown = $('nav.feed-links a').toArray().map((a) => $(a).attr('href'));
      expect([url, head.filter((h) => hrefs.includes(h!))]).toEqual([url, hrefs]);
      expect([url, hrefs.filter((h) => shown.includes(h))]).toEqual([url, hrefs]);
      for (const h of hrefs) {
        const res = await request(app).get(h).expect(200);
        expect([h, res.headers['content-type']]).toEqual([h, h.includes('.ics') ? 'text/calendar; charset=utf-8' : 'application/json; charset=utf-8']);
      }
    }
  });

  test('committee names in the motion list link to their committee\'s page', async () => {
    const $ = await get('/?thema=alle');
    const links = $('table.papers td[data-label="Nächster Schritt"] a').toArray().map((a) => $(a).attr('href')!);
    expect(links).toContain(`/gremien/${MUSTER}/${encodeURIComponent(RAT)}`);
    const res = await request(app).get(`/gremien/${MUSTER}/${encodeURIComponent(RAT)}`).expect(302);
    expect(res.headers.location).toBe(`/organizations/${orgId(RAT)}`);
  });

  test('a page checks its BADGE_MAX earliest coming meetings; later ones point to the meeting page, past ones have no badge', () => {
    const real = [{ id: meetingId('4103'), date: '2026-12-17', organization: RAT }, { id: meetingId('4106'), date: '2025-10-09', organization: RAT }];
    // meetings without agenda (ids no meeting has), on the days after the Rat's
    const filler = Array.from({ length: BADGE_MAX + 5 }, (_, i) => ({ id: 900_000 + i, date: `2027-01-${String(1 + (i % 28)).padStart(2, '0')}`, organization: 'Hauptausschuss' }));
    const badges = loadMeetingBadges(opened.sqlite, [...filler, ...real], TODAY);
    expect(badges.get(meetingId('4103'))).toEqual({ kind: 'open', ready: 1, pending: 1, open: 1, label: '1 bereit · 1 offen · 1 ausstehend' });
    expect(badges.get(meetingId('4106'))!.kind).toBe('past');
    const kinds = filler.map((m) => badges.get(m.id)!.kind);
    expect(kinds.filter((k) => k === 'unknown').length).toBe(BADGE_MAX - 1);
    expect(kinds.filter((k) => k === 'later').length).toBe(6);
    // the latest dates are the ones left for the meeting page
    const later = filler.filter((m) => badges.get(m.id)!.kind === 'later').map((m) => m.date);
    const checked = filler.filter((m) => badges.get(m.id)!.kind === 'unknown').map((m) => m.date);
    expect(later.every((d) => checked.every((c) => c <= d))).toBe(true);
  });
});
