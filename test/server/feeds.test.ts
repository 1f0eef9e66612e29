import request from 'supertest';
import { XMLParser } from 'fast-xml-parser';
import ical from 'node-ical';
import { parse as parseCsv } from 'csv-parse/sync';
import { importPapers } from '../../src/db/import';
import { csvCell } from '../../src/server/csv-output';
import { berlinToUtc } from '../../src/util/berlin-time';
import { paper, station } from '../helpers/records';
import { buildFixtureApp, NOW, TODAY, unescapeHref, type FixtureApp } from './fixture-app';

interface AtomEntry { id: string; title: string | { '#text': string }; link: { '@_href': string }; updated: string; summary?: string | { '#text': string } }

const xml = new XMLParser({ ignoreAttributes: false, cdataPropName: false as unknown as string, isArray: (name) => name === 'entry' || name === 'link' });

/** Parses an Atom document back: the feed and its entries, titles and summaries with HTML entities decoded. */
function parseAtom(text: string) {
  const doc = xml.parse(text) as { feed: { id: string; title: string; updated: string; subtitle?: string; link: { '@_rel': string; '@_href': string }[]; entry?: AtomEntry[] } };
  const html = (v: unknown) => {
    const s = typeof v === 'object' && v !== null ? String((v as { '#text': string })['#text']) : String(v ?? '');
    return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  };
  const entries = (doc.feed.entry ?? []).map((e) => ({
    id: e.id,
    title: html(e.title),
    link: (e.link as unknown as { '@_href': string }[])[0]['@_href'],
    updated: e.updated,
    summary: html(e.summary),
  }));
  return { feed: doc.feed, entries };
}

function parseIcs(text: string) {
  return Object.values(ical.sync.parseICS(text)).filter((c) => c?.type === 'VEVENT') as ical.VEvent[];
}

/** supertest listens on a new port per request: compare bodies without it */
const noPort = (text: string) => text.replace(/127\.0\.0\.1:\d+/g, 'HOST');

const localDay = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

