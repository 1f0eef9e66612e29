import request from 'supertest';
import { toSearchBody } from '../../src/db/search-index';
import { matchTopic } from '../../src/domain/topics';
import { loadTopics } from '../../src/server/topics-file';
import { buildFixtureApp, unescapeHref, type FixtureApp } from './fixture-app';

/** The references of the table rows, in order. */
function refs(html: string): string[] {
  return [...html.matchAll(/<td data-label="Vorlage"><a href="\/papers\/\d+"><span class="ref">([^<]*)<\/span>/g)].map((m) => m[1]);
}

/** One row's cells as text (tags removed), by reference. */
function row(html: string, reference: string): string {
  const rows = html.split('<tr>').filter((r) => r.includes(`<span class="ref">${reference}</span>`));
  expect(rows).toHaveLength(1);
  return rows[0].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

const DEMO_DIGITAL = [
  'VII-A-00777', 'DS/2024/0611', 'DS/2025/0390', 'DS/2025/0456', 'DS/2025/0512', 'DS/2026/0078', 'DS/2026/0123', 'DS/2026/0155',
  'DS/2026/0201', 'DS/2026/0254', 'DS/2026/0301', 'DS/2026/0342', 'DS/2026/0388',
];

describe('the start page: topics with facets, sorts and pages', () => {
  let f: FixtureApp;
  beforeAll(() => {
    f = buildFixtureApp();
  });
  afterAll(() => f.cleanup());

  /** every paper with the text a topic matches: reference, title and text sections */
  const all = () =>
    (f.opened.sqlite.prepare('SELECT id, reference, name, text FROM papers').all() as { id: number; reference: string | null; name: string | null; text: string }[]).map(
      (p) => ({ ...p, topicText: `${p.reference ?? ''} ${p.name ?? ''} ${toSearchBody(JSON.parse(p.text))}` }),
    );

  test('/ is the digitalisation topic: every demo motion, and exactly the papers matchTopic() accepts', async () => {
    const res = await request(f.app).get('/').expect(200);
    expect(res.text).toContain('<h1>Digitalisierung &amp; Digitaltag</h1>');
    expect(res.text).toMatch(/<a href="\/" aria-current="page">Digitalisierung &amp; Digitaltag<\/a>/);
    expect(res.text).toContain('href="/?thema&#x3D;alle">alle Vorlagen</a>');
    const shown = refs(res.text);
    for (const ref of DEMO_DIGITAL) expect(shown).toContain(ref);
    const topic = loadTopics().topics.find((t) => t.id === 'digitalisierung')!;
    const expected = all().filter((p) => matchTopic(topic, p.topicText).length > 0);
    expect(shown.sort()).toEqual(expected.map((p) => p.reference ?? '').sort());
    expect(res.text).toContain(`<p class="count">${expected.length} Vorlagen, sortiert nach neueste Aktivität.</p>`);
  });

  test.each(['klima', 'mobilitaet'])('topic %s: the FTS5 list equals matchTopic() over every paper, across pages', async (id) => {
    const topic = loadTopics().topics.find((t) => t.id === id)!;
    const expected = all().filter((p) => matchTopic(topic, p.topicText).length > 0).map((p) => p.reference ?? '');
    expect(expected.length).toBeGreaterThan(0);
    const shown: string[] = [];
    let url: string | null = `/?thema=${id}`;
    while (url) {
      const page: string = (await request(f.app).get(url).expect(200)).text;
      expect(page).toContain(`<h1>${topic.label.replace('&', '&amp;')}</h1>`);
      shown.push(...refs(page));
      const next: RegExpExecArray | null = /<a rel="next" href="([^"]+)"/.exec(page);
      url = next ? unescapeHref(next[1]) : null;
    }
    expect(shown.sort()).toEqual(expected.sort());
  });

  test('each row shows state, current station, next step with date, and the words that matched', async () => {
    const res = await request(f.app).get('/').expect(200);
    const r = row(res.text, 'DS/2026/0123');
    expect(r).toContain('terminiert');
    expect(r).toContain('terminiert Hauptausschuss Hauptausschuss am 03.12.2026 (Vorberatung) 14.10.2026');
    // committee names link to the committee's page (/gremien/:source/:name leads to its organization's page)
    expect(res.text).toMatch(/<td data-label="Aktuell"><a href="\/gremien\/demo-musterstadt\/Hauptausschuss">Hauptausschuss<\/a><\/td>/);
    expect(res.text).toMatch(/<td data-label="Nächster Schritt"><a href="\/gremien\/demo-musterstadt\/Hauptausschuss">Hauptausschuss<\/a> am <time datetime="2026-12-03">03\.12\.2026<\/time> \(Vorberatung\)<\/td>/);
    expect(r).toContain('Titel enthält „Digitaltag“ Text enthält „Digitaltag“, „digitalen“, „Digitalisierung“, „Smart City“');
    expect(row(res.text, 'DS/2025/0512')).toContain('Titel enthält „Onlinezugangsgesetzes“, „OZG“, „Serviceportal“');
    const stalled = row(res.text, 'VII-A-00777');
    expect(stalled).toContain('ruht');
    expect(stalled).toContain('11.02.2020');
  });

  test('facets: counts per city, state, committee, type and year; filters combine', async () => {
    const res = await request(f.app).get('/').expect(200);
    expect(res.text).toContain('<option value="demo-musterstadt">Musterstadt (Demo) (12)</option>');
    expect(res.text).toContain('<option value="demo-leipzig">Leipzig (Demo) (1)</option>');
    expect(res.text).toContain('<option value="scheduled">terminiert (4)</option>');
    // committees per city: "<key>:<name>", labelled with the city
    expect(res.text).toContain('<option value="demo-musterstadt:Ausschuss für Digitalisierung und Smart City">Ausschuss für Digitalisierung und Smart City (Musterstadt) (7)</option>');
    expect(res.text).toContain('<option value="Mitteilungsvorlage">Mitteilungsvorlage (1)</option>');
    expect(res.text).toContain('<option value="2024">2024 (1)</option>');

    expect(refs((await request(f.app).get('/?stadt=demo-leipzig').expect(200)).text)).toEqual(['VII-A-00777']);
    expect(refs((await request(f.app).get('/?stadt=demo-musterstadt&state=scheduled').expect(200)).text).sort()).toEqual(['DS/2026/0123', 'DS/2026/0301', 'DS/2026/0342', 'DS/2026/0388']); // 0301 and 0342: on the Rat's agenda of 17.12.2026
    expect(refs((await request(f.app).get('/?jahr=2024').expect(200)).text)).toEqual(['DS/2024/0611']);
    expect(refs((await request(f.app).get('/?art=Mitteilungsvorlage').expect(200)).text)).toEqual(['DS/2026/0201']);
    const byCommittee = await request(f.app).get('/?gremium=' + encodeURIComponent('demo-musterstadt:Finanzausschuss')).expect(200);
    expect(refs(byCommittee.text).sort()).toEqual(['DS/2025/0390', 'DS/2025/0456']);
    // a facet ignores its own filter, so the other values stay choosable; the chosen one is selected
    expect(byCommittee.text).toContain('<option value="demo-musterstadt:Finanzausschuss" selected>Finanzausschuss (Musterstadt) (2)</option>');
    expect(byCommittee.text).toContain('<option value="demo-musterstadt:Hauptausschuss">Hauptausschuss (Musterstadt) (4)</option>');
    // a bare committee name (a link from elsewhere) still filters, in every city
    expect(refs((await request(f.app).get('/?gremium=' + encodeURIComponent('Finanzausschuss')).expect(200)).text).sort()).toEqual(['DS/2025/0390', 'DS/2025/0456']);
    expect(byCommittee.text).toContain('<option value="demo-musterstadt">Musterstadt (Demo) (2)</option>');
    expect(byCommittee.text).toContain('Filter zurücksetzen');
  });

  test('sorts: activity, next date, paper date, reference', async () => {
    const cellDates = (html: string, label: string) =>
      [...html.matchAll(new RegExp(`<td data-label="${label}">[^]*?</td>`, 'g'))].map((m) => /datetime="([\d-]+)"/.exec(m[0])?.[1] ?? null);
    const next = await request(f.app).get('/?sort=next').expect(200);
    const nextDates = cellDates(next.text, 'Nächster Schritt');
    const dated = nextDates.filter((d): d is string => d !== null);
    expect(dated).toEqual(['2026-12-03', '2026-12-17', '2026-12-17', '2027-01-13']);
    expect(nextDates.slice(0, 4)).toEqual(dated); // papers without a date come after
    expect(next.text).toContain('<option value="next" selected>nächster Termin</option>');
    const byRef = refs((await request(f.app).get('/?sort=reference').expect(200)).text);
    expect(byRef).toEqual([...byRef].sort());
    const byDate = await request(f.app).get('/?sort=date').expect(200);
    const paperDates = [...byDate.text.matchAll(/ · vom <time datetime="([\d-]+)"/g)].map((m) => m[1]);
    expect(paperDates.length).toBeGreaterThan(5);
    expect(paperDates).toEqual([...paperDates].sort().reverse());
  });

  test('"alle Vorlagen" paginates; pager links keep topic, filters and sort', async () => {
    const first = await request(f.app).get('/?thema=alle&sort=reference').expect(200);
    expect(first.text).toContain('<h1>Alle Vorlagen</h1>');
    expect(first.text).toContain('href="/?thema&#x3D;alle" aria-current="page"');
    const total = Number(/<p class="count">(\d+) Vorlagen?\b/.exec(first.text)![1]);
    expect(total).toBe(all().length);
    expect(refs(first.text)).toHaveLength(25);
    const nextHref = unescapeHref(/<a rel="next" href="([^"]+)"/.exec(first.text)![1]);
    expect(nextHref).toBe('/?thema=alle&sort=reference&seite=2');
    const second = await request(f.app).get(nextHref).expect(200);
    expect(second.text).toMatch(new RegExp(`Seite 2 von ${Math.ceil(total / 25)}`));
    const a = refs(first.text);
    const b = refs(second.text);
    expect(b).toHaveLength(25);
    expect(b.filter((r) => a.includes(r) && r !== '')).toEqual([]);
    expect([...a, ...b]).toEqual([...a, ...b].sort());
    expect(unescapeHref(/<a rel="prev" href="([^"]+)"/.exec(second.text)![1])).toBe('/?thema=alle&sort=reference');
  });

  test('bad parameters: a German 400 or 404, never a 500', async () => {
    expect((await request(f.app).get('/?thema=unbekannt').expect(404)).text).toContain('Dieses Thema gibt es nicht.');
    expect((await request(f.app).get('/?sort=relevance').expect(400)).text).toContain('Unbekannte Sortierung.');
    expect((await request(f.app).get('/?sort=%3Cscript%3E').expect(400)).text).not.toContain('<script>');
    expect((await request(f.app).get('/?jahr=20x6').expect(400)).text).toContain('Ungültiges Jahr');
    expect((await request(f.app).get('/?seite=1.5').expect(400)).text).toContain('Ungültige Seitenzahl');
    expect((await request(f.app).get('/?state=decided&state=rejected').expect(400)).text).toContain('mehrfach');
    expect((await request(f.app).get('/?format=pdf').expect(400)).text).toContain('Unbekanntes Format');
    expect((await request(f.app).get('/?gremium=' + 'x'.repeat(500)).expect(400)).text).toContain('zu lang');
    // an unknown city is a 404, as on the dashboard, the calendar and the committees: a list or feed subscribed with a typo
    // would otherwise stay empty without a word — on the page, its JSON, CSV and feed, and the search's
    for (const url of ['/?stadt=nirgendwo', '/vorlagen.json?stadt=nirgendwo', '/vorlagen.csv?stadt=nirgendwo', '/feed.atom?stadt=nirgendwo',
      '/suche?q=Digitaltag&stadt=nirgendwo', '/suche/feed.atom?q=Digitaltag&stadt=nirgendwo']) {
      const res = await request(f.app).get(url);
      expect([url, res.status, res.text.includes('Diese Stadt gibt es nicht.')]).toEqual([url, 404, true]);
    }
    // another filter value nobody has is no error, just an empty list
    const none = await request(f.app).get('/?gremium=Nirgendwo-Ausschuss').expect(200);
    expect(none.text).toContain('<p class="count">0 Vorlagen (gefiltert)');
    expect(none.text).toContain('Keine Vorlagen gefunden.');
  });

  test('a volunteer reaches a digitalisation motion in one click from the start page', async () => {
    const home = await request(f.app).get('/').expect(200);
    const href = /<a href="(\/papers\/\d+)"><span class="ref">DS\/2026\/0123<\/span>/.exec(home.text)![1];
    const paper = await request(f.app).get(href).expect(200);
    expect(paper.text).toContain('Teilnahme der Stadt Musterstadt am bundesweiten Digitaltag 2027');
    expect(paper.text).toContain('Beratungsfolge');
  });
});
