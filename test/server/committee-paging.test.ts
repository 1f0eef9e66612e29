/**
 * The committee page's queue in pages of QUEUE_PAGE_SIZE (?seite=N, as on the paper lists): the count,
 * the pager links, bad page numbers; and the committee's calendar / feeds stay complete.
 */
import path from 'node:path';
import * as cheerio from 'cheerio';
import request from 'supertest';
import type { Express } from 'express';
import { openDb, type OpenedDb } from '../../src/db/connection';
import { importPapers, importRecords } from '../../src/db/import';
import { refreshDerived } from '../../src/db/derive';
import { createApp } from '../../src/server/app';
import { AGENDA_ROWS, QUEUE_PAGE_SIZE } from '../../src/server/views/committee-view';
import type { MeetingRecord, OrganizationRecord } from '../../scrapers/records';
import { paper, station } from '../helpers/records';
import { makeTmpDir } from '../helpers/tmp';

const TODAY = '2026-11-24';
const NOW = '2026-11-24T09:00:00Z';
const ALPHA = 'Ausschuss Alpha';
const EVIL = 'Ausschuss <B> & "C"';
const ref = (n: number) => `Q/${String(n).padStart(3, '0')}`;
/** the whole queue of the Ausschuss Alpha in order: F/1 (dated, 10.12.2026) first, then the 122 undated ones */
const QUEUE = ['F/1', ...Array.from({ length: 122 }, (_, i) => ref(i + 1))];