describe('building blocks', () => {
  test.each<[string, string, string | null]>([
    ['2026-12-03', '18:00', '2026-12-03T17:00:00.000Z'], // winter time, UTC+1
    ['2026-07-01', '09:30', '2026-07-01T07:30:00.000Z'], // summer time, UTC+2
    ['2026-03-29', '01:30', '2026-03-29T00:30:00.000Z'], // before the switch to summer time
    ['2026-03-29', '03:30', '2026-03-29T01:30:00.000Z'], // after it
    ['2026-10-25', '03:30', '2026-10-25T02:30:00.000Z'], // after the switch back
    ['2026-12-03', '25:00', null],
    ['03.12.2026', '18:00', null],
  ])('berlinToUtc(%s, %s) → %s', (date, time, iso) => {
    expect(berlinToUtc(date, time)?.toISOString() ?? null).toBe(iso);
  });

  test.each<[string | number | null, string]>([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+49 30 123', "'+49 30 123"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
    ['\tTab', "'\tTab"],
    ['\rCR', "'\rCR"],
    ['DS/2026/0001', 'DS/2026/0001'],
    ['a=b', 'a=b'],
    [42, '42'],
    [null, ''],
  ])('csvCell(%j) → %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });
});

describe('feeds, calendars and CSV', () => {
  let f: FixtureApp;
  let evilId: number;
  beforeAll(() => {
    f = buildFixtureApp({
      extra: (opened) => {
        const res = importPapers(opened.sqlite, { key: 'evil', name: 'Evil <b>City</b>' }, [
          paper({
            sourceId: '666',
            reference: '=HYPERLINK("http://evil.example")',
            name: 'Digitalisierung <script>alert(1)</script> ]]> & "Zitat" \u0001\u0007 Ende',
            paperType: '+Antrag',
            consultation: [
              station('@Rat<script>', 'Entscheidung', [{ date: '2026-12-10', name: '-Sitzung', meetingSourceId: null, agendaItemSourceId: null, result: null, resultCode: 'open' }]),
            ],
          }),
        ], NOW);
        evilId = res.papers[0].id;
      },
    });
  });
  afterAll(() => f.cleanup());

  test('a motion feed\'s subtitle names an awaited result once (Hamburg-Nord 22-2402: the Hauptausschuss met on 07.07.2026, no result published)', async () => {
    const { feed } = parseAtom((await request(f.app).get(`/papers/${f.idOf('22-2402')}/feed.atom`).expect(200)).text);
    expect(feed.subtitle).toBe('Stand: in Beratung. In Beratung: Hauptausschuss, Sitzung am 07.07.2026, Ergebnis noch nicht veröffentlicht.');
  });

  test('from the start page, one click to a digitalisation motion, a second to its Atom feed and its calendar — both parse back', async () => {
    const home = (await request(f.app).get('/').expect(200)).text;
    const paperHref = /<a href="(\/papers\/\d+)"><span class="ref">DS\/2026\/0123<\/span>/.exec(home)![1];
    const page = (await request(f.app).get(paperHref).expect(200)).text;
    // alternates in <head>, visible links in the page
    const head = page.slice(0, page.indexOf('</head>'));
    expect(head).toContain(`<link rel="alternate" type="application/atom+xml" href="${paperHref}/feed.atom" title="Neuigkeiten zu dieser Vorlage">`);
    expect(head).toContain(`<link rel="alternate" type="text/calendar" href="${paperHref}/calendar.ics" title="Termine dieser Vorlage">`);
    const atomHref = /<a href="([^"]+)" type="application\/atom\+xml">/.exec(page.slice(page.indexOf('<main')))![1];
    const icsHref = /<a href="([^"]+)" type="text\/calendar">/.exec(page.slice(page.indexOf('<main')))![1];

    const atom = await request(f.app).get(atomHref).expect(200).expect('Content-Type', /application\/atom\+xml/);
    const { feed, entries } = parseAtom(atom.text);
    expect(feed.title).toBe('DS/2026/0123 – Teilnahme der Stadt Musterstadt am bundesweiten Digitaltag 2027 – ratsradar');
    expect(feed.subtitle).toMatch(/^Stand: terminiert\. /);
    expect(feed.link.find((l) => l['@_rel'] === 'self')!['@_href']).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+${paperHref}/feed\\.atom$`));
    // built from the motion's change events: the first import is its one "neu erfasst" (test/server/event-feeds.test.ts: the results that follow)
    expect(entries.map((e) => e.title)).toEqual(['Neu erfasst (Vorlage vom 22.09.2026)']);
    expect(entries[0].updated).toBe(new Date(NOW).toISOString());
    expect(entries[0].id).toMatch(/^tag:ratsradar,2026:event\/[0-9a-f]{40}$/);
    for (const e of entries) expect(e.link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/(papers|meetings)\/\d+$/);

    const ics = await request(f.app).get(icsHref).expect(200).expect('Content-Type', /text\/calendar/);
    const events = parseIcs(ics.text).sort((a, b) => +a.start - +b.start);
    // both rows are linked to the demo's meeting pages: the events carry their start times, rooms and links
    expect(events.map((e) => [localDay(e.start), e.datetype, e.summary])).toEqual([
      ['2026-12-03', 'date-time', 'DS/2026/0123: Hauptausschuss (Vorberatung)'],
      ['2026-12-17', 'date-time', 'DS/2026/0123: Rat der Stadt Musterstadt (Entscheidung)'],
    ]);
    expect(events.map((e) => e.start.toISOString())).toEqual(['2026-12-03T16:00:00.000Z', '2026-12-17T16:00:00.000Z']); // 17:00 in Berlin
    expect(events.map((e) => String(e.location))).toEqual(['Ratssaal, Rathaus Musterstadt', 'Ratssaal, Rathaus Musterstadt']);
    expect(String(events[0].description)).toContain('Teilnahme der Stadt Musterstadt am bundesweiten Digitaltag 2027');
  });

  test('a paper feed with hostile text stays well-formed and says exactly what was scraped (minus control characters)', async () => {
    const res = await request(f.app).get(`/papers/${evilId}/feed.atom`).expect(200);
    expect(res.text).not.toContain('<script>');
    const { feed, entries } = parseAtom(res.text);
    expect(feed.title).toBe('=HYPERLINK("http://evil.example") – Digitalisierung <script>alert(1)</script> ]]> & "Zitat"  Ende – ratsradar');
    expect(entries[0].summary).toBe('Neu erfasst. =HYPERLINK("http://evil.example") – Digitalisierung <script>alert(1)</script> ]]> & "Zitat"  Ende, Evil <b>City</b>, +Antrag.');
    // a date moved at the hostile committee: its name stands in the entry as scraped, escaped
    importPapers(f.opened.sqlite, { key: 'evil', name: 'Evil <b>City</b>' }, [
      paper({
        sourceId: '666', reference: '=HYPERLINK("http://evil.example")', name: 'Digitalisierung <script>alert(1)</script> ]]> & "Zitat" \u0001\u0007 Ende', paperType: '+Antrag',
        consultation: [station('@Rat<script>', 'Entscheidung', [{ date: '2026-12-11', name: '-Sitzung', meetingSourceId: null, agendaItemSourceId: null, result: null, resultCode: 'open' }])],
      }),
    ], '2026-11-25T08:00:00Z');
    const moved = await request(f.app).get(`/papers/${evilId}/feed.atom`).expect(200);
    expect(moved.text).not.toContain('<script>');
    expect(parseAtom(moved.text).entries[0].title).toBe('Termin im @Rat<script> verschoben: vom 10.12.2026 auf den 11.12.2026');
    await request(f.app).get('/papers/999999/feed.atom').expect(404);
    await request(f.app).get('/papers/abc/calendar.ics').expect(404);
  });

  test('the topic feed lists the topic\'s papers with state and next step; filters apply', async () => {
    const res = await request(f.app).get('/feed.atom').expect(200);
    const { feed, entries } = parseAtom(res.text);
    expect(feed.title).toBe('Thema: Digitalisierung & Digitaltag – ratsradar');
    // every motion of the topic has its "neu erfasst" entry (the corpus import adds changes of pages saved twice)
    const home = (await request(f.app).get('/').expect(200)).text;
    const total = Number(/<p class="count">(\d+) Vorlagen?\b/.exec(home)![1]);
    expect(new Set(entries.filter((x) => x.title.includes(': Neu erfasst')).map((x) => x.link)).size).toBe(Math.min(total, entries.length));
    const e = entries.find((x) => x.title.startsWith('DS/2026/0123: '))!;
    expect(e.title).toBe('DS/2026/0123: Neu erfasst (Vorlage vom 22.09.2026)');
    expect(e.summary).toBe('Neu erfasst (Vorlage vom 22.09.2026). DS/2026/0123 – Teilnahme der Stadt Musterstadt am bundesweiten Digitaltag 2027, Musterstadt (Demo), Antrag.');
    expect(e.link).toMatch(/\/papers\/\d+$/);
    const leipzig = parseAtom((await request(f.app).get('/feed.atom?stadt=demo-leipzig').expect(200)).text);
    expect(leipzig.entries.map((x) => x.title)).toEqual(['VII-A-00777: Neu erfasst']);
    // the city is in the title: a reader tells the cities' feeds apart
    const leipzigName = f.opened.sqlite.prepare("SELECT name FROM sources WHERE key = 'demo-leipzig'").pluck().get() as string;
    expect(leipzig.feed.title).toBe(`Thema: Digitalisierung & Digitaltag – ${leipzigName} – ratsradar`);
    const klima = parseAtom((await request(f.app).get('/feed.atom?thema=klima').expect(200)).text);
    expect(klima.feed.title).toBe('Thema: Klima & Energie – ratsradar');
    await request(f.app).get('/feed.atom?thema=nix').expect(404);
    // the start page links its feed with the same filters
    const filtered = (await request(f.app).get('/?stadt=demo-leipzig').expect(200)).text;
    expect(filtered).toContain('<link rel="alternate" type="application/atom+xml" href="/feed.atom?stadt&#x3D;demo-leipzig"');
  });

  test('the search feed', async () => {
    const { feed, entries } = parseAtom((await request(f.app).get('/suche/feed.atom?q=Digitaltag').expect(200)).text);
    expect(feed.title).toBe('Suche „Digitaltag“ – ratsradar');
    expect(entries.map((e) => e.title).sort()).toEqual(['DS/2026/0123: Neu erfasst (Vorlage vom 22.09.2026)', 'VII-A-00777: Neu erfasst']);
    expect((await request(f.app).get('/suche/feed.atom').expect(400)).text).toContain('Bitte einen Suchbegriff angeben.');
  });

  test('a committee: Atom feed of its events, iCal with Berlin times, CSV of its meetings, all linked from its page', async () => {
    const meetingId = f.opened.sqlite.prepare(`SELECT m.id FROM meetings m JOIN sources s ON s.id = m.source_id
      WHERE s.key = 'hamburg-altona' AND m.external_id = '1004086'`).pluck().get() as number;
    const m = f.opened.sqlite.prepare('SELECT organization_id AS org, date, start FROM meetings WHERE id = ?').get(meetingId) as { org: number; date: string; start: string };
    expect(m.start).toMatch(/^\d{2}:\d{2}$/);
    const page = (await request(f.app).get(`/organizations/${m.org}`).expect(200)).text;
    expect(page).toContain(`<link rel="alternate" type="application/atom+xml" href="/organizations/${m.org}/feed.atom"`);
    expect(page).toContain(`href="/organizations/${m.org}/meetings.csv"`);

    const { feed, entries } = parseAtom((await request(f.app).get(`/organizations/${m.org}/feed.atom`).expect(200)).text);
    // the source by its name from data/sources.json (itself with parentheses: no nested ones around it)
    expect(feed.title).toBe('Mobilitätsausschuss – Hamburg-Altona (Bezirksversammlung) – ratsradar');
    // the events of the motions it deliberates: on a first import, each one's "neu erfasst"
    const deliberated = f.opened.sqlite.prepare(`SELECT DISTINCT c.paper_id FROM consultations c JOIN papers p ON p.id = c.paper_id
      WHERE c.organization = 'Mobilitätsausschuss' AND p.source_id = (SELECT source_id FROM organizations WHERE id = ?)`).pluck().all(m.org) as number[];
    expect(deliberated.length).toBeGreaterThan(0);
    expect(entries.filter((e) => e.title.includes(': Neu erfasst')).map((e) => Number(/\/papers\/(\d+)$/.exec(e.link)![1])).sort((a, b) => a - b))
      .toEqual([...deliberated].sort((a, b) => a - b).slice(0, 50));
    const events = parseIcs((await request(f.app).get(`/organizations/${m.org}/calendar.ics`).expect(200)).text);
    const ev = events.find((e) => e.uid === `meeting-${meetingId}@ratsradar`)!;
    expect(ev.datetype).toBe('date-time');
    expect(ev.start.toISOString()).toBe(berlinToUtc(m.date, m.start)!.toISOString());
    expect(ev.summary).toBe('Sitzung des Mobilitätsausschusses');

    const csv = parseCsv((await request(f.app).get(`/organizations/${m.org}/meetings.csv`).expect(200).expect('Content-Type', /text\/csv/)).text, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    const r = csv.find((x) => x.Link.endsWith(`/meetings/${meetingId}`))!;
    expect(r).toMatchObject({ Datum: m.date, Beginn: m.start, Sitzung: 'Sitzung des Mobilitätsausschusses', Gremium: 'Mobilitätsausschuss', Tagesordnungspunkte: '20' });
    await request(f.app).get('/organizations/999999/feed.atom').expect(404);
    await request(f.app).get('/organizations/999999/calendar.ics').expect(404);
  });

  test('iCalendar as RFC 5545 wants it: the name as TEXT (its comma escaped), CRLF after the last line, a component in an empty calendar', async () => {
    const org = f.opened.sqlite.prepare(`SELECT m.organization_id FROM meetings m JOIN sources s ON s.id = m.source_id
      WHERE s.key = 'hamburg-altona' AND m.external_id = '1004086'`).pluck().get() as number;
    const text = (await request(f.app).get(`/organizations/${org}/calendar.ics`).expect(200)).text;
    const unfolded = text.replace(/\r\n[ \t]/g, '');
    // the name "Mobilitätsausschuss, Hamburg-Altona (Bezirksversammlung) – Sitzungen": one comma, escaped once
    expect(unfolded).toMatch(/\r\nNAME:Mobilitätsausschuss\\, Hamburg-Altona \(Bezirksversammlung\) – Sitzungen\r\n/);
    expect(unfolded).toMatch(/\r\nX-WR-CALNAME:Mobilitätsausschuss\\, Hamburg-Altona \(Bezirksversammlung\) – Sitzungen\r\n/);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(parseIcs(text).length).toBeGreaterThan(0);
    expect(text).not.toContain('BEGIN:VTIMEZONE');
    // a motion without coming meetings: an empty calendar, with the zone of its meetings as its one component
    const id = f.opened.sqlite.prepare(`SELECT p.id FROM papers p WHERE NOT EXISTS (SELECT 1 FROM consultations c
      JOIN consultation_meetings cm ON cm.consultation_id = c.id LEFT JOIN meetings m ON m.id = cm.meeting_id
      WHERE c.paper_id = p.id AND COALESCE(m.date, cm.date) >= ?) AND NOT EXISTS (SELECT 1 FROM agenda_items a WHERE a.paper_id = p.id)
      ORDER BY p.id LIMIT 1`).pluck().get(TODAY) as number;
    expect(id).toBeGreaterThan(0);
    const empty = (await request(f.app).get(`/papers/${id}/calendar.ics`).expect(200)).text;
    expect(parseIcs(empty)).toEqual([]);
    expect(empty).toMatch(/\r\nBEGIN:VTIMEZONE\r\nTZID:Europe\/Berlin\r\n[\s\S]*\r\nEND:VTIMEZONE\r\nEND:VCALENDAR\r\n$/);
    expect(Object.values(ical.sync.parseICS(empty)).some((c) => c?.type === 'VTIMEZONE')).toBe(true);
  });

  test('Atom feeds name their author; an empty feed is dated by the data, not 1970', async () => {
    const list = (await request(f.app).get('/feed.atom?thema=alle').expect(200)).text;
    expect(list).toContain('<author><name>ratsradar</name></author>');
    const { feed, entries } = parseAtom((await request(f.app).get('/suche/feed.atom?q=Zeichenfolgeohnetreffer').expect(200)).text);
    expect(entries).toEqual([]);
    expect(Date.parse(feed.updated)).toBeGreaterThan(Date.parse('2020-01-01T00:00:00Z'));
  });

  test('all meetings: iCal from 30 days back on, linked from the start page', async () => {
    const home = (await request(f.app).get('/').expect(200)).text;
    expect(home).toContain('<link rel="alternate" type="text/calendar" href="/calendar.ics"');
    const events = parseIcs((await request(f.app).get('/calendar.ics').expect(200)).text);
    const inDb = f.opened.sqlite.prepare("SELECT COUNT(*) FROM meetings WHERE date >= date(?, '-30 days')").pluck().get(TODAY) as number;
    expect(events).toHaveLength(inDb);
    expect(inDb).toBeGreaterThan(3);
    for (const e of events) expect(localDay(e.start) >= '2026-10-25' || e.datetype === 'date-time').toBe(true);
  });

  test('CSV of the start page list: every paper of the list, values as shown, formulas neutralised', async () => {
    const text = (await request(f.app).get('/vorlagen.csv').expect(200).expect('Content-Type', /text\/csv/).expect('Content-Disposition', /attachment; filename="ratsradar-digitalisierung\.csv"/)).text;
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(text, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    const home = (await request(f.app).get('/').expect(200)).text;
    expect(rows).toHaveLength(Number(/<p class="count">(\d+) Vorlagen?\b/.exec(home)![1]));
    expect(rows.find((r) => r.Vorlage === 'DS/2026/0123')).toMatchObject({
      Betreff: 'Teilnahme der Stadt Musterstadt am bundesweiten Digitaltag 2027', Stadt: 'Musterstadt (Demo)', Art: 'Antrag', Status: 'terminiert',
      'Aktuelle Station': 'Hauptausschuss', 'Nächste Station': 'Hauptausschuss', Rolle: 'Vorberatung', 'Nächster Termin': '2026-12-03',
      'Letzte Aktivität': '2026-10-14', Demo: 'ja',
    });
    // the same list with ?format=csv
    expect(noPort((await request(f.app).get('/?format=csv').expect(200)).text)).toBe(noPort(text));
    // the hostile paper (in the topic by its title): every cell a spreadsheet would run is prefixed with '
    const evil = rows.find((r) => r.Vorlage.includes('HYPERLINK'))!;
    expect(evil.Vorlage).toBe('\'=HYPERLINK("http://evil.example")');
    expect(evil.Art).toBe("'+Antrag");
    expect(evil['Nächste Station']).toBe("'@Rat<script>");
    for (const r of rows) for (const v of Object.values(r)) expect(v).not.toMatch(/^[=+\-@\t\r]/);
  });

  test('CSV of a search and of a meeting agenda', async () => {
    const rows = parseCsv((await request(f.app).get('/suche.csv?q=Digitaltag').expect(200)).text, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.Vorlage).sort()).toEqual(['DS/2026/0123', 'VII-A-00777']);
    expect(noPort((await request(f.app).get('/suche?q=Digitaltag&format=csv').expect(200)).text)).toBe(noPort((await request(f.app).get('/suche.csv?q=Digitaltag')).text));
    await request(f.app).get('/suche.csv').expect(400);
    const meetingId = f.opened.sqlite.prepare(`SELECT m.id FROM meetings m JOIN sources s ON s.id = m.source_id
      WHERE s.key = 'hamburg-altona' AND m.external_id = '1004086'`).pluck().get() as number;
    const agenda = parseCsv((await request(f.app).get(`/meetings/${meetingId}/agenda.csv`).expect(200)).text, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    expect(agenda).toHaveLength(20);
    expect(agenda.some((a) => a.Ergebnis === 'zur Kenntnis genommen')).toBe(true);
    expect(agenda.filter((a) => a['Link zur Vorlage']).length).toBeGreaterThan(0);
    await request(f.app).get('/meetings/999999/agenda.csv').expect(404);
  });

  test('feed links carry the list\'s filters; the CSV link too', async () => {
    const page = (await request(f.app).get('/?thema=alle&state=decided&sort=reference').expect(200)).text;
    const csvHref = unescapeHref(/<a href="([^"]+)" type="text\/csv">/.exec(page)![1]);
    expect(csvHref).toBe('/vorlagen.csv?thema=alle&state=decided&sort=reference');
    const rows = parseCsv((await request(f.app).get(csvHref).expect(200)).text, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.Status).toBe('beschlossen');
    const refs = rows.map((r) => r.Vorlage);
    expect(refs).toEqual([...refs].sort());
  });
});
