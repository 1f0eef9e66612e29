/**
 * The "Benachrichtigen" form in real Chromium at 390 px with JavaScript switched off —
 * fill in the address, pick the daily digest, submit, receive the confirmation mail at the real SMTP
 * server on 127.0.0.1, open its link and confirm with the button — and axe-core (in a second context
 * with scripts allowed only for axe) finds nothing serious or critical on the form and the alert pages.
 */
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { axeContext, axeSerious, launchChromium, SHOTS, sidewaysOverflow } from '../helpers/browser';
import { makeTmpDir } from '../helpers/tmp';
import { linksIn, notifyAt, startAlertWorld, type AlertWorld } from '../helpers/alerts';

jest.setTimeout(120_000);

const PHONE = { width: 390, height: 844 };

describe('the subscribe form in Chromium at 390 px', () => {
  const tmp = makeTmpDir();
  let w: AlertWorld;
  let browser: Browser;
  let noScript: BrowserContext;
  let withAxe: BrowserContext;
  let motionPath: string;

  beforeAll(async () => {
    w = await startAlertWorld(tmp.dir);
    const id = w.opened.sqlite.prepare("SELECT id FROM papers WHERE reference = 'DS/2026/0123'").pluck().get() as number;
    motionPath = `/papers/${id}`;
    browser = await launchChromium();
    noScript = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false, locale: 'de-DE' });
    withAxe = await axeContext(browser, { viewport: PHONE });
  });
  afterAll(async () => {
    await browser?.close();
    await w?.close();
    tmp.cleanup();
  });

  test('without JavaScript: subscribe, get the confirmation mail, confirm with its link; no sideways scrolling', async () => {
    const page = await noScript.newPage();
    expect((await page.goto(w.base + motionPath))?.status()).toBe(200);
    const form = page.locator('section.alert-form');
    await form.scrollIntoViewIfNeeded();
    expect(await form.locator('h2').textContent()).toBe('Benachrichtigen');
    await page.getByLabel('E-Mail-Adresse').fill('browser@example.org');
    await page.getByLabel('einmal täglich als Zusammenfassung').check();
    expect(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth').catch(() => 0)).toBeLessThanOrEqual(1);
    await page.screenshot({ path: path.join(SHOTS, 'alert-form-390.png'), fullPage: true });
    await Promise.all([page.waitForURL(`${w.base}/benachrichtigen`), form.getByRole('button', { name: 'Benachrichtigen' }).click()]);
    expect(await page.locator('h1').textContent()).toBe('Bitte bestätigen');
    expect(await page.locator('main').textContent()).toContain('browser@example.org');

    await notifyAt(w, new Date(Date.now() + 60_000).toISOString());
    const [mail] = w.smtp.to('browser@example.org');
    expect(mail.parsed.text).toContain('einmal täglich eine Zusammenfassung');
    const [link] = linksIn(mail, `${w.base}/benachrichtigen/bestaetigen/`);
    await page.goto(link);
    await Promise.all([page.waitForURL(link), page.getByRole('button', { name: 'Jetzt bestätigen' }).click()]);
    expect(await page.locator('h1').textContent()).toBe('Bestätigt');
    await page.getByRole('link', { name: 'Meine Benachrichtigungen ansehen' }).click();
    expect(await page.locator('ul.subscriptions li').allTextContents()).toEqual([
      expect.stringContaining('Vorlage DS/2026/0123: Teilnahme der Stadt Musterstadt am bundesweiten Digitaltag 2027 – täglich'),
    ]);
    expect(w.opened.sqlite.prepare("SELECT cadence FROM alert_subscriptions WHERE confirmed_at IS NOT NULL").pluck().all()).toEqual(['daily']);
    await page.close();
  });

  test('axe-core: the form on the motion, topic, committee and search pages and the alert pages have no serious or critical violation at 390 px', async () => {
    const page = await withAxe.newPage();
    const problems: string[] = [];
    const rat = w.opened.sqlite.prepare("SELECT id FROM organizations WHERE name = 'Rat der Stadt Musterstadt' LIMIT 1").pluck().get() as number;
    const manage = w.opened.sqlite.prepare('SELECT manage_token FROM alert_addresses LIMIT 1').pluck().get() as string;
    const confirmToken = w.opened.sqlite.prepare('SELECT confirm_token FROM alert_subscriptions LIMIT 1').pluck().get() as string;
    for (const url of [motionPath, '/?thema=digitalisierung', `/organizations/${rat}`, '/suche?q=digital', '/datenschutz',
      `/benachrichtigen/verwalten/${manage}`, `/benachrichtigen/bestaetigen/${confirmToken}`]) {
      expect((await page.goto(w.base + url))?.status()).toBe(200);
      if (!url.startsWith('/benachrichtigen') && url !== '/datenschutz') expect(await page.locator('section.alert-form form').count()).toBe(1);
      const overflow = await sidewaysOverflow(page);
      if (overflow > 1) problems.push(`${url}: ${overflow} px sideways scrolling`);
      for (const v of await axeSerious(page)) problems.push(`${url}: ${v}`);
    }
    expect(problems).toEqual([]);
    await page.close();
  });
});
