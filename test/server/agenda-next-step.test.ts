/**
 * Agendas feed the motion, end to end, on a real SQLite file with the demo
 * data and the corpus, pinned to 2026-11-24: DS/2026/0301 and DS/2026/0342 are items 3 and 4 of the
 * Rat's published agenda of 17.12.2026 (data/demo/musterstadt-sitzungen.json), which their own pages
 * do not list yet. The motion page, its iCal, its Atom feed, the lists, the CSV and the Rat's queue
 * name "Rat der Stadt Musterstadt am 17.12.2026" as next step; the Digitalausschuss queue has the
 * deadline for DS/2026/0342. A committee that met without a published result (demo DS/2026/0254,
 * Hamburg-Nord 22-2402, the Trier motions) is never shown as the next step.
 */
import * as cheerio from 'cheerio';
import request from 'supertest';
import ical from 'node-ical';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { refreshDerived } from '../../src/db/derive';
import { loadProgressPapers } from '../../src/db/queries-progress';
import { progress } from '../../src/domain/progress';
import { buildFixtureApp, TODAY, type FixtureApp } from './fixture-app';

const RAT = 'Rat der Stadt Musterstadt';
const NEXT = 'Rat der Stadt Musterstadt am 17.12.2026 (Entscheidung)';
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('agendas feed the motion (demo, 2026-11-24)', () => {
  let f: FixtureApp;
  const one = (sql: string, ...params: unknown[]) => f.opened.sqlite.prepare(sql).pluck().get(...params);
  const ratMeeting = () => one("SELECT id FROM meetings WHERE external_id = '4103'") as number;
  const orgId = (name: string) => one("SELECT o.id FROM organizations o JOIN sources s ON s.id = o.source_id WHERE s.key = 'demo-musterstadt' AND o.name = ?", name) as number;
  const page = async (url: string) => cheerio.load((await request(f.app).get(url).expect(200)).text);

  beforeAll(() => {
    f = buildFixtureApp();
  });
  afterAll(() => f.cleanup());

  test.each(['DS/2026/0301', 'DS/2026/0342'])('%s: the motion page names the Rat on 17.12.2026 as next step, from its agenda, linked to the meeting', async (ref) => {
    const $ = await page(`/papers/${f.idOf(ref)}`);
    expect($('.status h2 .state').text()).toBe('terminiert');
    expect(squash($('li.next-step').text())).toBe(`Nächster Schritt: ${NEXT}, laut Tagesordnung der Sitzung vom 17.12.2026`);
    expect($('li.next-step a.next-agenda').attr('href')).toBe(`/meetings/${ratMeeting()}`);
    expect(squash($('p.explanation').text())).toMatch(/^Terminiert: Rat der Stadt Musterstadt \(Entscheidung\) am 17\.12\.2026 \(laut Tagesordnung der Sitzung vom 17\.12\.2026\)/);
    expect($('main').text()).not.toContain('noch ohne Termin');
    // the Rat's station has the row from the agenda, marked and linked
    const rat = $('li.station').filter((_, li) => $(li).find('h3').text().includes(RAT));
    expect(squash(rat.find('ul.meetings li').last().text())).toBe('17.12.2026 geplant · Sitzung des Rates der Stadt Musterstadt · laut Tagesordnung der Sitzung vom 17.12.2026');
    expect(rat.find('ul.meetings li').last().find('a').first().attr('href')).toBe(`/meetings/${ratMeeting()}`);
  });

  test('DS/2026/0342: its Vorberatung must be held before the Rat — said on the motion page', async () => {
    const $ = await page(`/papers/${f.idOf('DS/2026/0342')}`);
    expect($('p.deadline').toArray().map((p) => squash($(p).text()))).toEqual([`muss vor dem 17.12.2026 beraten werden — ${RAT}`]);
    expect(squash($('p.explanation').text())).toContain('vorher muss noch Ausschuss für Digitalisierung und Smart City (Vorberatung) beraten (vor dem 17.12.2026)');
  });

  test.each(['DS/2026/0301', 'DS/2026/0342'])('%s: calendar.ics has the Rat on 17.12.2026 at 17:00 as next step, linked to the meeting', async (ref) => {
    const res = await request(f.app).get(`/papers/${f.idOf(ref)}/calendar.ics`).expect(200).expect('Content-Type', /text\/calendar/);
    const events = Object.values(ical.sync.parseICS(res.text)).filter((c) => c?.type === 'VEVENT') as ical.VEvent[];
    const rat = events.filter((e) => String(e.summary) === `${ref}: ${RAT} (Entscheidung)`);
    expect(rat).toHaveLength(1);
    expect(rat[0].start.toISOString()).toBe('2026-12-17T16:00:00.000Z'); // 17:00 in Berlin, from the meeting page
    expect(String(rat[0].description)).toContain(`Nächster Schritt: ${NEXT}.`);
    expect(String(rat[0].description)).toContain('Laut Tagesordnung der Sitzung vom 17.12.2026.');
    const url = rat[0].url as unknown as string | { val: string };
    expect(typeof url === 'string' ? url : url.val).toMatch(new RegExp(`/meetings/${ratMeeting()}$`));
  });

  test.each(['DS/2026/0301', 'DS/2026/0342'])('%s: the Atom feed says the next step; its entries are the motion\'s change events', async (ref) => {
    const res = await request(f.app).get(`/papers/${f.idOf(ref)}/feed.atom`).expect(200);
    const doc = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'entry' || n === 'link' }).parse(res.text) as {
      feed: { subtitle: string; entry: { title: string | { '#text': string }; link: { '@_href': string }[]; summary: string | { '#text': string } }[] };
    };
    const str = (v: unknown) => (typeof v === 'object' && v !== null ? String((v as { '#text': string })['#text']) : String(v));
    expect(str(doc.feed.subtitle)).toContain(`Stand: terminiert.`);
    expect(str(doc.feed.subtitle)).toContain(`Nächster Schritt: ${NEXT}, laut Tagesordnung der Sitzung vom 17.12.2026.`);
    // the demo's first import: its one "neu erfasst" (the agenda came in the same import: no news of its own)
    expect(doc.feed.entry.map((e) => str(e.title))).toEqual([expect.stringMatching(/^Neu erfasst \(Vorlage vom \d{2}\.\d{2}\.2026\)$/)]);
    expect(doc.feed.entry[0].link[0]['@_href']).toMatch(new RegExp(`/papers/${f.idOf(ref)}$`));
  });

  test('the stored columns, the list, the search, their feed and the CSV say the same', async () => {
    for (const ref of ['DS/2026/0301', 'DS/2026/0342']) {
      expect(f.opened.sqlite.prepare('SELECT state, next_organization, next_role, next_date FROM papers WHERE id = ?').get(f.idOf(ref)))
        .toEqual({ state: 'scheduled', next_organization: RAT, next_role: 'Entscheidung', next_date: '2026-12-17' });
    }
    const cell = (html: string, ref: string) => {
      const $ = cheerio.load(html);
      const tr = $('tr').filter((_, r) => $(r).find('.ref').first().text() === ref);
      return squash(tr.find('td[data-label="Nächster Schritt"]').text());
    };
    const home = (await request(f.app).get('/?thema=alle&stadt=demo-musterstadt').expect(200)).text;
    const search = (await request(f.app).get('/suche?q=Terminvergabe').expect(200)).text;
    expect([cell(home, 'DS/2026/0301'), cell(home, 'DS/2026/0342'), cell(search, 'DS/2026/0342')]).toEqual([NEXT, NEXT, NEXT]);
    // the search's feed is built from its motions' change events (test/server/event-feeds.test.ts)
    const feed = (await request(f.app).get('/suche/feed.atom?q=Terminvergabe').expect(200)).text;
    expect(feed).toContain('DS/2026/0342: Neu erfasst');
    const rows = parseCsv((await request(f.app).get('/vorlagen.csv?thema=alle').expect(200)).text, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    for (const ref of ['DS/2026/0301', 'DS/2026/0342']) {
      expect(rows.find((r) => r.Vorlage === ref)).toMatchObject({ Status: 'terminiert', 'Nächste Station': RAT, Rolle: 'Entscheidung', 'Nächster Termin': '2026-12-17' });
    }
  });

  test('the Rat\'s queue has both, dated by the agenda; the Digitalausschuss queue has the deadline of DS/2026/0342', async () => {
    const rat = await page(`/organizations/${orgId(RAT)}`);
    const rows = (q: cheerio.CheerioAPI) => q('table.queue tbody tr').toArray().map((tr) => [q(tr).find('.ref').text(), squash(q(tr).find('td[data-label="Termin"]').text())]);
    expect(rows(rat)).toEqual([
      ['DS/2026/0301', '17.12.2026 laut Tagesordnung der Sitzung vom 17.12.2026'],
      ['DS/2026/0342', '17.12.2026 laut Tagesordnung der Sitzung vom 17.12.2026'],
    ]);
    const digital = await page(`/organizations/${orgId('Ausschuss für Digitalisierung und Smart City')}`);
    expect(rows(digital)).toEqual([['DS/2026/0342', `ohne Termin muss vor dem 17.12.2026 beraten werden — ${RAT}`]]);
    expect(squash(digital('p.count').first().text())).toBe('1 Vorlage in der Warteschlange (1 mit Frist vor einer späteren Station)');
    // the Rat's agenda check says the same
    const check = rat(`#sitzung-${ratMeeting()} tbody tr`).filter((_, tr) => rat(tr).find('.ref').text() === 'DS/2026/0342');
    expect(squash(check.find('td[data-label="Agenda-Check"]').text())).toContain(`muss vor dem 17.12.2026 beraten werden — ${RAT}`);
  });

  test('a committee that met without a published result is no next step: demo DS/2026/0254, Hamburg-Nord 22-2402, the Trier motions', async () => {
    const d = await page(`/papers/${f.idOf('DS/2026/0254')}`);
    expect(d('li.next-step').length).toBe(0);
    expect(squash(d('li.awaiting').text())).toBe(`${RAT}: Sitzung am 08.10.2026, Ergebnis noch nicht veröffentlicht`);
    const hh = one("SELECT p.id FROM papers p JOIN sources s ON s.id = p.source_id WHERE s.key = 'hamburg-nord' AND p.reference = '22-2402'") as number;
    const h = await page(`/papers/${hh}`);
    expect(h('li.next-step').length).toBe(0);
    expect(squash(h('li.awaiting').text())).toBe('Hauptausschuss: Sitzung am 07.07.2026, Ergebnis noch nicht veröffentlicht');
    const trier = f.opened.sqlite.prepare("SELECT p.id FROM papers p JOIN sources s ON s.id = p.source_id WHERE s.key = 'trier'").pluck().all() as number[];
    expect(trier.length).toBeGreaterThan(5);
    for (const id of trier) {
      const t = await page(`/papers/${id}`);
      expect([id, t('li.next-step').length, squash(t('li.awaiting').text())]).toEqual([id, 0, 'Stadtrat: Sitzung am 21.10.2026, Ergebnis noch nicht veröffentlicht']);
    }
    // and the stored columns: no next committee for any of them
    const stored = f.opened.sqlite.prepare(`SELECT COUNT(*) FROM papers WHERE id IN (SELECT value FROM json_each(?)) AND next_organization IS NOT NULL`).pluck();
    expect(stored.get(JSON.stringify([...trier, hh, f.idOf('DS/2026/0254')]))).toBe(0);
  });

  test('the RIS\'s status: every station "Erledigt" (Landkreis Osnabrück VO/2026/181) is done; the RIS\'s word stands beside ratsradar\'s only where they differ', async () => {
    const osna = one("SELECT p.id FROM papers p JOIN sources s ON s.id = p.source_id WHERE s.key = 'landkreis-osnabrueck' AND p.reference = 'VO/2026/181' AND (SELECT COUNT(*) FROM consultations c WHERE c.paper_id = p.id) = 3") as number;
    const o = await page(`/papers/${osna}`);
    // done, but not said to be adopted: the RIS gives no result (state closed)
    expect(o('.status h2 .state').text()).toBe('erledigt');
    expect(squash(o('p.explanation').text())).toBe('Erledigt: alle Stationen sind im RIS als „Erledigt“ markiert, zuletzt Kreistag des Landkreises Osnabrück (Entscheidung) am 28.09.2026; ein Ergebnis ist nicht angegeben.');
    expect(o('p.station-status').toArray().map((p) => squash(o(p).text()).split(' · ')[0])).toEqual(['erledigt', 'erledigt', 'erledigt']);
    expect(o('p.station-status small').length).toBe(0); // "Erledigt" in the RIS says the same
    // no result to name: the deciding body and the RIS's mark, never "Entscheidung: (…)"
    expect(o('ul.figures li').toArray().map((li) => squash(o(li).text())).filter((t) => t.startsWith('Entscheidung'))).toEqual([
      'Entscheidung: Kreistag des Landkreises Osnabrück am 28.09.2026 – im RIS als erledigt markiert, ohne Ergebnis',
    ]);
    const laatzen = one("SELECT p.id FROM papers p JOIN sources s ON s.id = p.source_id WHERE s.key = 'laatzen' AND p.reference = '2026/245'") as number;
    const l = await page(`/papers/${laatzen}`);
    // the Ortsrat met (no result); the RIS still says "Geplant": "erledigt … (im RIS: Geplant)"
    const first = l('p.station-status').first();
    // (the motion has no date of its own and the Ortsrat met once: no "0 Tage im Gremium" figure follows)
    expect(squash(first.text())).toBe('erledigt (im RIS: Geplant)');
    expect(first.find('small').text()).toBe('(im RIS: Geplant)');
    expect(l('p.station-status small').toArray().map((x) => l(x).text())).toEqual(['(im RIS: Geplant)']);
  });

  test('an unresolved committee is named "Gremium nicht bekannt", never an empty box', async () => {
    const ids = f.opened.sqlite.prepare('SELECT DISTINCT paper_id FROM consultations WHERE organization IS NULL').pluck().all() as number[];
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      const $ = await page(`/papers/${id}`);
      const names = $('ol.track-steps .step-name').toArray().map((e) => squash($(e).text()));
      expect(names.every((n) => n !== '')).toBe(true);
      expect(names).toContain('Gremium nicht bekannt');
      expect($('li.station h3').toArray().map((h) => squash($(h).text())).every((t) => !/^Station \d+:\s*(–|$)/.test(t))).toBe(true);
    }
  });

  test('no motion of the demo or the corpus shows a committee that already met, without a new date, as its next step', () => {
    const ids = f.opened.sqlite.prepare('SELECT id FROM papers').pluck().all() as number[];
    const papers = loadProgressPapers(f.opened.sqlite, ids);
    const wrong: string[] = [];
    for (const p of papers.values()) {
      const pr = progress(p.paper, TODAY, { agenda: p.agenda });
      const s = pr.next ? pr.stations[pr.next.stationIndex] : null;
      // the next step's committee may have met only when it deferred (a new date is due) or meets again
      const last = s ? [...s.meetings].reverse().find((m) => m.past) : undefined;
      if (s && last && pr.next?.date == null && !['deferred', 'not-dealt'].includes(last.resultCode)) wrong.push(`${p.reference}: ${s.organization}`);
    }
    expect(papers.size).toBe(ids.length);
    expect(wrong).toEqual([]);
  });

  test('an agenda item linked or unlinked later changes the stored state on the next refresh (the paper is marked stale)', () => {
    const id = f.idOf('DS/2026/0342');
    const item = one("SELECT id FROM agenda_items WHERE paper_id = ? AND meeting_id = ?", id, ratMeeting()) as number;
    f.opened.sqlite.prepare('UPDATE agenda_items SET paper_id = NULL WHERE id = ?').run(item);
    expect(one('SELECT derived_on FROM papers WHERE id = ?', id)).toBeNull();
    refreshDerived(f.opened.sqlite, TODAY);
    expect(one('SELECT state FROM papers WHERE id = ?', id)).toBe('submitted');
    f.opened.sqlite.prepare('UPDATE agenda_items SET paper_id = ? WHERE id = ?').run(id, item);
    refreshDerived(f.opened.sqlite, TODAY);
    expect(f.opened.sqlite.prepare('SELECT state, next_date FROM papers WHERE id = ?').get(id)).toEqual({ state: 'scheduled', next_date: '2026-12-17' });
  });
});
