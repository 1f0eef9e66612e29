/**
 * A motion known only from the agendas that name it (no page of its own: Trier's Stadtrat agenda of 21.10.2026
 * names 15 motions whose vo020 pages the corpus does not hold) gets no agenda-check verdict: nothing is known of
 * its earlier stations, so it is neither "bereit" nor flagged — on the meeting page, in its JSON and CSV and in
 * the calendar's badge. A motion with its own page on the same kind of agenda keeps its verdict.
 */
import * as cheerio from 'cheerio';
import request from 'supertest';
import type { Express } from 'express';
import type { OpenedDb } from '../../src/db/connection';
import { createApp } from '../../src/server/app';
import { makeTmpDir } from '../helpers/tmp';
import { buildWebDb } from '../helpers/web-db';

/** a day before the Trier meeting of 21.10.2026: it is coming */
const DAY = '2026-10-05';

describe('the agenda check of motions known only from agendas', () => {
  const tmp = makeTmpDir();
  let opened: OpenedDb;
  let app: Express;
  let meetingId: number;
  beforeAll(() => {
    opened = buildWebDb(tmp.dir);
    app = createApp(opened.sqlite, { today: () => DAY });
    meetingId = opened.sqlite.prepare(`SELECT m.id FROM meetings m JOIN sources s ON s.id = m.source_id
      WHERE s.key = 'trier' AND m.external_id = '1000264'`).pluck().get() as number;
  });
  afterAll(() => {
    opened.close();
    tmp.cleanup();
  });

  test('their Beratungsfolge is the agendas\' (provenance "agenda"): the corpus holds no page of theirs', () => {
    const rows = opened.sqlite.prepare(`SELECT DISTINCT json_extract(p.provenance, '$.consultation') AS c FROM agenda_items a JOIN papers p ON p.id = a.paper_id
      WHERE a.meeting_id = ?`).pluck().all(meetingId);
    expect(rows).toEqual(['agenda']);
  });

  test('the meeting page, its JSON and its CSV say "Beratungsfolge nicht bekannt" for each, never "bereit"', async () => {
    const $ = cheerio.load((await request(app).get(`/meetings/${meetingId}`).expect(200)).text);
    const statuses = $('.check-status').toArray().map((e) => $(e).text().replace(/\s+/g, ' ').trim());
    expect(statuses.length).toBeGreaterThanOrEqual(15);
    expect(new Set(statuses)).toEqual(new Set(['Agenda-Check: Beratungsfolge nicht bekannt']));
    const json = (await request(app).get(`/meetings/${meetingId}.json`).expect(200)).body as { agendaItem: { paper: unknown; check: { label: string; flagged: boolean } | null }[] };
    const checks = json.agendaItem.filter((i) => i.paper).map((i) => i.check);
    expect(checks.length).toBe(statuses.length);
    expect(new Set(checks.map((c) => c && `${c.label}/${c.flagged}`))).toEqual(new Set(['Beratungsfolge nicht bekannt/false']));
    const csv = (await request(app).get(`/meetings/${meetingId}/agenda.csv`).expect(200)).text;
    expect(csv).toContain('Beratungsfolge nicht bekannt');
    expect(csv).not.toMatch(/;bereit;/);
  });

  test('the committee page shows them without the ✓ of "bereit", and its queue knows no earlier stations of theirs', async () => {
    const $ = cheerio.load((await request(app).get('/gremien/trier/Stadtrat').expect(200)).text);
    const cells = $(`#sitzung-${meetingId} td[data-label="Agenda-Check"]`).toArray().map((e) => $(e).text().replace(/\s+/g, ' ').trim()).filter((t) => t !== '–');
    expect(cells.length).toBeGreaterThan(5);
    expect(new Set(cells)).toEqual(new Set(['Beratungsfolge nicht bekannt']));
    const earlier = $('table.queue td[data-label="Vorstationen"]').toArray().map((e) => $(e).text().trim());
    expect(earlier.length).toBe(15);
    expect(new Set(earlier)).toEqual(new Set(['nicht bekannt']));
  });

  test('their role is the one the agenda\'s "Zuständigkeit" column gives: Entscheidung, and Kenntnisnahme for the Anfrage 451/2026 (not decisive)', async () => {
    const roles = opened.sqlite.prepare(`SELECT p.reference, c.role, c.role_code AS code FROM agenda_items a JOIN papers p ON p.id = a.paper_id
      JOIN consultations c ON c.paper_id = p.id WHERE a.meeting_id = ? ORDER BY p.reference`).all(meetingId) as { reference: string; role: string; code: string }[];
    expect(roles).toHaveLength(15);
    expect(roles.filter((r) => r.role !== 'Entscheidung')).toEqual([{ reference: '451/2026', role: 'Kenntnisnahme', code: 'notice' }]);
    expect(new Set(roles.filter((r) => r.role === 'Entscheidung').map((r) => r.code))).toEqual(new Set(['decision']));
    const $ = cheerio.load((await request(app).get('/gremien/trier/Stadtrat').expect(200)).text);
    const shown = $('table.queue td[data-label="Rolle"]').toArray().map((e) => $(e).text().trim());
    expect(shown).toHaveLength(15);
    expect(shown.filter((r) => r === 'Entscheidung')).toHaveLength(14);
    expect(shown.filter((r) => r === 'Kenntnisnahme')).toHaveLength(1);
  });

  test('each links its page in the RIS as the agenda does (vo020?VOLFDNR=… beside the agenda\'s to010)', async () => {
    const papers = opened.sqlite.prepare(`SELECT p.id, p.external_id AS volfdnr, p.url FROM agenda_items a JOIN papers p ON p.id = a.paper_id
      WHERE a.meeting_id = ? ORDER BY p.id`).all(meetingId) as { id: number; volfdnr: string; url: string }[];
    expect(papers).toHaveLength(15);
    for (const p of papers) expect(p.url).toBe(`https://ratsinfo.trier.de/public/vo020?VOLFDNR=${p.volfdnr}`);
    const $ = cheerio.load((await request(app).get(`/papers/${papers[0].id}`).expect(200)).text);
    expect($('a').filter((_i, e) => $(e).text().trim() === 'Original im Ratsinformationssystem öffnen').attr('href')).toBe(papers[0].url);
  });

  test('each lists the document its agenda row links (the Sammeldokument of the toDoc column)', async () => {
    const files = opened.sqlite.prepare(`SELECT p.reference, f.name, f.url FROM agenda_items a JOIN papers p ON p.id = a.paper_id
      JOIN files f ON f.paper_id = p.id WHERE a.meeting_id = ? ORDER BY p.id`).all(meetingId) as { reference: string; name: string; url: string }[];
    expect(files).toHaveLength(15);
    for (const f of files) {
      expect(f.name).toBe('Sammeldokument öffentlich');
      expect(f.url).toMatch(/^https:\/\/ratsinfo\.trier\.de\/public\/wicket\/resource\/org\.apache\.wicket\.Application\/doc\d+\.pdf$/);
    }
    const id = opened.sqlite.prepare("SELECT id FROM papers WHERE reference = '469/2026'").pluck().get() as number;
    const $ = cheerio.load((await request(app).get(`/papers/${id}`).expect(200)).text);
    expect($('a[href="https://ratsinfo.trier.de/public/wicket/resource/org.apache.wicket.Application/doc1502510.pdf"]').text()).toContain('Sammeldokument öffentlich');
  });

  test('the calendar\'s badge names them apart and counts none of them ready', async () => {
    const $ = cheerio.load((await request(app).get('/sitzungen?stadt=trier&monat=2026-10').expect(200)).text);
    const badge = $(`a[href="/meetings/${meetingId}"]`).closest('li, tr, article, div').find('.badge').first().text().replace(/\s+/g, ' ').trim();
    expect(badge).toBe('Agenda-Check: 15 ohne bekannte Beratungsfolge');
  });
});