describe('committee page: the queue in pages', () => {
  const tmp = makeTmpDir();
  let opened: OpenedDb;
  let app: Express;
  let alphaId: number;
  const queueRefs = ($: cheerio.CheerioAPI) => $('table.queue tbody tr .ref').toArray().map((e) => $(e).text());
  const text = (el: { text(): string }) => el.text().replace(/\s+/g, ' ').trim();

  beforeAll(() => {
    opened = openDb(path.join(tmp.dir, 'paging.sqlite'));
    const org: OrganizationRecord = {
      type: 'Organization', format: 1, system: 'allris3', systemVersion: null, sourceId: 'au1', url: 'https://ris.example/au020.asp?AULFDNR=1',
      name: ALPHA, members: [],
    };
    importRecords(opened.sqlite, { key: 'paging', name: 'Pagingstadt' }, [org], NOW);
    // 122 undated papers waiting for the Ausschuss Alpha (one station each), 3 for a committee known by name only
    importPapers(opened.sqlite, { key: 'paging', name: 'Pagingstadt' }, [
      ...Array.from({ length: 122 }, (_, i) => paper({
        sourceId: String(1000 + i), url: `https://ris.example/vo020.asp?VOLFDNR=${1000 + i}`, reference: ref(i + 1), name: `Vorlage ${i + 1}`,
        consultation: [station(ALPHA, 'Entscheidung')],
      })),
      ...[1, 2, 3].map((i) => paper({
        sourceId: String(5000 + i), url: `https://ris.example/vo020.asp?VOLFDNR=${5000 + i}`, reference: `E/${i}`, name: `Evil ${i}`,
        consultation: [station(EVIL, 'Entscheidung')],
      })),
      // on the agenda of the Ausschuss Alpha while its Vorberatung is open: flagged by the agenda check (and in the queue)
      paper({
        sourceId: '7001', url: 'https://ris.example/vo020.asp?VOLFDNR=7001', reference: 'F/1', name: 'Vorlage mit offener Vorstation',
        consultation: [station('Ausschuss Beta', 'Vorberatung'), station(ALPHA, 'Entscheidung', [
          { date: '2026-12-10', name: null, meetingSourceId: 'm1', agendaItemSourceId: null, result: null, resultCode: 'open' },
        ])],
      }),
    ], NOW);
    // a coming meeting of the Ausschuss Alpha with 20 agenda items, item 18 the flagged paper F/1
    const meeting: MeetingRecord = {
      type: 'Meeting', format: 1, system: 'allris3', systemVersion: null, sourceId: 'm1', url: 'https://ris.example/to010.asp?SILFDNR=1',
      name: 'Sitzung Alpha', organization: ALPHA, organizationSourceId: 'au1', date: '2026-12-10', start: '17:00', end: null, room: null,
      location: null, statusText: null,
      agendaItem: Array.from({ length: 20 }, (_, i) => ({
        number: String(i + 1), public: true, sourceId: `ti${i + 1}`, name: i === 17 ? 'Vorlage mit offener Vorstation' : `Punkt ${i + 1}`,
        paperReference: i === 17 ? 'F/1' : null, paperSourceId: i === 17 ? '7001' : null, result: null, resultCode: 'open',
      })),
    };
    importRecords(opened.sqlite, { key: 'paging', name: 'Pagingstadt' }, [meeting], NOW);
    refreshDerived(opened.sqlite, TODAY);
    alphaId = opened.sqlite.prepare('SELECT id FROM organizations WHERE name = ?').pluck().get(ALPHA) as number;
    app = createApp(opened.sqlite, { today: () => TODAY });
  });
  afterAll(() => {
    opened.close();
    tmp.cleanup();
  });

  test('page 1 shows the first 50 of 123, the total and links to the next and the last page', async () => {
    expect(QUEUE_PAGE_SIZE).toBe(50);
    const $ = cheerio.load((await request(app).get(`/organizations/${alphaId}`).expect(200)).text);
    expect(queueRefs($)).toEqual(QUEUE.slice(0, 50));
    expect(text($('#warteschlange p.count'))).toBe('123 Vorlagen in der Warteschlange, hier Nr. 1–50');
    const pager = $('#warteschlange nav.pager');
    expect(text(pager.find('span'))).toBe('Seite 1 von 3');
    expect(pager.find('a[rel="next"]').attr('href')).toBe(`/organizations/${alphaId}?seite=2#warteschlange`);
    expect(pager.find('a').toArray().map((a) => [$(a).text(), $(a).attr('href')])).toEqual([
      ['nächste Seite ›', `/organizations/${alphaId}?seite=2#warteschlange`],
      ['letzte »', `/organizations/${alphaId}?seite=3#warteschlange`],
    ]);
    expect($('title').text()).toContain(ALPHA);
  });

  test('page 2 has the next 50 with links back and on; page 3 the remaining 23', async () => {
    const $2 = cheerio.load((await request(app).get(`/organizations/${alphaId}?seite=2`).expect(200)).text);
    expect(queueRefs($2)).toEqual(QUEUE.slice(50, 100));
    expect(text($2('#warteschlange p.count'))).toBe('123 Vorlagen in der Warteschlange, hier Nr. 51–100');
    expect(text($2('nav.pager span'))).toBe('Seite 2 von 3');
    expect($2('nav.pager a[rel="prev"]').attr('href')).toBe(`/organizations/${alphaId}#warteschlange`);
    expect($2('nav.pager a[rel="next"]').attr('href')).toBe(`/organizations/${alphaId}?seite=3#warteschlange`);
    expect($2('title').text()).toContain('Warteschlange, Seite 2');

    const $3 = cheerio.load((await request(app).get(`/organizations/${alphaId}?seite=3`).expect(200)).text);
    expect(queueRefs($3)).toEqual(QUEUE.slice(100));
    expect(queueRefs($3)).toHaveLength(23);
    expect(text($3('#warteschlange p.count'))).toBe('123 Vorlagen in der Warteschlange, hier Nr. 101–123');
    expect(text($3('nav.pager span'))).toBe('Seite 3 von 3');
    expect($3('nav.pager a[rel="next"]').length).toBe(0);
    expect($3('nav.pager a').toArray().map((a) => [$3(a).text(), $3(a).attr('href')])).toEqual([
      ['« erste', `/organizations/${alphaId}#warteschlange`],
      ['‹ vorherige Seite', `/organizations/${alphaId}?seite=2#warteschlange`],
    ]);
    // every paper of the queue is on exactly one page
    const all = [...queueRefs(cheerio.load((await request(app).get(`/organizations/${alphaId}`)).text)), ...queueRefs($2), ...queueRefs($3)];
    expect(new Set(all).size).toBe(123);
  });

  test('bad page numbers are a 400 and pages past the last a 404, as on the paper lists', async () => {
    for (const bad of ['0', '-1', 'abc', '1.5', '2x', '100001']) {
      const res = await request(app).get(`/organizations/${alphaId}?seite=${encodeURIComponent(bad)}`).expect(400);
      expect(res.text).toContain('Ungültige Seitenzahl.');
    }
    await request(app).get(`/organizations/${alphaId}?seite=1&seite=2`).expect(400);
    const past = await request(app).get(`/organizations/${alphaId}?seite=4`).expect(404);
    expect(past.text).toContain('Diese Seite gibt es nicht.');
    // ?seite=1 is the first page
    const $ = cheerio.load((await request(app).get(`/organizations/${alphaId}?seite=1`).expect(200)).text);
    expect(queueRefs($)).toHaveLength(50);
  });

  test('a short queue has the count and no pager; page 2 of it does not exist', async () => {
    const page = `/gremien/paging/${encodeURIComponent(EVIL)}`;
    const res = await request(app).get(page).expect(200);
    const $ = cheerio.load(res.text);
    expect(queueRefs($)).toEqual(['E/1', 'E/2', 'E/3']);
    expect(text($('#warteschlange p.count'))).toBe('3 Vorlagen in der Warteschlange');
    expect($('nav.pager').length).toBe(0);
    expect(res.text).not.toContain('<B>');
    await request(app).get(`${page}?seite=2`).expect(404);
    await request(app).get(`${page}?seite=x`).expect(400);
  });

  test('other parameters are ignored by the page but name another answer (ETag): the bench renders fresh pages with ?_r=N', async () => {
    const plain = await request(app).get(`/organizations/${alphaId}?seite=2`).expect(200);
    const other = await request(app).get(`/organizations/${alphaId}?seite=2&_r=7`).expect(200);
    expect(other.text).toBe(plain.text);
    expect(other.headers.etag).not.toBe(plain.headers.etag);
  });

  test('the page by name of a committee with an organization row redirects there, keeping the page', async () => {
    const res = await request(app).get(`/gremien/paging/${encodeURIComponent(ALPHA)}?seite=2`).expect(302);
    expect(res.headers.location).toBe(`/organizations/${alphaId}?seite=2`);
    const first = await request(app).get(`/gremien/paging/${encodeURIComponent(ALPHA)}`).expect(302);
    expect(first.headers.location).toBe(`/organizations/${alphaId}`);
  });

  test('a long coming agenda shows its first rows and every flagged one, and links the full agenda on the meeting page', async () => {
    expect(AGENDA_ROWS).toBe(15);
    const meetingId = opened.sqlite.prepare("SELECT id FROM meetings WHERE external_id = 'm1'").pluck().get() as number;
    const $ = cheerio.load((await request(app).get(`/organizations/${alphaId}`).expect(200)).text);
    const block = $(`#sitzung-${meetingId}`);
    expect(block.find('tbody tr td[data-label="TOP"]').toArray().map((e) => $(e).text())).toEqual(
      [...Array.from({ length: 15 }, (_, i) => String(i + 1)), '18'],
    );
    expect(block.find('tr.flagged .ref').text()).toBe('F/1');
    const more = block.find('p.more a');
    expect(text(more)).toBe('… und 4 weitere Tagesordnungspunkte ohne Befund: vollständige Tagesordnung');
    expect(more.attr('href')).toBe(`/meetings/${meetingId}`);
    // the summary links the flagged row, whose messages stand at the row
    expect($('.check-summary > ul > li').toArray().map((li) => text($(li)))).toEqual([
      'Sitzung am 10.12.2026: F/1 Vorlage mit offener Vorstation – Vorstation offen',
    ]);
    expect($('.check-summary a[href^="#"]').attr('href')).toBe(`#sitzung-${meetingId}`);
    expect(block.find('tr.flagged ul.issues li').length).toBeGreaterThan(0);
    // the meeting page has the whole agenda
    const m = cheerio.load((await request(app).get(`/meetings/${meetingId}`).expect(200)).text);
    expect(m('table.agenda tbody tr').length).toBe(20);
  });
});
