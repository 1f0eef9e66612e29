/**
 * Factions and submitters: a motion names its originators (factions linked to their Organization page,
 * elected persons; staff never), "Anträge der Fraktion …" filters the lists, a faction's page lists its
 * motions and its feed their events. Demo data and the corpus (Hamburg-Nord's factions), and one motion
 * made here for Hamburg-Nord.
 */
import request from 'supertest';
import * as cheerio from 'cheerio';
import { importPapers } from '../../src/db/import';
import { paper } from '../helpers/records';
import { buildFixtureApp, unescapeHref, type FixtureApp } from './fixture-app';

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('factions and submitters', () => {
  let f: FixtureApp;
  let elected: string;
  let spd: number;
  beforeAll(() => {
    f = buildFixtureApp({
      extra: (opened) => {
        elected = opened.sqlite.prepare("SELECT p.name FROM people p JOIN sources s ON s.id = p.source_id WHERE s.key = 'hamburg-nord' ORDER BY p.name LIMIT 1").pluck().get() as string;
        importPapers(opened.sqlite, { key: 'hamburg-nord', name: 'Hamburg-Nord' }, [paper({
          sourceId: '990001', url: 'https://sitzungsdienst-hamburg-nord.hamburg.de/bi/vo020.asp?VOLFDNR=990001', reference: '22-9999',
          name: 'Mehr Fahrradbügel im Stadtteil', date: '2026-11-10', originator: ['SPD-Fraktion', elected, 'Hans Sachbearbeiter'],
        }), paper({
          // the faction as another page writes it
          sourceId: '990002', url: 'https://sitzungsdienst-hamburg-nord.hamburg.de/bi/vo020.asp?VOLFDNR=990002', reference: '22-9998',
          name: 'Sitzbänke am Osterbekkanal', date: '2026-11-03', originator: ['SPD Fraktion'],
        })], '2026-11-24T09:00:00Z');
      },
    });
    spd = f.opened.sqlite.prepare("SELECT o.id FROM organizations o JOIN sources s ON s.id = o.source_id WHERE s.key = 'hamburg-nord' AND o.name = 'SPD-Fraktion'").pluck().get() as number;
  });
  afterAll(() => f.cleanup());

  test('the motion page: the faction linked to its page and its motions, the elected person shown, the staff name not', async () => {
    const html = (await request(f.app).get(`/papers/${f.idOf('22-9999')}`).expect(200)).text;
    expect(html).not.toContain('Sachbearbeiter');
    const $ = cheerio.load(html);
    const line = $('p.originators');
    expect(html).toContain('Mehr Fahrradbügel');
    expect(squash(line.text())).toBe(`Eingereicht von: SPD-Fraktion (Anträge der SPD-Fraktion); ${elected} (Anträge von ${elected})`);
    expect(line.find('a').toArray().map((a) => unescapeHref($(a).attr('href')!))).toEqual([
      `/organizations/${spd}`,
      '/?thema=alle&stadt=hamburg-nord&fraktion=SPD-Fraktion',
      `/?thema=alle&stadt=hamburg-nord&fraktion=${new URLSearchParams({ x: elected }).toString().slice(2)}`,
    ]);
  });

  test('"Anträge der Fraktion": the list filtered by originator, its heading, its feed', async () => {
    const $ = cheerio.load((await request(f.app).get('/?thema=alle&stadt=demo-musterstadt&fraktion=SPD-Fraktion').expect(200)).text);
    expect($('h1').text()).toBe('Anträge der SPD-Fraktion');
    expect($('table.papers .ref').toArray().map((r) => $(r).text()).sort()).toEqual(['DS/2026/0123', 'DS/2026/0254']);
    expect(unescapeHref($('p.filter-faction a').attr('href')!)).toBe('/?thema=alle&stadt=demo-musterstadt');
    const feedHref = unescapeHref($('a[type="application/atom+xml"]').attr('href')!);
    expect(feedHref).toBe('/feed.atom?thema=alle&stadt=demo-musterstadt&fraktion=SPD-Fraktion');
    const feed = (await request(f.app).get(feedHref).expect(200)).text;
    expect(feed).toContain('<title>Anträge der SPD-Fraktion – Musterstadt (Demo) – ratsradar</title>');
    expect((feed.match(/<entry>/g) ?? []).length).toBe(2);
  });

  test('a faction\'s page lists its motions; its feed has their events', async () => {
    const $ = cheerio.load((await request(f.app).get(`/organizations/${spd}`).expect(200)).text);
    expect($('#h-faction-papers').text()).toBe('Anträge der SPD-Fraktion');
    // its feed is announced as what it is, not as a committee's news
    expect($(`link[rel="alternate"][href="/organizations/${spd}/feed.atom"]`).attr('title')).toBe('Neuigkeiten zu den Anträgen dieser Fraktion');
    // its motions under either spelling of its name
    expect($('#antraege table.papers .ref').toArray().map((r) => $(r).text()).sort()).toEqual(['22-9998', '22-9999']);
    const feed = (await request(f.app).get(`/organizations/${spd}/feed.atom`).expect(200)).text;
    expect(feed).toContain('<subtitle>Neuigkeiten zu den Anträgen von SPD-Fraktion</subtitle>');
    expect(feed).toContain('22-9999: Neu erfasst (Vorlage vom 10.11.2026)');
    expect(feed).toContain('22-9998: Neu erfasst (Vorlage vom 03.11.2026)');
    expect((feed.match(/<entry>/g) ?? []).length).toBe(2);
  });
});
