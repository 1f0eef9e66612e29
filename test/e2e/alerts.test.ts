/**
 * E-mail alerts end to end: the real app on 127.0.0.1 with
 * the demo data in a real SQLite file, a real SMTP server on 127.0.0.1; subscriptions go through the
 * real form, mails are read back (mailparser) and their links followed against the app. Change events
 * are inserted into paper_events directly (test/helpers/alerts.ts insertEvent).
 */
import { runNotify } from '../../src/alerts/notify';
import { deleteAddress } from '../../src/db/alerts-store';
import request from 'supertest';
import { createApp } from '../../src/server/app';
import { loadTopics } from '../../src/server/topics-file';
import { addDays } from '../../src/domain/dates';
import { berlinToUtc } from '../../src/util/berlin-time';
import { todayInBerlin } from '../../src/util/clock';
import { makeTmpDir } from '../helpers/tmp';
import {
  ALERT_TODAY, confirmFrom, formOf, insertEvent, linksIn, notifyAt, post, startAlertWorld, subscribeVia, type AlertWorld,
} from '../helpers/alerts';

jest.setTimeout(60_000);

/** A minute from now: every mail queued so far is due (the app stamps rows with the real clock). */
const soon = () => new Date(Date.now() + 60_000).toISOString();
/** A Berlin wall-clock time `days` after today (real clock), as ISO. */
const berlinAt = (days: number, time: string) => berlinToUtc(addDays(todayInBerlin(), days), time)!.toISOString();

