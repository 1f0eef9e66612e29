/**
 * The motion page: the timeline as a visual with its text equivalent, days per committee, deferral
 * and referral counts, the next meeting, the case (Vorgang), documents, text, original link and
 * when it was last checked — over the corpus + the demo data (with its Musterstadt committees and meetings).
 */
import * as cheerio from 'cheerio';
import request from 'supertest';
import type { Express } from 'express';
import type { OpenedDb } from '../../src/db/connection';
import { recordPaperChanges } from '../../src/db/history';
import { encodeWhere } from '../../src/domain/change-text';
import { paperIdOf } from '../helpers/web-db';
import { buildFixtureApp, type FixtureApp } from './fixture-app';

describe('the motion page', () => {
  let f: FixtureApp;
  let opened: OpenedDb;
  let app: Express;
  const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
  const page = async (source: string, reference: string) =>
    cheerio.load((await request(app).get(`/papers/${paperIdOf(opened, source, reference)}`).expect(200)).text);

  beforeAll(() => {
    f = buildFixtureApp();
    ({ opened, app } = f);
  });
  afterAll(() => f.cleanup());

  test('DS/2026/0123: a visual step per station, its text equivalent, days per committee, and the next meeting one click away', async () => {
    const $ = await page('demo-musterstadt', 'DS/2026/0123');
    const steps = $('ol.track-steps li').toArray().map((li) => [$(li).attr('class'), $(li).find('.step-icon').text(), squash($(li).find('.step-status').text())]);
    expect(steps).toEqual([
      ['step step-done', '✓', 'erledigt · 22 Tage'],
      // ● marks the current station, as the legend says, though it has not met yet
      ['step step-planned step-is-current', '●', 'geplant'],
      ['step step-planned', '○', 'geplant'],
    ]);
    expect($('ol.track-steps').attr('aria-hidden')).toBe('true');
    expect(squash($('#track-caption .visually-hidden').text())).toBe(
      'Verlauf in Kürze: Station 1 von 3: Ausschuss für Digitalisierung und Smart City (Vorberatung), erledigt, 22 Tage. ' +
        'Station 2 von 3: Hauptausschuss (Vorberatung), geplant, aktuelle Station. Station 3 von 3: Rat der Stadt Musterstadt (Entscheidung), geplant.',
    );
    expect(squash($('li.station').first().find('.days').text())).toBe('22 Tage im Gremium');
    // what the count counts, on hover (it runs from the hand-over, not from this committee's first meeting)
    expect($('li.station').first().find('.days').attr('title')).toMatch(/^vom Tag, an dem die Vorlage zu diesem Gremium kam/);
    const meeting = opened.sqlite.prepare("SELECT id FROM meetings WHERE external_id = '4102'").pluck().get() as number;
    expect($('li.next-step a.next-meeting').attr('href')).toBe(`/meetings/${meeting}`);
    const ha = opened.sqlite.prepare("SELECT id FROM organizations WHERE name = 'Hauptausschuss' AND entity_key = 'au:2'").pluck().get() as number;
    expect($('li.next-step strong a').attr('href')).toBe(`/organizations/${ha}`);
    // every station links to its committee's page, and every meeting row to its meeting page (the demo has both)
    const orgOf = (name: string) => opened.sqlite.prepare("SELECT o.id FROM organizations o JOIN sources s ON s.id = o.source_id WHERE s.key = 'demo-musterstadt' AND o.name = ?").pluck().get(name) as number;
    const meetingOf = (sid: string) => opened.sqlite.prepare("SELECT m.id FROM meetings m JOIN sources s ON s.id = m.source_id WHERE s.key = 'demo-musterstadt' AND m.external_id = ?").pluck().get(sid) as number;
    expect($('li.station h3 a').toArray().map((a) => $(a).attr('href'))).toEqual(
      ['Ausschuss für Digitalisierung und Smart City', 'Hauptausschuss', 'Rat der Stadt Musterstadt'].map((n) => `/organizations/${orgOf(n)}`),
    );
    expect($('li.station a[href^="/meetings/"]').toArray().map((a) => $(a).attr('href'))).toEqual(['4101', '4102', '4103'].map((sid) => `/meetings/${meetingOf(sid)}`));
    // a committee without an organization row links to its page by name (Leipzig's are known from the Beratungsfolge only)
    const leipzig = await page('demo-leipzig', 'VII-A-00777');
    expect(leipzig('li.station h3 a').first().attr('href')).toBe('/gremien/demo-leipzig/Ratsversammlung');
    expect(squash($('li.counts').text())).toBe('Vertagt: 0×, verwiesen: 0×');
    expect($('.figures li').toArray().map((li) => squash($(li).text()))).toContain('In Beratung seit 63 Tagen');
  });

  test('skipped and stopped stations look different and say so; deferrals and referrals are counted', async () => {
    const smart = await page('demo-musterstadt', 'DS/2025/0456');
    expect(smart('ol.track-steps li').first().attr('class')).toBe('step step-skipped');
    expect(smart('ol.track-steps li .step-icon').toArray().map((e) => smart(e).text())).toEqual(['↷', '✓', '✓', '✓']);
    expect(squash(smart('#track-caption').text())).toContain('Station 1 von 4: Seniorenbeirat (Anhörung), übersprungen.');
    expect(smart('li.station .days').toArray().map((e) => squash(smart(e).text()))).toEqual(['22 Tage im Gremium', '14 Tage im Gremium', '15 Tage im Gremium']);
    const glas = await page('demo-musterstadt', 'DS/2025/0390');
    expect(glas('ol.track-steps li').toArray().map((li) => glas(li).attr('class'))).toEqual(['step step-done', 'step step-stopped', 'step step-stopped']);
    const ehrenamt = await page('demo-musterstadt', 'DS/2024/0611');
    expect(squash(ehrenamt('li.counts').text())).toBe('Vertagt: 1×, verwiesen: 0×');
    const portal = await page('demo-musterstadt', 'DS/2026/0301');
    expect(squash(portal('li.counts').text())).toBe('Vertagt: 0×, verwiesen: 1×');
  });

  test.each([
    ['laatzen', '2026/245', [['Ursprungsvorlage', '2026/245', true], ['Folgevorlage', '2026/245/1', false]]],
    ['laatzen', '2026/245/1', [['Ursprungsvorlage', '2026/245', false], ['Folgevorlage', '2026/245/1', true]]],
    ['hamburg-nord', '22-2375.1', [['Ursprungsvorlage', '22-2375', false], ['Folgevorlage', '22-2375.1', true]]],
    ['hildesheim', '25/073', [['Ursprungsvorlage', '25/073', true], ['Folgevorlage', '25/073-2', false]]],
    ['demo-musterstadt', 'DS/2026/0388', [['Ursprungsvorlage', 'DS/2026/0388', true], ['Bezugsvorlage', 'DS/2025/0456', false]]],
    ['demo-musterstadt', 'DS/2025/0456', [['Ursprungsvorlage', 'DS/2025/0456', true], ['Bezugsvorlage', 'DS/2026/0388', false]]],
  ] as const)('%s %s: its case (Vorgang) groups the papers that belong together', async (source, reference, expected) => {
    const $ = await page(source, reference);
    const members = $('ul.case li').toArray().map((li) => [$(li).find('.case-role').text(), $(li).find('.ref').text(), $(li).attr('aria-current') === 'page']);
    expect(members).toEqual(expected);
    for (const li of $('ul.case li:not([aria-current])').toArray()) {
      expect($(li).find('a').attr('href')).toMatch(/^\/papers\/\d+$/);
    }
  });

  test('a paper without relatives has no case section; documents, text, the original and the JSON link are there', async () => {
    const $ = await page('demo-musterstadt', 'DS/2025/0456');
    expect($('#h-files').length).toBe(1);
    expect($('ul.files a').toArray().map((a) => [$(a).text(), $(a).attr('href')])).toEqual([
      ['Vorlage', 'https://musterstadt.example/public/doc?DOLFDNR=90021'],
      ['Anlage 1 Smart-City-Strategie 2030.pdf', 'https://musterstadt.example/public/doc?DOLFDNR=90022'],
    ]);
    expect($('section.textpart h3').length).toBeGreaterThan(0);
    expect($('p.source a').first().attr('href')).toMatch(/^https:\/\/musterstadt\.example\//);
    const lonely = await page('demo-musterstadt', 'DS/2026/0123');
    expect(lonely('#h-case').length).toBe(0);
  });

  test('"last checked": the import day for saved pages, the source sync once the crawler has synced', async () => {
    const id = paperIdOf(opened, 'hamburg-nord', '22-2375');
    let $ = cheerio.load((await request(app).get(`/papers/${id}`).expect(200)).text);
    expect(squash($('p.source').text())).toContain('eingelesen: 24.11.2026');
    opened.sqlite.prepare("UPDATE sources SET last_sync_at = '2026-11-23T05:00:00Z' WHERE key = 'hamburg-nord'").run();
    $ = cheerio.load((await request(app).get(`/papers/${id}`).expect(200)).text);
    expect(squash($('p.source').text())).toContain('zuletzt geprüft: 23.11.2026');
    expect($('p.source time').first().attr('datetime')).toBe('2026-11-23T05:00:00Z');
  });

  test('the planned path beside the path taken, and the change log, from the crawler\'s history', async () => {
    const id = paperIdOf(opened, 'demo-musterstadt', 'DS/2026/0123');
    let $ = cheerio.load((await request(app).get(`/papers/${id}`).expect(200)).text);
    expect($('#h-path').length).toBe(0);
    expect($('#h-history').length).toBe(0);
    // the change log stores codes (src/domain/change-text.ts): the Beratungsfolge as [committee, role] pairs
    const digital = 'Ausschuss für Digitalisierung und Smart City';
    recordPaperChanges(opened.sqlite, id, [{
      field: 'consultation', context: '',
      oldValue: JSON.stringify([[digital, 'Vorberatung'], ['Finanzausschuss', 'Vorberatung'], ['Rat der Stadt Musterstadt', 'Entscheidung']]),
      newValue: JSON.stringify([[digital, 'Vorberatung'], ['Hauptausschuss', 'Vorberatung'], ['Rat der Stadt Musterstadt', 'Entscheidung']]),
    }], '2026-10-01T08:00:00Z', null);
    const where = encodeWhere({ station: 1, organization: digital, role: 'Vorberatung', meetingDate: '2026-10-14' });
    recordPaperChanges(opened.sqlite, id, [{ field: 'result', context: where, oldValue: null, newValue: 'ungeändert beschlossen' }], '2026-10-15T06:00:00Z', null);
    $ = cheerio.load((await request(app).get(`/papers/${id}`).expect(200)).text);
    const path = (i: number) => $('.paths ol.path').eq(i).find('li').toArray().map((li) => [$(li).attr('class'), squash($(li).text())]);
    expect(path(0)).toEqual([
      ['path-kept', 'Ausschuss für Digitalisierung und Smart City (Vorberatung)'],
      ['path-dropped', 'Finanzausschuss (Vorberatung) (entfallen)'],
      ['path-kept', 'Rat der Stadt Musterstadt (Entscheidung)'],
    ]);
    expect(path(1)).toEqual([
      ['path-kept', 'Ausschuss für Digitalisierung und Smart City (Vorberatung)'],
      ['path-added', 'Hauptausschuss (Vorberatung) (hinzugekommen)'],
      ['path-kept', 'Rat der Stadt Musterstadt (Entscheidung)'],
    ]);
    const rows = $('table.history tbody tr').toArray().map((tr) => $(tr).find('td').toArray().map((td) => squash($(td).text())));
    // the cell "Was" holds the label and, on its own line (<br>), where
    expect(rows).toEqual([
      ['15.10.2026, 08:00', `Ergebnis1. ${digital} (Vorberatung), Sitzung am 14.10.2026`, '–', 'ungeändert beschlossen'],
      ['01.10.2026, 10:00', 'Beratungsfolge',
        `${digital} (Vorberatung) → Finanzausschuss (Vorberatung) → Rat der Stadt Musterstadt (Entscheidung)`,
        `${digital} (Vorberatung) → Hauptausschuss (Vorberatung) → Rat der Stadt Musterstadt (Entscheidung)`],
    ]);
  });

  test('the JSON of a paper is unchanged by the page extras', async () => {
    const res = await request(app).get(`/papers/${paperIdOf(opened, 'demo-musterstadt', 'DS/2026/0123')}.json`).expect(200);
    // the fields of before, and its type, links, the derived fields every JSON list names and where minutes name it (none read
    // in the demo) and where its Beratungsfolge is known from (its own page: null); none of the page's extras (case, history, last check)
    expect(Object.keys(res.body).sort()).toEqual([
      'awaiting', 'currentOrganization', 'dataAge', 'dataAsOf', 'decision', 'explanation', 'explanationEn', 'firstSeenAt', 'id', 'lastActivity', 'links',
      'minutes', 'name', 'next', 'progress', 'record', 'reference', 'sequence', 'source', 'state', 'stateLabel', 'today', 'type', 'updatedAt',
    ]);
    expect([res.body.minutes, res.body.sequence]).toEqual([[], null]);
  });
});
