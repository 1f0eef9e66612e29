/**
 * What a meeting page knows beside its agenda: the motions whose Beratungsfolge names the meeting (a row links it).
 * Landkreis Osnabrück's Ausschuss für Planen und Bauen of 03.09.2026 is known from the county's calendar only (its
 * agenda was not read), and VO/2026/181's page (vo020r) lists it with "ungeändert beschlossen": the meeting page said
 * "keine Tagesordnung bekannt" and nothing else (audit). A motion that a known agenda names is not listed again.
 */
import request from 'supertest';
import * as cheerio from 'cheerio';
import { buildFixtureApp, type FixtureApp } from './fixture-app';

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('a meeting page names the motions whose Beratungsfolge links it', () => {
  let f: FixtureApp;
  let meetingId: number;
  beforeAll(() => {
    f = buildFixtureApp();
    meetingId = f.opened.sqlite.prepare(
      "SELECT m.id FROM meetings m JOIN sources s ON s.id = m.source_id WHERE s.key = 'landkreis-osnabrueck' AND m.external_id = '1575'",
    ).pluck().get() as number;
  });
  afterAll(() => f.cleanup());

  test('the calendar-only meeting: no agenda known, VO/2026/181 with its row\'s role and result, linked', async () => {
    const $ = cheerio.load((await request(f.app).get(`/meetings/${meetingId}`).expect(200)).text);
    expect(squash($('section[aria-labelledby="h-agenda"] > p').first().text())).toMatch(/^Zu dieser Sitzung ist keine Tagesordnung bekannt\./);
    const box = $('.from-sequences');
    expect(squash(box.find('h3').text())).toBe('Laut Beratungsfolge in dieser Sitzung');
    expect(squash(box.find('p.hint').text())).toBe('Diese Vorlage nennt die Sitzung in ihrer Beratungsfolge.');
    const items = box.find('li').toArray().map((li) => squash($(li).text()));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatch(/^VO\/2026\/181 .+ \(Beratung\) – ungeändert beschlossen$/);
    expect(box.find('li a').attr('href')).toBe(`/papers/${f.idOf('VO/2026/181')}`);
  });

  test('the JSON gives the same as fromSequences', async () => {
    const body = (await request(f.app).get(`/meetings/${meetingId}.json`).expect(200)).body as { agendaItem: unknown[]; fromSequences: unknown[] };
    expect(body.agendaItem).toEqual([]);
    expect(body.fromSequences).toEqual([expect.objectContaining({ id: f.idOf('VO/2026/181'), reference: 'VO/2026/181', role: 'Beratung', result: 'ungeändert beschlossen' })]);
  });

  test('a meeting whose agenda names its motions lists none of them again', async () => {
    const withAgenda = f.opened.sqlite.prepare(
      `SELECT a.meeting_id FROM agenda_items a JOIN consultation_meetings cm ON cm.meeting_id = a.meeting_id JOIN consultations c ON c.id = cm.consultation_id
       WHERE c.paper_id = a.paper_id LIMIT 1`,
    ).pluck().get() as number;
    expect(withAgenda).toBeGreaterThan(0);
    const $ = cheerio.load((await request(f.app).get(`/meetings/${withAgenda}`).expect(200)).text);
    expect($('table.agenda tbody tr').length).toBeGreaterThan(0);
    expect($('.from-sequences')).toHaveLength(0);
  });
});