describe('e-mail alerts against a real SMTP server', () => {
  const tmp = makeTmpDir();
  let w: AlertWorld;
  let motion: number;
  let motionPath: string;
  const topicPath = '/?thema=digitalisierung&stadt=demo-musterstadt';
  const count = (sql: string, ...args: unknown[]) => w.opened.sqlite.prepare(sql).pluck().get(...args) as number;

  beforeAll(async () => {
    process.env.RATSRADAR_SUBSCRIBE_LIMIT = '1000'; // the per-client limit has its own test below
    w = await startAlertWorld(tmp.dir);
    delete process.env.RATSRADAR_SUBSCRIBE_LIMIT;
    motion = w.opened.sqlite
      .prepare("SELECT p.id FROM papers p JOIN sources s ON s.id = p.source_id WHERE s.key = 'demo-musterstadt' AND p.reference = 'DS/2026/0123'")
      .pluck()
      .get() as number;
    motionPath = `/papers/${motion}`;
  });
  afterAll(async () => {
    await w?.close();
    tmp.cleanup();
  });

  test('double opt-in: the form queues one confirmation mail; nothing else is sent before the link is confirmed', async () => {
    const res = await subscribeVia(w.base, motionPath, 'Anna@Example.org', 'instant');
    expect(res.status).toBe(202);
    expect(await res.text()).toContain('Bitte bestätigen');
    // a result arrives while the subscription is unconfirmed: not sent, not even after confirming
    insertEvent(w.opened, { paperId: motion, kind: 'result', committee: 'Hauptausschuss', happenedOn: '2026-11-20', payload: { result: 'deferred' } });
    const run = await notifyAt(w, soon());
    expect(run).toMatchObject({ sent: 1, queued: 0, failed: 0 });
    const mails = w.smtp.to('anna@example.org');
    expect(mails).toHaveLength(1);
    const confirm = mails[0];
    expect(confirm.parsed.subject).toBe('Bitte bestätigen: Benachrichtigung zu Vorlage DS/2026/0123: Teilnahme der Stadt Musterstadt am bundesweiten Digitaltag 2027');
    expect(confirm.parsed.text).toContain('Erst nach Ihrer Bestätigung senden wir etwas.');
    expect(confirm.parsed.html).toContain('Benachrichtigung bestätigen</a>');
    expect(linksIn(confirm, w.base).length).toBeGreaterThanOrEqual(4); // confirm, manage, unsubscribe, privacy: all absolute
    expect(linksIn(confirm, '/')).toEqual([]);
    expect(confirm.header('List-Unsubscribe')).toMatch(new RegExp(`^<${w.base}/benachrichtigen/abbestellen/[A-Za-z0-9_-]{32}>$`));
    expect(confirm.header('List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(confirm.parsed.from?.text).toBe('alerts@ratsradar.test');

    // the link's GET only shows a button (a link scanner does not confirm); the button confirms
    const [link] = linksIn(confirm, `${w.base}/benachrichtigen/bestaetigen/`);
    expect(await (await fetch(link)).text()).toContain('Jetzt bestätigen');
    expect(count('SELECT COUNT(*) FROM alert_subscriptions WHERE confirmed_at IS NOT NULL')).toBe(0);
    const done = await confirmFrom(w, confirm);
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Danke. Sie erhalten ab jetzt eine E-Mail bei jeder Änderung');

    expect(await notifyAt(w, soon())).toMatchObject({ sent: 0, queued: 0 });
    insertEvent(w.opened, {
      paperId: motion, kind: 'result', committee: 'Rat der Stadt Musterstadt', happenedOn: '2026-12-03',
      payload: { result: 'adopted', vote: { yes: null, no: 0, abstain: null } },
    });
    expect(await notifyAt(w, soon())).toMatchObject({ sent: 1, queued: 1 });
    const news = w.smtp.to('anna@example.org');
    expect(news).toHaveLength(2);
    expect(news[1].parsed.subject).toBe('DS/2026/0123: Ergebnis im Rat der Stadt Musterstadt am 03.12.2026: ungeändert beschlossen (einstimmig)');
    expect(news[1].parsed.text).toContain(`${w.base}/papers/${motion}`);
    expect(news[1].header('List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    // planning and sending again sends nothing again
    expect(await notifyAt(w, soon())).toMatchObject({ sent: 0, queued: 0 });
    expect(w.smtp.to('anna@example.org')).toHaveLength(2);
  });

  test('the confirmed motion subscriber gets one mail naming the result, the topic digest subscriber gets it in the next digest, the unconfirmed nobody', async () => {
    await subscribeVia(w.base, motionPath, 'rat@example.org', 'instant');
    await subscribeVia(w.base, topicPath, 'digest@example.org', 'daily');
    await subscribeVia(w.base, motionPath, 'unconfirmed@example.org', 'instant');
    await subscribeVia(w.base, topicPath, 'unconfirmed@example.org', 'daily');
    await notifyAt(w, soon());
    for (const a of ['rat@example.org', 'digest@example.org']) expect((await confirmFrom(w, w.smtp.to(a)[0])).status).toBe(200);
    expect(w.smtp.to('unconfirmed@example.org')).toHaveLength(2); // its two confirmation mails

    const before = w.smtp.mails.length;
    const sentence = 'Ergebnis im Rat der Stadt Musterstadt am 10.12.2026: mit Änderungen beschlossen';
    insertEvent(w.opened, { paperId: motion, kind: 'result', committee: 'Rat der Stadt Musterstadt', happenedOn: '2026-12-10', payload: { result: 'adopted-amended' } });
    // 06:30 in Berlin tomorrow: the instant mail goes, the digest of the day is not due before 07:00
    await notifyAt(w, berlinAt(1, '06:30'));
    expect(w.smtp.to('rat@example.org').map((m) => m.parsed.subject)).toContain(`DS/2026/0123: ${sentence}`);
    expect(w.smtp.to('digest@example.org')).toHaveLength(1);
    // 09:00: the next digest carries it
    await notifyAt(w, berlinAt(1, '09:00'));
    const digests = w.smtp.to('digest@example.org').slice(1);
    expect(digests).toHaveLength(1);
    expect(digests[0].parsed.subject).toBe('Tageszusammenfassung: 1 Änderung zu Thema „Digitalisierung & Digitaltag“ in Musterstadt (Demo)');
    expect(digests[0].parsed.text).toContain(sentence);
    expect(digests[0].parsed.text).toContain('DS/2026/0123: Teilnahme der Stadt Musterstadt am bundesweiten Digitaltag 2027');
    // later that day: news wait for the next day's digest
    insertEvent(w.opened, { paperId: motion, kind: 'document', happenedOn: '2026-11-25', payload: { file: 'Beschlussausfertigung' } });
    await notifyAt(w, berlinAt(1, '15:00'));
    expect(w.smtp.to('digest@example.org')).toHaveLength(2);
    await notifyAt(w, berlinAt(2, '08:00'));
    expect(w.smtp.to('digest@example.org')).toHaveLength(3);
    expect(w.smtp.to('digest@example.org')[2].parsed.text).toContain('Neues Dokument: Beschlussausfertigung');
    // the motion subscriber: one mail per event, each once
    expect(w.smtp.to('rat@example.org').map((m) => m.parsed.subject)).toEqual([
      expect.stringMatching(/^Bitte bestätigen/), `DS/2026/0123: ${sentence}`, 'DS/2026/0123: Neues Dokument: Beschlussausfertigung',
    ]);
    expect(w.smtp.to('unconfirmed@example.org')).toHaveLength(2);
    // all mails of this story: rat 2, digest 2, and 2 to the first test's motion subscriber; none to the unconfirmed
    expect(w.smtp.to('anna@example.org').slice(2).map((m) => m.parsed.subject)).toEqual(w.smtp.to('rat@example.org').slice(1).map((m) => m.parsed.subject));
    expect(w.smtp.mails.length - before).toBe(6);
  });

  test('one-click unsubscribe (RFC 8058): POST to the List-Unsubscribe address ends the subscription; no further mail', async () => {
    await subscribeVia(w.base, motionPath, 'oneclick@example.org');
    await notifyAt(w, soon());
    await confirmFrom(w, w.smtp.to('oneclick@example.org')[0]);
    insertEvent(w.opened, { paperId: motion, kind: 'date_set', committee: 'Hauptausschuss', happenedOn: '2026-12-01' });
    await notifyAt(w, soon());
    const mail = w.smtp.to('oneclick@example.org')[1];
    const target = /^<(.+)>$/.exec(mail.header('List-Unsubscribe') ?? '')![1];
    // what a mail program sends: no cookie, no token field, just the one-click body
    const res = await post(w.base, target, { 'List-Unsubscribe': 'One-Click' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Die Benachrichtigung ist abbestellt.');
    expect(count("SELECT COUNT(*) FROM alert_addresses WHERE email = 'oneclick@example.org'")).toBe(0);
    insertEvent(w.opened, { paperId: motion, kind: 'date_moved', committee: 'Hauptausschuss', happenedOn: '2026-12-02' });
    await notifyAt(w, soon());
    expect(w.smtp.to('oneclick@example.org')).toHaveLength(2);
    expect((await post(w.base, target, { 'List-Unsubscribe': 'One-Click' })).status).toBe(404);
  });

  test('the list page from a mail\'s link: each subscription can be unsubscribed there, and the address deleted with everything', async () => {
    await subscribeVia(w.base, motionPath, 'list@example.org');
    await subscribeVia(w.base, topicPath, 'list@example.org', 'daily');
    await notifyAt(w, soon());
    const [first, second] = w.smtp.to('list@example.org');
    await confirmFrom(w, first);
    await confirmFrom(w, second);
    const [manage] = linksIn(first, `${w.base}/benachrichtigen/verwalten/`);
    const page = await (await fetch(manage)).text();
    expect(page).toContain('Benachrichtigungen für list@example.org');
    expect(page).toContain('Vorlage DS/2026/0123: Teilnahme der Stadt Musterstadt am bundesweiten Digitaltag 2027</a> – sofort');
    expect(page).toContain('Thema „Digitalisierung &amp; Digitaltag“ in Musterstadt (Demo)</a> – täglich');
    const unsubscribeActions = [...page.matchAll(/<form method="post" action="(\/benachrichtigen\/abbestellen\/[^"]+)">/g)].map((m) => m[1]);
    expect(unsubscribeActions).toHaveLength(2);
    expect((await post(w.base, unsubscribeActions[0], {})).status).toBe(200);
    const after = await (await fetch(manage)).text();
    expect(after).not.toContain('Digitaltag 2027</a> – sofort');
    expect(after).toContain('in Musterstadt (Demo)</a> – täglich');
    const deleteAction = /<form method="post" action="(\/benachrichtigen\/verwalten\/[^"]+\/loeschen)">/.exec(after)![1];
    expect((await post(w.base, deleteAction, {})).status).toBe(200);
    expect(count("SELECT COUNT(*) FROM alert_addresses WHERE email = 'list@example.org'")).toBe(0);
    expect((await fetch(manage)).status).toBe(404);
  });

  test('an unconfirmed address is deleted 48 hours after it was entered; its link then says so', async () => {
    await subscribeVia(w.base, motionPath, 'late@example.org');
    await notifyAt(w, soon());
    const mail = w.smtp.to('late@example.org')[0];
    const created = w.opened.sqlite
      .prepare("SELECT s.created_at FROM alert_subscriptions s JOIN alert_addresses a ON a.id = s.address_id WHERE a.email = 'late@example.org'")
      .pluck()
      .get() as string;
    const plusHours = (h: number) => new Date(Date.parse(created) + h * 3600_000).toISOString();
    expect(await notifyAt(w, plusHours(47.9))).toMatchObject({ purged: 0 });
    expect(count("SELECT COUNT(*) FROM alert_addresses WHERE email = 'late@example.org'")).toBe(1);
    const run = await notifyAt(w, plusHours(48));
    expect(run.purged).toBeGreaterThanOrEqual(1);
    expect(count("SELECT COUNT(*) FROM alert_addresses WHERE email = 'late@example.org'")).toBe(0);
    const [link] = linksIn(mail, `${w.base}/benachrichtigen/bestaetigen/`);
    const res = await fetch(link);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Dieser Link ist ungültig oder abgelaufen.');
  });

  test('rate limit per address: five confirmation mails a day, the sixth request is refused and sends nothing', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await subscribeVia(w.base, i % 2 ? motionPath : topicPath, 'victim@example.org', i < 2 ? 'instant' : 'daily')).status);
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
    await notifyAt(w, soon());
    expect(w.smtp.to('victim@example.org')).toHaveLength(5);
  });

  test('the form refuses a post without its token, from another site, or with a bad address', async () => {
    const fields = (await formOf(w.base, motionPath))!;
    expect(fields).toMatchObject({ art: 'paper', ziel: String(motion) });
    expect((await post(w.base, '/benachrichtigen', { ...fields, token: 'x', email: 'a@example.org' })).status).toBe(403);
    expect((await post(w.base, '/benachrichtigen', { ...fields, email: 'a@example.org' }, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await post(w.base, '/benachrichtigen', { ...fields, email: 'a@example.org' }, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await post(w.base, '/benachrichtigen', { ...fields, email: 'not an address' })).status).toBe(400);
    expect((await post(w.base, '/benachrichtigen', { ...fields, ziel: '999999', email: 'a@example.org' })).status).toBe(404);
    expect(count("SELECT COUNT(*) FROM alert_addresses WHERE email = 'a@example.org'")).toBe(0);
  });

  test('scraped strings are escaped in the HTML part and cannot add headers or recipients', async () => {
    await subscribeVia(w.base, motionPath, 'escape@example.org');
    await notifyAt(w, soon());
    await confirmFrom(w, w.smtp.to('escape@example.org')[0]);
    const other = w.opened.sqlite.prepare("SELECT id FROM papers WHERE reference = 'DS/2026/0155'").pluck().get() as number;
    w.opened.sqlite.prepare('UPDATE papers SET reference = ?, name = ? WHERE id = ?').run('X\r\nBcc: evil@example.org', '<img src=x onerror=alert(1)> & "Test"', motion);
    try {
      insertEvent(w.opened, { paperId: motion, kind: 'document', committee: null, happenedOn: '2026-12-11', payload: { file: '<script>alert(1)</script>' } });
      insertEvent(w.opened, { paperId: other, kind: 'new' }); // another paper: not for this subscriber
      await notifyAt(w, soon());
    } finally {
      w.opened.sqlite.prepare("UPDATE papers SET reference = 'DS/2026/0123', name = 'Teilnahme der Stadt Musterstadt am bundesweiten Digitaltag 2027' WHERE id = ?").run(motion);
    }
    const mails = w.smtp.to('escape@example.org');
    expect(mails).toHaveLength(2);
    const m = mails[1];
    expect(m.to).toEqual(['escape@example.org']);
    expect(m.parsed.bcc).toBeUndefined();
    expect(m.parsed.subject).toBe('X Bcc: evil@example.org: Neues Dokument: <script>alert(1)</script>');
    const html = String(m.parsed.html);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt; &amp; &quot;Test&quot;');
    expect(w.smtp.mails.some((x) => x.to.includes('evil@example.org'))).toBe(false);
  });

  test('staff deletion (subscriptions --delete) removes the address, its subscriptions and its queued mails', async () => {
    await subscribeVia(w.base, motionPath, 'staff@example.org');
    expect(count("SELECT COUNT(*) FROM alert_outbox o JOIN alert_subscriptions s ON s.id = o.subscription_id JOIN alert_addresses a ON a.id = s.address_id WHERE a.email = 'staff@example.org'")).toBe(1);
    expect(deleteAddress(w.opened.sqlite, { email: 'staff@example.org' })).toBe(1);
    const before = w.smtp.mails.length;
    await notifyAt(w, soon());
    expect(w.smtp.mails.length).toBe(before);
    expect(count("SELECT COUNT(*) FROM alert_addresses WHERE email = 'staff@example.org'")).toBe(0);
  });

  test('a mail the server refuses for now is retried with backoff and then delivered once', async () => {
    await subscribeVia(w.base, motionPath, 'retry@example.org');
    const t = Date.now() + 60_000;
    const at = (minutes: number) => new Date(t + minutes * 60_000).toISOString();
    w.smtp.hooks.onStep = async (step) => step !== 'rcpt';
    try {
      expect(await notifyAt(w, at(0))).toMatchObject({ sent: 0, retry: 1 });
    } finally {
      w.smtp.hooks.onStep = undefined;
    }
    const row = () => w.opened.sqlite
      .prepare(`SELECT o.state, o.attempts, o.due_at AS dueAt, o.last_error AS lastError FROM alert_outbox o JOIN alert_subscriptions s ON s.id = o.subscription_id
        JOIN alert_addresses a ON a.id = s.address_id WHERE a.email = 'retry@example.org'`)
      .get() as { state: string; attempts: number; dueAt: string; lastError: string };
    expect(row()).toMatchObject({ state: 'pending', attempts: 1, lastError: expect.stringContaining('451') });
    expect(Date.parse(row().dueAt)).toBe(Math.floor(t / 1000) * 1000 + 60_000);
    expect(await notifyAt(w, at(0.5))).toMatchObject({ sent: 0, retry: 0 }); // not due yet
    expect(w.smtp.to('retry@example.org')).toHaveLength(0);
    expect(await notifyAt(w, at(1))).toMatchObject({ sent: 1 });
    expect(row()).toMatchObject({ state: 'sent', attempts: 2 });
    expect(await notifyAt(w, at(10))).toMatchObject({ sent: 0 });
    expect(w.smtp.to('retry@example.org')).toHaveLength(1);
  });

  test('with the SMTP server unreachable the run stops and keeps the mail due', async () => {
    await subscribeVia(w.base, motionPath, 'down@example.org');
    const others = w.opened.sqlite.prepare("SELECT COUNT(*) FROM alert_outbox WHERE state = 'pending'").pluck().get() as number;
    const run = await runNotify(w.opened.sqlite, { ...w.config, smtpUrl: 'smtp://127.0.0.1:9' }, loadTopics(), () => soon());
    expect(run).toMatchObject({ sent: 0, retry: 1, failed: 0 });
    expect(w.opened.sqlite.prepare("SELECT COUNT(*) FROM alert_outbox WHERE state = 'pending'").pluck().get()).toBe(others);
    await notifyAt(w, new Date(Date.now() + 5 * 60_000).toISOString());
    expect(w.smtp.to('down@example.org')).toHaveLength(1);
  });

  test('without SMTP configured no page shows the form and the alert routes are not there; /datenschutz says what is stored', async () => {
    const off = createApp(w.opened.sqlite, { today: () => ALERT_TODAY });
    for (const url of [motionPath, topicPath, '/suche?q=digital']) {
      const res = await request(off).get(url);
      expect(res.status).toBe(200);
      expect(res.text).not.toContain('Benachrichtigen');
    }
    expect((await request(off).post('/benachrichtigen').type('form').send({ email: 'x@example.org' })).status).toBe(404);
    const privacy = await request(off).get('/datenschutz');
    expect(privacy.status).toBe(200);
    expect(privacy.text).toContain('Auf dieser Installation sind E-Mail-Benachrichtigungen ausgeschaltet.');
    const on = await (await fetch(`${w.base}/datenschutz`)).text();
    expect(on).not.toContain('ausgeschaltet');
    for (const phrase of ['Ihre E-Mail-Adresse', 'zufällige Schlüssel für die Links', 'Unbestätigte Anmeldungen löschen wir nach 48 Stunden', 'Ihre Adresse mit allem sofort löschen']) expect(on).toContain(phrase);
  });

  test('only the address, the subscriptions and tokens are stored: the tables hold no other column about a person', () => {
    const columns = (t: string) => (w.opened.sqlite.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).map((c) => c.name);
    expect(columns('alert_addresses')).toEqual(['id', 'email', 'manage_token', 'created_at']);
    expect(columns('alert_subscriptions')).toEqual([
      'id', 'address_id', 'kind', 'target', 'city', 'cadence', 'created_at', 'confirm_token', 'confirmed_at', 'unsubscribe_token', 'last_event_id', 'last_digest_on',
    ]);
  });
});

describe('per-client rate limit on subscribing', () => {
  const tmp = makeTmpDir();
  let w: AlertWorld;
  beforeAll(async () => {
    process.env.RATSRADAR_SUBSCRIBE_LIMIT = '3';
    w = await startAlertWorld(tmp.dir);
    delete process.env.RATSRADAR_SUBSCRIBE_LIMIT;
  });
  afterAll(async () => {
    await w?.close();
    tmp.cleanup();
  });

  test('the fourth subscribe request of a client within the hour is a 429 and queues nothing', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await subscribeVia(w.base, '/?thema=digitalisierung', `client${i}@example.org`)).status);
    expect(statuses).toEqual([202, 202, 202, 429]);
    await notifyAt(w, soon());
    expect(w.smtp.mails.map((m) => m.to[0]).sort()).toEqual(['client0@example.org', 'client1@example.org', 'client2@example.org']);
  });
});
