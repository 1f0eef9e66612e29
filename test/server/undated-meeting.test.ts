/**
 * A meeting whose day is not known (Hohenhameln's calendar excerpt names no month or year: imported without the
 * manifest, its three meetings have no date) offers no iCal of itself — it had a calendar without an event (audit) —
 * but its table and data; a dated meeting offers all three.
 */
import request from 'supertest';
import * as cheerio from 'cheerio';
import { buildFixtureApp, type FixtureApp } from './fixture-app';

describe('a meeting without a known day', () => {
  let f: FixtureApp;
  beforeAll(() => {
    f = buildFixtureApp();
  });
  afterAll(() => f.cleanup());

  const links = async (id: number) => {
    const $ = cheerio.load((await request(f.app).get(`/meetings/${id}`).expect(200)).text);
    return {
      body: $('main a, body a').toArray().map((a) => $(a).attr('href') ?? '').filter((h) => h.startsWith(`/meetings/${id}/`) || h === `/meetings/${id}.json`),
      head: $('link[rel="alternate"]').toArray().map((l) => $(l).attr('href')),
    };
  };

  test('offers no iCal of itself, in the page or its head; its table and data it does', async () => {
    const undated = f.opened.sqlite.prepare(
      "SELECT m.id FROM meetings m JOIN sources s ON s.id = m.source_id WHERE s.key = 'hohenhameln' AND m.date IS NULL ORDER BY m.id",
    ).pluck().all() as number[];
    expect(undated).toHaveLength(3);
    const l = await links(undated[0]);
    expect(l.body).toEqual([`/meetings/${undated[0]}/agenda.csv`, `/meetings/${undated[0]}.json`]);
    expect(l.head.filter((h) => h?.endsWith('.ics'))).toEqual([]);
  });

  test('a dated meeting offers its iCal', async () => {
    const dated = f.opened.sqlite.prepare("SELECT m.id FROM meetings m WHERE m.date IS NOT NULL ORDER BY m.id LIMIT 1").pluck().get() as number;
    expect((await links(dated)).body).toContain(`/meetings/${dated}/calendar.ics`);
  });
});
