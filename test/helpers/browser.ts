/**
 * The browser tests' Chromium (Debian `chromium`, driven by playwright-core): launching it, contexts
 * with axe-core loaded, axe's serious and critical violations as lines, and where screenshots go.
 * Without Chromium the tests FAIL (they do not skip).
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

export const CHROMIUM = process.env.RATSRADAR_CHROMIUM ?? '/usr/bin/chromium';
export const SHOTS = path.resolve(__dirname, '..', '..', 'test-artifacts', 'screenshots');
const AXE = require.resolve('axe-core/axe.min.js');

/** Launches Chromium headless, without sandbox, GPU or any background network; throws when it is missing. */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium is missing at ${CHROMIUM}: install Debian's chromium (apt-get install chromium; .ci/run does) — the browser tests need it`);
  }
  fs.mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A German context whose pages carry axe-core: bypassCSP lets it in although the app forbids every script; it loads at each navigation. */
export async function axeContext(browser: Browser, options: BrowserContextOptions): Promise<BrowserContext> {
  const context = await browser.newContext({ ...options, bypassCSP: true, locale: 'de-DE' });
  await context.addInitScript({ path: AXE });
  return context;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** axe-core's serious and critical violations (WCAG 2.1 A/AA and best practice) of the page, one line each. */
export async function axeSerious(page: Page): Promise<string[]> {
  const violations = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })
    .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) })))`)) as AxeViolation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).join(' | ')}`);
}

/** How many pixels the page is wider than the window (0 when it does not scroll sideways). */
export async function sidewaysOverflow(page: Page): Promise<number> {
  return (await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')) as number;
}
