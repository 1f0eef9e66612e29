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

  test('a former faction (fr010 "(bis 19.06.2019)"): its page says so, the committee list puts it after the current ones, JSON and OParl give the day', async () => {
    const piraten = f.opened.sqlite.prepare("SELECT o.id FROM organizations o JOIN sources s ON s.id = o.source_id WHERE s.key = 'hamburg-nord' AND o.name = 'Gruppe Piraten'").pluck().get() as number;
    const $ = cheerio.load((await request(f.app).get(`/organizations/${piraten}`).expect(200)).text);
    expect(squash($('p.facts').text())).toContain('bis 19.06.2019, besteht nicht mehr');
    expect(squash(cheerio.load((await request(f.app).get(`/organizations/${spd}`).expect(200)).text)('p.facts').text())).not.toContain('besteht nicht mehr');
    expect((await request(f.app).get(`/organizations/${piraten}.json`).expect(200)).body).toMatchObject({ name: 'Gruppe Piraten', endedOn: '2019-06-19' });

    const list = cheerio.load((await request(f.app).get('/gremien?stadt=hamburg-nord').expect(200)).text);
    const factions = list('table.committees td[data-label="Gremium"]').toArray().map((td) => squash(list(td).text())).filter((t) => t.includes('(Fraktion'));
    // by name, as the current ones
    expect(factions.slice(-3)).toEqual(['AfD-Gruppe (Fraktion, bis 03.07.2024)', 'FDP-Gruppe (Fraktion, bis 28.05.2019)', 'Gruppe Piraten (Fraktion, bis 19.06.2019)']);
    expect(factions.slice(0, -3).every((t) => !t.includes(' bis '))).toBe(true);
    expect(factions.slice(0, -3)).toContain('SPD-Fraktion (Fraktion)');
    const json = (await request(f.app).get('/gremien.json?stadt=hamburg-nord').expect(200)).body as { groups: { committees: { name: string; endedOn: string | null }[] }[] };
    const rows = json.groups[0].committees;
    expect(rows.find((c) => c.name === 'Gruppe Piraten')?.endedOn).toBe('2019-06-19');
    expect(rows.find((c) => c.name === 'SPD-Fraktion')?.endedOn).toBeNull();

    const key = f.opened.sqlite.prepare('SELECT entity_key FROM organizations WHERE id = ?').pluck().get(piraten) as string;
    const oparl = (await request(f.app).get(`/oparl/v1.1/bodies/hamburg-nord/organizations`).expect(200)).body as { data: { id: string; name: string; endDate?: string }[] };
    expect(oparl.data.find((o) => o.name === 'Gruppe Piraten')).toMatchObject({ endDate: '2019-06-19' });
    expect(oparl.data.find((o) => o.name === 'SPD-Fraktion')).not.toHaveProperty('endDate');
    expect(key).toBe('fr:1130');
  });
});
