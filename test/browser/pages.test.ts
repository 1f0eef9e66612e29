/**
 * Browser tests in real Chromium (Debian `chromium`, driven by playwright-core) against the real app
 * on 127.0.0.1, with the corpus + the demo data with its Musterstadt committees and meetings (test/helpers/web-db.ts):
 * every main page at 1280 px and 390 px (screenshots in test-artifacts/screenshots/, axe-core: no
 * serious or critical violations, no sideways scrolling on the phone), keyboard use, and the
 * two-click paths of the three users. One browser for everything. Without Chromium the tests FAIL.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Server } from 'node:http';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import ical from 'node-ical';
import { XMLParser } from 'fast-xml-parser';
import type { OpenedDb } from '../../src/db/connection';
import { createApp } from '../../src/server/app';
import { axeContext, axeSerious, launchChromium, SHOTS, sidewaysOverflow } from '../helpers/browser';
import { pageUrl } from '../helpers/page-urls';
import { makeTmpDir } from '../helpers/tmp';
import { buildWebDb, paperIdOf, WEB_TODAY } from '../helpers/web-db';

jest.setTimeout(90_000);

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

const squashText = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

describe('the web app in Chromium', () => {
  const tmp = makeTmpDir();
  let opened: OpenedDb;
  let server: Server;
  let base: string;
  let browser: Browser;
  const contexts = new Map<string, BrowserContext>();
  /** one reused tab per viewport for the page tour */
  const tabs = new Map<string, Page>();
  const ids = { motion: 0, rat: 0, ratMeeting: 0, hauptausschussMeeting: 0, pastRatMeeting: 0, members: 0, decidedMeeting: 0, decidedMotion: 0, trierCouncil: 0 };

  beforeAll(async () => {
    opened = buildWebDb(tmp.dir);
    const one = (sql: string) => opened.sqlite.prepare(sql).pluck().get() as number;
    ids.motion = paperIdOf(opened, 'demo-musterstadt', 'DS/2026/0123');
    ids.rat = one("SELECT id FROM organizations WHERE entity_key = 'au:1' AND name = 'Rat der Stadt Musterstadt'");
    ids.ratMeeting = one("SELECT id FROM meetings WHERE external_id = '4103'");
    ids.hauptausschussMeeting = one("SELECT id FROM meetings WHERE external_id = '4102'");
    ids.pastRatMeeting = one("SELECT id FROM meetings WHERE external_id = '4106'"); // the demo's Rat of 09.10.2025, with results
    // the committee with the most members (a members table with long roles and groups), Hildesheim's council with a vote and a Beschluss
    ids.members = one('SELECT organization_id FROM memberships GROUP BY organization_id ORDER BY COUNT(*) DESC, organization_id LIMIT 1');
    ids.decidedMeeting = one("SELECT m.id FROM meetings m JOIN sources s ON s.id = m.source_id WHERE s.key = 'hildesheim' AND m.external_id = '3712'");
    ids.decidedMotion = paperIdOf(opened, 'hildesheim', '25/085');
    // Trier's Stadtrat of 21.10.2026: 24 agenda items, TOPs from "Ö 1" to "Ö 18.1" and "N 21"
    ids.trierCouncil = one("SELECT m.id FROM meetings m JOIN sources s ON s.id = m.source_id WHERE s.key = 'trier' AND m.external_id = '1000264'");
    const app = createApp(opened.sqlite, { today: () => WEB_TODAY });
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    for (const v of VIEWPORTS) {
      const context = await axeContext(browser, { viewport: { width: v.width, height: v.height }, acceptDownloads: true });
      contexts.set(v.name, context);
      tabs.set(v.name, await context.newPage());
    }
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    opened?.close();
    tmp.cleanup();
  });

  const pages = () => [
    { name: 'start', url: pageUrl('start') },
    { name: 'list', url: pageUrl('start', {}, 'thema=alle&sort=reference') },
    { name: 'motion', url: pageUrl('motion', { id: ids.motion }) },
    { name: 'decided-motion', url: pageUrl('motion', { id: ids.decidedMotion }) },
    { name: 'committee', url: pageUrl('organization', { id: ids.rat }) },
    { name: 'organization-members', url: pageUrl('organization', { id: ids.members }) },
    { name: 'meeting', url: pageUrl('meeting', { id: ids.ratMeeting }) },
    { name: 'past-meeting', url: pageUrl('meeting', { id: ids.pastRatMeeting }) },
    { name: 'decided-meeting', url: pageUrl('meeting', { id: ids.decidedMeeting }) },
    { name: 'search', url: pageUrl('search', {}, 'q=digital') },
    { name: 'dashboard', url: pageUrl('dashboard') },
    { name: 'dashboard-all', url: pageUrl('dashboard', {}, 'thema=alle') },
    // the ways in: cities, committees, the meeting calendar
    { name: 'cities', url: pageUrl('cities') },
    { name: 'city', url: pageUrl('city', { key: 'demo-musterstadt' }) },
    { name: 'committees', url: pageUrl('committees') },
    { name: 'committees-city', url: pageUrl('committees', {}, 'stadt=hamburg-nord') },
    { name: 'calendar', url: pageUrl('calendar') },
    { name: 'calendar-month', url: pageUrl('calendar', {}, 'stadt=demo-musterstadt&monat=2026-12') },
    { name: 'calendar-committee', url: pageUrl('calendar', {}, `gremium=${encodeURIComponent('demo-musterstadt:Rat der Stadt Musterstadt')}&monat=2026-10`) },
  ];

  async function open(context: string, url: string, page?: Page): Promise<Page> {
    const p = page ?? (await contexts.get(context)!.newPage());
    const res = await p.goto(base + url);
    expect(res?.status()).toBe(200);
    return p;
  }

  test.each(VIEWPORTS.map((v) => [v.name, v.width] as const))('every main page at %s width (%i px): German, landmarks, no sideways scrolling, axe clean, screenshot', async (name, width) => {
    const problems: string[] = [];
    for (const p of pages()) {
      const page = await open(name, p.url, tabs.get(name));
      expect(await page.getAttribute('html', 'lang')).toBe('de');
      expect(await page.locator('main#main').count()).toBe(1);
      expect(await page.locator('h1').count()).toBe(1);
      const overflow = await sidewaysOverflow(page);
      if (overflow > 1) problems.push(`${p.name} @${width}: ${overflow} px sideways scrolling`);
      await page.screenshot({ path: path.join(SHOTS, `${p.name}-${width}.png`), fullPage: true });
      for (const v of await axeSerious(page)) problems.push(`${p.name} @${width}: ${v}`);
    }
    expect(problems).toEqual([]);
    for (const p of pages()) expect(fs.statSync(path.join(SHOTS, `${p.name}-${width}.png`)).size).toBeGreaterThan(5000);
  });

  test('phone (390 px): no page of any kind is wider than the screen — every organization and meeting, the longest motions of each city, the lists and the search', async () => {
    const page = tabs.get('phone')!;
    const all = (sql: string) => opened.sqlite.prepare(sql).pluck().all() as number[];
    const urls = [
      '/', '/?thema=alle', '/?thema=alle&seite=2', '/suche?q=digital', '/suche?q=Hauptausschuss',
      ...all('SELECT id FROM organizations ORDER BY id').map((id) => `/organizations/${id}`),
      ...all('SELECT id FROM meetings ORDER BY id').map((id) => `/meetings/${id}`),
      // per city the two motions with the most to show (name, text, Beratungsfolge): the widest there are
      ...all(`SELECT id FROM (SELECT p.id, ROW_NUMBER() OVER (PARTITION BY p.source_id ORDER BY length(p.name) + length(p.text)
        + (SELECT COUNT(*) FROM consultations c WHERE c.paper_id = p.id) * 200 DESC, p.id) AS n FROM papers p) WHERE n <= 2 ORDER BY id`).map((id) => `/papers/${id}`),
    ];
    const wide: string[] = [];
    for (const url of urls) {
      await open('phone', url, page);
      const width = (await page.evaluate('document.documentElement.scrollWidth')) as number;
      if (width > 390) wide.push(`${url}: ${width} px`);
    }
    expect(wide).toEqual([]);
    expect(urls.length).toBeGreaterThan(140);
  }, 300_000);

  test('phone: the filters fold into one line above the list and open on a tap; at a desk they stay open', async () => {
    const phone = tabs.get('phone')!;
    await open('phone', '/?thema=alle&stadt=hamburg-nord', phone);
    const summary = phone.locator('details.filter-box > summary');
    expect(squashText(await summary.textContent())).toBe('Filter und Sortierung (1 aktiv)');
    expect(await phone.locator('#f-gremium').isVisible()).toBe(false);
    // the list starts on the first screen
    const firstRow = await phone.locator('main a[href^="/papers/"]').first().boundingBox();
    expect(firstRow!.y).toBeLessThan(844);
    await summary.click();
    expect(await phone.locator('#f-gremium').isVisible()).toBe(true);
    // the committee select stays inside its box
    const box = (await phone.locator('form.filters').boundingBox())!;
    const select = (await phone.locator('#f-gremium').boundingBox())!;
    expect(select.x + select.width).toBeLessThanOrEqual(box.x + box.width);
    const desk = tabs.get('desktop')!;
    await open('desktop', '/?thema=alle', desk);
    expect(await desk.locator('#f-gremium').isVisible()).toBe(true);
    expect(await desk.locator('details.filter-box > summary').isVisible()).toBe(false);
  });

  test('phone: agenda cards show no empty "Vorlage:" or "Ergebnis:" label', async () => {
    const page = tabs.get('phone')!;
    await open('phone', `/meetings/${ids.ratMeeting}`, page);
    const cells = (await page.evaluate(`[...document.querySelectorAll('table.agenda td')].filter((td) => td.getBoundingClientRect().height > 0 && td.textContent.trim() === '').length`)) as number;
    expect(cells).toBe(0);
    // the first item (no motion, no result) shows its TOP and subject only
    const shown = (await page.evaluate(`[...document.querySelectorAll('table.agenda tbody tr:first-child td')].filter((td) => td.getBoundingClientRect().height > 0).map((td) => td.dataset.label)`)) as string[];
    expect(shown).toEqual(['TOP', 'Betreff']);
  });

  test('desktop: every TOP of an agenda stays on one line ("Ö 18.1" did not)', async () => {
    const page = await open('desktop', `/meetings/${ids.trierCouncil}`);
    // per TOP cell: its text and how many lines its content takes (boxes more than 5 px apart vertically)
    const lines = (await page.evaluate(`[...document.querySelectorAll('table.agenda td[data-label="TOP"]')].map((td) => {
      const r = document.createRange(); r.selectNodeContents(td);
      const tops = [...r.getClientRects()].map((x) => x.top).sort((a, b) => a - b);
      return [td.textContent.replace(/\\s+/g, ' ').trim(), tops.filter((t, i) => i === 0 || t - tops[i - 1] > 5).length];
    })`)) as [string, number][];
    expect(lines).toHaveLength(24);
    expect(lines.find(([t]) => t === 'Ö 18.1')).toEqual(['Ö 18.1', 1]);
    expect(lines.filter(([, n]) => n !== 1)).toEqual([]);
    await page.close();
  });

  test('staff: the meeting page prints its check status and its "Stand" line', async () => {
    const page = await open('desktop', `/meetings/${ids.ratMeeting}`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('p.stand').isVisible()).toBe(true);
    expect(await page.locator('p.stand').textContent()).toMatch(/^Stand der Daten: \d\d\.\d\d\.\d{4}; ausgewertet am 24\.11\.2026$/);
    expect(await page.locator('.check-status').allTextContents()).toEqual(['Agenda-Check: Vorstation ausstehend', 'Agenda-Check: bereit', 'Agenda-Check: Vorstation offen']);
    const pdf = await page.pdf({ path: path.join(SHOTS, 'meeting-print-a4.pdf'), format: 'A4', preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  });

  test('keyboard: the first Tab reaches a visible skip link to the content; focus is visibly outlined', async () => {
    const page = await open('desktop', `/papers/${ids.motion}`);
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(`(() => { const a = document.activeElement; const r = a.getBoundingClientRect();
      return { text: a.textContent, href: a.getAttribute('href'), visible: r.width > 0 && r.height > 0 && r.left >= 0 && r.top >= 0, outline: getComputedStyle(a).outlineStyle }; })()`);
    expect(skip).toEqual({ text: 'Zum Inhalt springen', href: '#main', visible: true, outline: 'solid' });
    await page.keyboard.press('Enter');
    expect(page.url()).toBe(`${base}/papers/${ids.motion}#main`);
    await page.keyboard.press('Tab');
    const next = (await page.evaluate('(() => { const a = document.activeElement; return { inMain: !!a.closest("main"), outline: getComputedStyle(a).outlineStyle }; })()')) as { inMain: boolean; outline: string };
    expect(next).toEqual({ inMain: true, outline: 'solid' });
    await page.close();
  });

  test('volunteer: start → a digitalisation motion\'s timeline (1 click) → its calendar and its feed (2nd click), both parse', async () => {
    const page = await open('phone', '/');
    const link = page.locator('main a[href^="/papers/"]', { hasText: /Digital/ }).first();
    await Promise.all([page.waitForURL(/\/papers\/\d+$/), link.click()]);
    expect(await page.locator('ol.track-steps li').count()).toBeGreaterThan(0);
    expect(await page.locator('#track-caption').textContent()).toMatch(/^Verlauf in Kürze: Station 1 von \d+: /);
    const ics = page.locator('a[href$="/calendar.ics"]').first();
    const [download] = await Promise.all([page.waitForEvent('download'), ics.click()]);
    const icsText = fs.readFileSync((await download.path())!, 'utf8');
    const events = Object.values(ical.sync.parseICS(icsText));
    expect(icsText).toMatch(/^BEGIN:VCALENDAR/);
    expect(events.length).toBeGreaterThan(0);
    const atomHref = await page.locator('a[href$="/feed.atom"]').first().getAttribute('href');
    const atom = await page.request.get(base + atomHref);
    expect(atom.status()).toBe(200);
    const feed = new XMLParser().parse(await atom.text()) as { feed?: { title?: unknown } };
    expect(feed.feed?.title).toBeTruthy();
    await page.close();
  });

  test('council member: a motion → its next meeting (1 click), where the motion is on the agenda', async () => {
    const page = await open('desktop', `/papers/${ids.motion}`);
    await Promise.all([page.waitForURL(`${base}/meetings/${ids.hauptausschussMeeting}`), page.locator('a.next-meeting').click()]);
    expect(await page.locator('h1').textContent()).toBe('Sitzung des Hauptausschusses');
    expect(await page.locator('table.agenda td[data-label="Vorlage"] a').allTextContents()).toEqual(['DS/2026/0123']);
    await page.close();
  });

  test('staff preparing next week: the calendar filtered by a GET form (no script) → the flagged meeting of December (2nd click); on the phone the month is a list of the days with meetings', async () => {
    const page = await open('phone', '/sitzungen?monat=2026-12');
    await page.selectOption('#s-stadt', 'demo-musterstadt');
    await Promise.all([page.waitForURL(/\/sitzungen\?stadt=demo-musterstadt&gremium=&monat=2026-12$/), page.locator('form.filters button[type="submit"]').click()]);
    expect(await page.locator('h1').textContent()).toBe('Sitzungskalender (Musterstadt (Demo))');
    // the grid's cells as a list: only days with meetings show, each with its day name
    const shown = (await page.evaluate(`[...document.querySelectorAll('table.month-grid td')].filter((td) => td.getBoundingClientRect().height > 0)
      .map((td) => td.querySelector('.day-name').textContent + ' | ' + td.querySelector('li a').textContent)`)) as string[];
    expect(shown).toEqual(['Do 03.12.2026 | 17:00 Hauptausschuss', 'Do 17.12.2026 | 17:00 Rat der Stadt Musterstadt']);
    const flagged = page.locator('table.month-grid li', { has: page.locator('.badge-open') }).locator('a').first();
    await Promise.all([page.waitForURL(`${base}/meetings/${ids.ratMeeting}`), flagged.click()]);
    expect(await page.locator('.check-summary').textContent()).toMatch(/Agenda-Check/);
    await page.close();
  });

  test('staff: motion → the committee (1 click) → the agenda check (2nd click) lands on the flagged agenda item; the page prints on A4', async () => {
    const page = await open('desktop', `/papers/${ids.motion}`);
    const rat = page.locator('li.station h3 a', { hasText: 'Rat der Stadt Musterstadt' });
    await Promise.all([page.waitForURL(`${base}/organizations/${ids.rat}`), rat.click()]);
    expect(await page.locator('table.queue tbody tr').count()).toBe(2);
    const flag = page.locator('.check-summary li', { hasText: 'DS/2026/0342' }).locator('a[href^="#"]');
    await flag.click();
    expect(page.url()).toBe(`${base}/organizations/${ids.rat}#sitzung-${ids.ratMeeting}`);
    const row = page.locator(`#sitzung-${ids.ratMeeting} tr.flagged`, { hasText: 'DS/2026/0342' });
    expect(await row.isVisible()).toBe(true);
    expect(await row.locator('.flag-blocking').textContent()).toBe('⚠ Vorstation offen');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.site').isVisible()).toBe(false);
    expect(await page.locator('.print-note').isVisible()).toBe(true);
    const pdf = await page.pdf({ path: path.join(SHOTS, 'committee-print-a4.pdf'), format: 'A4', preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.screenshot({ path: path.join(SHOTS, 'committee-print-1280.png'), fullPage: true });
    await page.close();
  });

  test('dashboard: every chart is drawn (bars, dots, lines) inside its column at 390 px, and the page prints on A4 without the filters', async () => {
    const page = await open('phone', '/dashboard?thema=alle');
    const charts = (await page.evaluate(`[...document.querySelectorAll('svg.chart')].map((s) => {
      const r = s.getBoundingClientRect();
      return { id: s.id, width: Math.round(r.width), marks: s.querySelectorAll('rect[height], circle, path[d]').length };
    })`)) as { id: string; width: number; marks: number }[];
    expect(charts.map((c) => c.id)).toEqual(['chart-staedte', 'chart-dauer', 'chart-ruhend', 'chart-ergebnisse', 'chart-monate']);
    for (const c of charts) {
      expect(c.width).toBeGreaterThan(300);
      expect(c.width).toBeLessThanOrEqual(390);
      expect(c.marks).toBeGreaterThan(0);
    }
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.dashboard-filter').isVisible()).toBe(false);
    expect(await page.locator('svg.chart').first().isVisible()).toBe(true);
    const pdf = await page.pdf({ path: path.join(SHOTS, 'dashboard-print-a4.pdf'), format: 'A4', preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  });
});
