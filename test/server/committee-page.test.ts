/**
 * The committee page for staff (queue, coming agendas, agenda check, print) and the meeting page,
 * over the corpus + the demo data (its Musterstadt committees and meetings, data/demo), on 2026-11-24.
 */
import * as cheerio from 'cheerio';
import request from 'supertest';
import type { Express } from 'express';
import type { OpenedDb } from '../../src/db/connection';
import { importPapers } from '../../src/db/import';
import { paper, station } from '../helpers/records';
import { HAUPTAUSSCHUSS, paperIdOf, RAT } from '../helpers/web-db';
import { buildFixtureApp, type FixtureApp } from './fixture-app';

describe('committee and meeting pages', () => {
  let f: FixtureApp;
  let opened: OpenedDb;
  let app: Express;
  const orgId = (name: string) =>
    opened.sqlite.prepare("SELECT o.id FROM organizations o JOIN sources s ON s.id = o.source_id WHERE s.key = 'demo-musterstadt' AND o.name = ?").pluck().get(name) as number;
  const meetingId = (sid: string) =>
    opened.sqlite.prepare("SELECT m.id FROM meetings m JOIN sources s ON s.id = m.source_id WHERE s.key = 'demo-musterstadt' AND m.external_id = ?").pluck().get(sid) as number;
  const text = (el: cheerio.Cheerio<never> | ReturnType<cheerio.CheerioAPI>) => el.text().replace(/\s+/g, ' ').trim();

  beforeAll(() => {
    f = buildFixtureApp({ extra: ({ sqlite }) => importPapers(sqlite, { key: 'evil', name: 'Evil' }, [
      paper({ sourceId: '1', reference: 'E-100', consultation: [station('Rat<script>x</script>', 'Vorberatung'), station('Ausschuss "B"', 'Entscheidung')] }),
      // a date planned in a Beratungsfolge for which no meeting page is known
      paper({ sourceId: '2', reference: 'E-200', consultation: [
        station('Ausschuss "B"', 'Vorberatung'),
        station('Rat<script>x</script>', 'Entscheidung', [{ date: '2027-03-04', name: null, meetingSourceId: null, agendaItemSourceId: null, result: null, resultCode: 'open' }]),
      ] }),
    ], '2026-11-24T09:00:00Z') });
    ({ opened, app } = f);
  });
  afterAll(() => f.cleanup());

  test('the Rat lists its queue: the papers whose next station it is, dated by its published agenda', async () => {
    const res = await request(app).get(`/organizations/${orgId(RAT)}`).expect(200);
    const $ = cheerio.load(res.text);
    expect($('h1').text()).toBe(RAT);
    const rows = $('table.queue tbody tr').toArray().map((tr) => [
      text($(tr).find('td[data-label="Termin"]')),
      $(tr).find('td[data-label="Vorlage"] .ref').text(),
      $(tr).find('td[data-label="Rolle"]').text(),
      text($(tr).find('td[data-label="Vorstationen"]')),
    ]);
    // both are items of the Rat's published agenda of 17.12.2026, which their own pages do not list yet;
    // DS/2026/0254 is not here: the Rat met on it (08.10.2026) and its result is not published
    expect(rows).toEqual([
      ['17.12.2026 laut Tagesordnung der Sitzung vom 17.12.2026', 'DS/2026/0301', 'Entscheidung', '3 von 3 erledigt'],
      ['17.12.2026 laut Tagesordnung der Sitzung vom 17.12.2026', 'DS/2026/0342', 'Entscheidung',
        '0 von 1 erledigt ⚠ Vorstation offen Vorberatung (Ausschuss für Digitalisierung und Smart City): geplant, kein Termin vor dieser Sitzung; muss vor dem 17.12.2026 beraten werden — Rat der Stadt Musterstadt'],
    ]);
  });

  test('the agenda check flags DS/2026/0342 (Vorberatung open, no date) on the Rat agenda of 17.12.2026, and marks the others', async () => {
    const res = await request(app).get(`/organizations/${orgId(RAT)}`).expect(200);
    const $ = cheerio.load(res.text);
    const block = $(`#sitzung-${meetingId('4103')}`);
    expect(text(block.find('h3'))).toBe('17.12.2026, 17:00 Uhr – Sitzung des Rates der Stadt Musterstadt ⚠ 2 mit unerledigter Vorstation');
    expect(block.find('h3 a').attr('href')).toBe(`/meetings/${meetingId('4103')}`);
    const items = block.find('tbody tr').toArray().map((tr) => [
      $(tr).find('td[data-label="TOP"]').text().trim(),
      $(tr).find('.ref').text(),
      $(tr).hasClass('flagged'),
      text($(tr).find('td[data-label="Agenda-Check"]')),
    ]);
    expect(items).toEqual([
      ['1', '', false, '–'],
      ['2', 'DS/2026/0123', true, '⚠ Vorstation ausstehend Vorberatung (Hauptausschuss): noch offen, Termin 03.12.2026 (vor dieser Sitzung)'],
      ['3', 'DS/2026/0301', false, '✓ bereit'],
      ['4', 'DS/2026/0342', true, '⚠ Vorstation offen Vorberatung (Ausschuss für Digitalisierung und Smart City): geplant, kein Termin vor dieser Sitzung; muss vor dem 17.12.2026 beraten werden — Rat der Stadt Musterstadt'],
      ['5', '', false, '–'],
    ]);
    expect(block.find('tr.flagged .flag-blocking').length).toBe(1);
    // the summary at the top names all three flagged motions, DS/2026/0388 from its Beratungsfolge (the meeting of 04.02.2027 has no agenda yet)
    expect(text($('#h-check'))).toBe('Agenda-Check: 3 Vorlagen mit unerledigter Vorstation');
    expect($('.check-summary > ul > li .ref').toArray().map((e) => $(e).text())).toEqual(['DS/2026/0123', 'DS/2026/0342', 'DS/2026/0388']);
    const planned = $(`#sitzung-${meetingId('4124')}`);
    expect(text(planned.find('h3'))).toBe('04.02.2027, 17:00 Uhr – Sitzung des Rates der Stadt Musterstadt ⚠ 1 mit unerledigter Vorstation');
    expect(planned.find('h3 a').attr('href')).toBe(`/meetings/${meetingId('4124')}`);
    expect(planned.find('tbody tr').length).toBe(1);
    // its agenda is not known: the row says where it comes from, not that a published agenda lacks it
    expect(text(planned.find('td[data-label="Betreff"]'))).toMatch(/laut Beratungsfolge$/);
    expect($('[id^="termin-"]').length).toBe(0);
  });

  test('a date planned in a Beratungsfolge without a known meeting page gets its own block', async () => {
    const res = await request(app).get(`/gremien/evil/${encodeURIComponent('Rat<script>x</script>')}`).expect(200);
    const $ = cheerio.load(res.text);
    const planned = $('#termin-2027-03-04');
    expect(text(planned.find('h3'))).toBe('04.03.2027 – Termin laut Beratungsfolge ⚠ 1 mit unerledigter Vorstation');
    expect(planned.find('h3 a').length).toBe(0);
    expect(planned.find('.ref').text()).toBe('E-200');
    expect(text(planned.find('td[data-label="Betreff"]'))).toMatch(/laut Beratungsfolge$/);
  });

  test('the Hauptausschuss has DS/2026/0123 in its queue for 03.12.2026 and on its published agenda, ready', async () => {
    const $ = cheerio.load((await request(app).get(`/organizations/${orgId(HAUPTAUSSCHUSS)}`).expect(200)).text);
    expect($('table.queue tbody tr').length).toBe(1);
    expect(text($('table.queue td[data-label="Termin"]'))).toBe('03.12.2026');
    expect($('table.queue .ref').text()).toBe('DS/2026/0123');
    expect(text($(`#sitzung-${meetingId('4102')} tr:has(.ref) td[data-label="Agenda-Check"]`))).toBe('✓ bereit');
    expect($('.check-summary').length).toBe(0);
  });

  test('a committee known only from Beratungsfolgen has a page by name; one with an organization row redirects there', async () => {
    // the demo has no organization records for Leipzig: its committees are known from the Beratungsfolge of VII-A-00777 only
    const byName = await request(app).get(`/gremien/demo-leipzig/${encodeURIComponent('Jugendbeirat')}`).expect(200);
    const $ = cheerio.load(byName.text);
    expect($('h1').text()).toBe('Jugendbeirat');
    expect(text($('.facts'))).toContain('aus den Beratungsfolgen bekannt');
    expect($('table.queue .ref').toArray().map((e) => $(e).text())).toEqual(['VII-A-00777']);
    expect(text($('table.queue td[data-label="Termin"]'))).toBe('ohne Termin');
    const redirect = await request(app).get(`/gremien/demo-musterstadt/${encodeURIComponent(RAT)}`).expect(302);
    expect(redirect.headers.location).toBe(`/organizations/${orgId(RAT)}`);
    const stadtentwicklung = 'Ausschuss für Stadtentwicklung und Mobilität';
    const moved = await request(app).get(`/gremien/demo-musterstadt/${encodeURIComponent(stadtentwicklung)}`).expect(302);
    expect(moved.headers.location).toBe(`/organizations/${orgId(stadtentwicklung)}`);
    const slash = await request(app).get(`/gremien/hildesheim/${encodeURIComponent('Ortsrat Stadtmitte/Neustadt')}`).expect(200);
    expect(cheerio.load(slash.text)('h1').text()).toBe('Ortsrat Stadtmitte/Neustadt');
    await request(app).get('/gremien/demo-musterstadt/Niemandsausschuss').expect(404);
    await request(app).get(`/gremien/nirgendwo/${encodeURIComponent(RAT)}`).expect(404);
  });

  test('scraped committee names are escaped on the page by name', async () => {
    const res = await request(app).get(`/gremien/evil/${encodeURIComponent('Rat<script>x</script>')}`).expect(200);
    expect(res.text).not.toContain('<script>');
    expect(res.text).toContain('<h1>Rat&lt;script&gt;x&lt;/script&gt;</h1>');
    const next = await request(app).get(`/gremien/evil/${encodeURIComponent('Ausschuss "B"')}`).expect(200);
    expect(next.text).toContain('<h1>Ausschuss &quot;B&quot;</h1>');
  });

  test('a faction page has no queue and no agenda check', async () => {
    const id = opened.sqlite.prepare("SELECT id FROM organizations WHERE kind = 'faction' ORDER BY id LIMIT 1").pluck().get() as number;
    const $ = cheerio.load((await request(app).get(`/organizations/${id}`).expect(200)).text);
    expect($('#h-queue').length).toBe(0);
    expect($('#h-coming').length).toBe(0);
    expect($('#h-past').length).toBe(1);
    expect($('.facts span').first().text()).toBe('Fraktion');
  });

  test('the coming Rat meeting shows its agenda with the check, links its committee and motions, and the documents of its motions', async () => {
    const $ = cheerio.load((await request(app).get(`/meetings/${meetingId('4103')}`).expect(200)).text);
    expect($('dl.facts-list a').attr('href')).toBe(`/organizations/${orgId(RAT)}`);
    expect(text($('p.check-summary'))).toBe('⚠ Agenda-Check: 2 Vorlagen haben eine Vorstation, die noch nicht erledigt ist.');
    expect($('table.agenda tbody tr').length).toBe(5);
    expect($('table.agenda td[data-label="Vorlage"] a').toArray().map((a) => $(a).attr('href'))).toEqual(
      ['DS/2026/0123', 'DS/2026/0301', 'DS/2026/0342'].map((r) => `/papers/${paperIdOf(opened, 'demo-musterstadt', r)}`),
    );
    const docs = $('ul.files li').toArray().map((li) => text($(li)));
    expect(docs).toEqual([
      'TOP 2, DS/2026/0123: Vorlage (nur im RIS abrufbar)',
      'TOP 3, DS/2026/0301: Vorlage (nur im RIS abrufbar)',
      'TOP 4, DS/2026/0342: Vorlage (nur im RIS abrufbar)',
    ]);
  });

  test('a past corpus meeting (Laatzen Schulausschuss) lists its own Bekanntmachung and the documents of its motions, with their links', async () => {
    const id = opened.sqlite.prepare("SELECT m.id FROM meetings m JOIN sources s ON s.id = m.source_id WHERE s.key = 'laatzen' AND m.date = '2026-09-01'").pluck().get() as number;
    const $ = cheerio.load((await request(app).get(`/meetings/${id}`).expect(200)).text);
    expect($('p.check-summary').length).toBe(0);
    // imported without a manifest, the Laatzen page is read at the address it names itself, so its
    // document links are absolute (they were relative before, and shown without a link)
    expect($('ul.files li').toArray().map((li) => text($(li)))).toEqual([
      'Bekanntmachung',
      'TOP 3, 2026/245: Vorlage',
      'TOP 3, 2026/245: Sammeldokument',
      // its link is a Wicket listener of the session that rendered the page: no lasting address
      'TOP 3, 2026/245: Anlage zu 2026-245 Antrag Bildungscampus.docx (nur im RIS abrufbar)',
      // a motion known only from this agenda: the document its agenda row links
      'TOP 4, 2026/245/1: Sammeldokument öffentlich',
    ]);
    expect($('ul.files li a').eq(1).attr('href')).toBe(`/papers/${paperIdOf(opened, 'laatzen', '2026/245')}`);
    expect($('ul.files li a').toArray().map((a) => $(a).attr('href')).filter((h) => !h!.startsWith('/papers/'))).toEqual([
      'https://ratsinfo.laatzen.de/public/wicket/resource/org.apache.wicket.Application/doc1011638.pdf',
      'https://ratsinfo.laatzen.de/public/wicket/resource/org.apache.wicket.Application/doc1006716.pdf',
      'https://ratsinfo.laatzen.de/public/wicket/resource/org.apache.wicket.Application/doc1006712.pdf',
      'https://ratsinfo.laatzen.de/public/wicket/resource/org.apache.wicket.Application/doc1007933.pdf',
    ]);
  });

  test('the stylesheet prints committee pages on A4 without navigation', async () => {
    const css = (await request(app).get('/static/style.css').expect(200)).text;
    const start = css.search(/@media print \{\s*@page \{ size: A4;/);
    expect(start).toBeGreaterThan(0);
    const print = css.slice(start, css.indexOf('\n}\n', start));
    expect(print).toMatch(/header\.site, footer\.site, nav\.crumbs/);
    expect(print).toMatch(/break-inside: avoid/);
  });
});
