import path from 'node:path';
import request from 'supertest';
import type { Express } from 'express';
import { openDb, type OpenedDb } from '../../src/db/connection';
import { importPapers } from '../../src/db/import';
import { createApp } from '../../src/server/app';
import { makeTmpDir } from '../helpers/tmp';
import { paper, station } from '../helpers/records';
import { buildFixtureApp, NOW, TODAY, type FixtureApp } from './fixture-app';

describe('the web app on the corpus and the demo data', () => {
  const tmp = makeTmpDir(); // for the broken database
  let f: FixtureApp;
  let opened: OpenedDb;
  let app: Express;
  const idOf = (ref: string) => f.idOf(ref);

  beforeAll(() => {
    f = buildFixtureApp({
      extra: ({ sqlite }) => {
        // a hostile record: scraped text must come out escaped, links only http(s)
        importPapers(sqlite, { key: 'evil', name: 'Evil <b>City</b>' }, [
          paper({
            sourceId: '666',
            reference: 'X-<script>alert(1)</script>',
            name: '<img src=x onerror=alert(1)> Betreff',
            url: 'javascript:alert(1)',
            files: [{ name: 'Anlage"><script>', url: 'javascript:alert(2)' }],
            consultation: [station('Rat<script>', 'Entscheidung', [{ date: '2026-01-01', name: '<i>Sitzung</i>', meetingSourceId: null, agendaItemSourceId: null, result: 'beschlossen<script>', resultCode: 'adopted' }])],
          }),
        ], NOW);
      },
    });
    ({ opened, app } = f);
  });
  afterAll(() => {
    f.cleanup();
    tmp.cleanup();
  });

  test('/ lists the motions with their states, newest activity first', async () => {
    const res = await request(app).get('/').expect(200).expect('Content-Type', /html/);
    expect(res.text).toContain('<html lang="de">');
    // the Leipzig motion (last activity 2020) is on a later page: follow "nächste Seite"
    let page = res.text;
    let hops = 0;
    while (!page.includes('VII-A-00777')) {
      const next = /<a rel="next" href="([^"]+)"/.exec(page);
      expect(next).not.toBeNull();
      page = (await request(app).get(next![1].replace(/&amp;/g, '&').replace(/&#x3D;/g, '=')).expect(200)).text;
      expect(++hops).toBeLessThan(20);
    }
    const dates = [...res.text.matchAll(/<td data-label="Letzte Aktivität"><time datetime="([\d-]+)"/g)].map((m) => m[1]);
    expect(dates.length).toBeGreaterThan(3);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(res.text).toMatch(/Vorlagen/);
    // a Hamburg corpus paper is there with a state badge
    expect(res.text).toMatch(/class="state state-[a-z-]+"/);
    expect(res.text).toContain('class="demo"');
  });

  test('/ filters by state and by committee, and paginates', async () => {
    const decided = await request(app).get('/?state=decided').expect(200);
    const rows = decided.text.match(/<tr>\s*<td data-label="Vorlage">/g) ?? [];
    expect(rows.length).toBeGreaterThan(0);
    expect(decided.text).not.toMatch(/class="state state-(?!decided")[a-z-]+"/);
    const byCommittee = await request(app).get('/?gremium=' + encodeURIComponent('Jugendparlament')).expect(200);
    expect(byCommittee.text).toContain('VII-A-00777');
    expect(await request(app).get('/?state=nonsense').expect(400).then((r) => r.text)).toContain('Unbekannter Status');
    expect(await request(app).get('/?seite=0').expect(400).then((r) => r.text)).toContain('Ungültige Seitenzahl');
    expect((await request(app).get('/?seite=99').expect(404)).text).toContain('Diese Seite gibt es nicht.');
    const paged = await request(app).get('/?state=decided&seite=1').expect(200);
    expect(paged.text).toMatch(/Seite 1 von \d+/);
  });

  test('/papers/:id shows the four stations of VII-A-00777 and the explanation', async () => {
    const id = idOf('VII-A-00777');
    const res = await request(app).get(`/papers/${id}`).expect(200);
    for (const org of ['Ratsversammlung', 'Jugendparlament', 'FA Wirtschaft, Arbeit und Digitales', 'Jugendbeirat']) {
      expect(res.text).toContain(org);
    }
    expect((res.text.match(/<li class="station /g) ?? []).length).toBe(4);
    expect(res.text).toMatch(/<p class="explanation">[^<]*Ratsversammlung|<p class="explanation">[^<]*FA Wirtschaft/);
    expect(res.text).toContain('Demo');
  });

  test('/papers/:id.json gives the same data as JSON', async () => {
    const id = idOf('VII-A-00777');
    const res = await request(app).get(`/papers/${id}.json`).expect(200).expect('Content-Type', /json/);
    expect(res.body.record.reference).toBe('VII-A-00777');
    expect(res.body.record.consultation).toHaveLength(4);
    expect(res.body.progress.stations).toHaveLength(4);
    expect(typeof res.body.progress.explanation).toBe('string');
    expect(res.body.source).toEqual({ key: 'demo-leipzig', name: 'Leipzig (Demo)', demo: true });
  });

  test('a corpus paper (Laatzen 2026/245) links only to site paths, its own anchors and its RIS over https, and marks each station as the RIS has it: four done, two stopped', async () => {
    const id = opened.sqlite.prepare("SELECT p.id FROM papers p JOIN sources s ON s.id = p.source_id WHERE s.key = 'laatzen' AND p.reference = '2026/245'").pluck().get() as number;
    const res = await request(app).get(`/papers/${id}`).expect(200);
    expect(res.text).toContain('2026/245');
    const hrefs = [...res.text.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs.length).toBeGreaterThan(10);
    expect(hrefs.filter((h) => !/^(\/(?!\/)|#[a-z]|https:\/\/ratsinfo\.laatzen\.de\/)/.test(h))).toEqual([]);
    expect(hrefs.filter((h) => h.startsWith('https://')).length).toBeGreaterThan(0);
    const classes = (prefix: string) => [...res.text.matchAll(new RegExp(`class="${prefix} ${prefix}-([a-z]+)`, 'g'))].map((m) => m[1]);
    expect(classes('station')).toEqual(['done', 'done', 'done', 'done', 'stopped', 'stopped']);
    expect(classes('step')).toEqual(['done', 'done', 'done', 'done', 'stopped', 'stopped']);
  });

  test('a motion on its way (DS/2026/0123) shows its planned stations apart from the done one, in the list and in the steps', async () => {
    const res = await request(app).get(`/papers/${idOf('DS/2026/0123')}`).expect(200);
    const classes = (prefix: string) => [...res.text.matchAll(new RegExp(`class="${prefix} ${prefix}-([a-z]+)`, 'g'))].map((m) => m[1]);
    expect(classes('step')).toEqual(['done', 'planned', 'planned']);
    expect(classes('station')).toEqual(['done', 'planned', 'planned']);
  });

  test('a Hamburg meeting page lists its agenda with results, links its motions, and the motions link back', async () => {
    const meetingId = opened.sqlite.prepare(`SELECT m.id FROM meetings m JOIN sources s ON s.id = m.source_id
      WHERE s.key = 'hamburg-altona' AND m.external_id = '1004086'`).pluck().get() as number;
    const res = await request(app).get(`/meetings/${meetingId}`).expect(200);
    expect(res.text).toContain('<h1>Sitzung des Mobilitätsausschusses</h1>');
    expect(res.text).toMatch(/<a href="\/organizations\/\d+">Mobilitätsausschuss<\/a>/);
    expect((res.text.match(/<td data-label="TOP">/g) ?? []).length).toBe(20);
    expect(res.text).toContain('zur Kenntnis genommen');
    const paperLinks = [...res.text.matchAll(/<a href="\/papers\/(\d+)">/g)].map((m) => m[1]);
    expect(paperLinks.length).toBeGreaterThan(0);
    for (const id of paperLinks.slice(0, 3)) {
      const paper = await request(app).get(`/papers/${id}`).expect(200);
      expect(paper.text).toContain(`href="/meetings/${meetingId}"`);
    }
    const orgId = /<a href="\/organizations\/(\d+)">Mobilitätsausschuss/.exec(res.text)![1];
    const org = await request(app).get(`/organizations/${orgId}`).expect(200);
    expect(org.text).toContain('<h1>Mobilitätsausschuss</h1>');
    expect((org.text.match(/<tr><td data-label="Name">/g) ?? []).length).toBe(29);
    expect(org.text).toContain(`href="/meetings/${meetingId}"`);
    await request(app).get('/meetings/999999').expect(404);
    await request(app).get('/organizations/x').expect(404);
  });

  test('unknown ids give a German 404 page, JSON a JSON 404', async () => {
    const res = await request(app).get('/papers/999999').expect(404);
    expect(res.text).toContain('Diese Vorlage gibt es nicht.');
    expect(res.text).toContain('<html lang="de">');
    await request(app).get('/papers/abc').expect(404);
    const json = await request(app).get('/papers/999999.json').expect(404).expect('Content-Type', /json/);
    expect(json.body).toEqual({ error: 'Diese Vorlage gibt es nicht.', status: 404 });
    expect((await request(app).get('/nirgends').expect(404)).text).toContain('Diese Seite gibt es nicht.');
  });

  test('scraped text is escaped and no javascript: link reaches an href', async () => {
    const id = opened.sqlite.prepare("SELECT id FROM papers WHERE external_id = '666'").pluck().get() as number;
    for (const url of ['/', `/papers/${id}`]) {
      const res = await request(app).get(url).expect(200);
      expect(res.text).not.toContain('<script>');
      expect(res.text).not.toContain('<img src=x');
      expect(res.text).not.toMatch(/href="javascript:/i);
    }
    const page = await request(app).get(`/papers/${id}`);
    expect(page.text).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt; Betreff');
    expect(page.text).toContain('Evil &lt;b&gt;City&lt;/b&gt;');
  });

  test('errors give a 500 page without internals', async () => {
    const broken = openDb(path.join(tmp.dir, 'broken.sqlite'));
    importPapers(broken.sqlite, { key: 'x', name: 'X' }, [paper()], NOW);
    const brokenApp = createApp(broken.sqlite, { today: () => TODAY });
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      // the states were derived when the app was built; what the pages read is gone now
      broken.sqlite.exec('DROP TABLE consultation_meetings; DROP TABLE papers_fts');
      for (const url of ['/', '/papers/1']) {
        const fail = await request(brokenApp).get(url).expect(500);
        expect(fail.text).toContain('Ein interner Fehler ist aufgetreten');
        expect(fail.text).not.toMatch(/SqliteError|no such table|\/work\/|\.ts:|node_modules/);
      }
      const json = await request(brokenApp).get('/papers/1.json').expect(500);
      expect(json.body).toEqual({ error: 'Ein interner Fehler ist aufgetreten. Bitte später erneut versuchen.', status: 500 });
    } finally {
      spy.mockRestore();
      broken.close();
    }
  });

  test('security headers are set', async () => {
    const res = await request(app).get('/').expect(200);
    expect(res.headers['content-security-policy']).toContain("script-src 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});
