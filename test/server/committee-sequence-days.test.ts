/**
 * A committee's page names the past days its motions' Beratungsfolgen give for it where ratsradar knows no meeting
 * (audit: Regensburg's Ausschuss für Umweltfragen, Natur- und Klimaschutz said "Keine vergangenen Sitzungen bekannt"
 * while VO/26/23343/D2's page lists it on 24.09.2026 "ungeändert beschlossen"). A row linked to a known meeting is
 * that meeting's (Laatzen's Schulausschuss: 01.09.2026 is a meeting read, 29.06.2026 only a row).
 */
import request from 'supertest';
import * as cheerio from 'cheerio';
import { buildFixtureApp, type FixtureApp } from './fixture-app';

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('past days known from Beratungsfolgen on a committee page', () => {
  let f: FixtureApp;
  beforeAll(() => {
    f = buildFixtureApp();
  });
  afterAll(() => f.cleanup());

  const page = async (path: string) => cheerio.load((await request(f.app).get(path).redirects(1).expect(200)).text);
  const days = ($: cheerio.CheerioAPI) => $('section[aria-labelledby="h-past"] h3 + p.hint + ul li').toArray().map((li) => squash($(li).text()));

  test('Regensburg\'s Umweltausschuss (no organization row, no meeting known): its day with the motion and the result', async () => {
    const $ = await page(`/gremien/regensburg/${encodeURIComponent('Ausschuss für Umweltfragen, Natur- und Klimaschutz')}`);
    expect(squash($('section[aria-labelledby="h-past"] > p').first().text())).toBe('Keine vergangenen Sitzungen bekannt.');
    expect(squash($('section[aria-labelledby="h-past"] h3').text())).toBe('Weitere Sitzungstage laut Beratungsfolgen');
    expect(days($)).toEqual(['24.09.2026: VO/26/23343/D2 (ungeändert beschlossen)']);
    const json = (await request(f.app).get(`/gremien/regensburg/${encodeURIComponent('Ausschuss für Umweltfragen, Natur- und Klimaschutz')}?format=json`).expect(200)).body as { pastFromSequences: unknown };
    expect(json.pastFromSequences).toEqual([{ date: '2026-09-24', papers: [expect.objectContaining({ reference: 'VO/26/23343/D2', result: 'ungeändert beschlossen' })] }]);
  });

  test('Laatzen\'s Schulausschuss: the day only a row names, not the meeting it knows', async () => {
    const $ = await page(`/gremien/laatzen/Schulausschuss`);
    expect(days($)).toEqual(['29.06.2026: 2026/245 (vertagt)']);
    expect($('section[aria-labelledby="h-past"] ul.meeting-list').first().text()).toContain('01.09.2026');
  });

  test('a faction names none', async () => {
    const spd = f.opened.sqlite.prepare("SELECT o.id FROM organizations o JOIN sources s ON s.id = o.source_id WHERE s.key = 'hamburg-nord' AND o.kind = 'faction' LIMIT 1").pluck().get() as number;
    const $ = await page(`/organizations/${spd}`);
    expect($('section[aria-labelledby="h-past"] h3')).toHaveLength(0);
  });
});
