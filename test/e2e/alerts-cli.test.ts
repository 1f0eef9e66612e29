/**
 * The alert commands of the built CLI: notify refuses to send without RATSRADAR_BASE_URL (one line,
 * exit 2), serve refuses to start with SMTP but without it; `subscriptions --delete ADDRESS` deletes an
 * address with everything it follows; notify sends a queued confirmation through a real SMTP server.
 */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { subscribe } from '../../src/db/alerts-store';
import { openDb } from '../../src/db/connection';
import { loadDemo } from '../../src/ingest/demo';
import { ROOT } from '../helpers/cli-src';
import { startSmtp } from '../helpers/smtp';
import { makeTmpDir } from '../helpers/tmp';

jest.setTimeout(120_000);
const BIN = path.join(ROOT, 'bin', 'ratsradar.js');

function run(args: string[], env: Record<string, string | undefined>) {
  const clean = { ...process.env };
  for (const k of ['RATSRADAR_SMTP_URL', 'RATSRADAR_BASE_URL', 'RATSRADAR_MAIL_FROM']) delete clean[k];
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...clean, ...env }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('ratsradar notify and subscriptions', () => {
  const tmp = makeTmpDir();
  const db = path.join(tmp.dir, 'cli.sqlite');
  beforeAll(() => {
    const opened = openDb(db);
    loadDemo(opened.sqlite, '2026-11-24T09:00:00Z', '2026-11-24');
    const paper = opened.sqlite.prepare("SELECT id FROM papers WHERE reference = 'DS/2026/0123'").pluck().get() as number;
    const now = new Date(Date.now() - 60_000).toISOString();
    for (const email of ['keep@example.org', 'gone@example.org']) {
      subscribe(opened.sqlite, { email, kind: 'paper', target: String(paper), city: null, cadence: 'instant', now, from: 'alerts@ratsradar.test' });
    }
    opened.close();
  });
  afterAll(() => tmp.cleanup());

  test('notify without RATSRADAR_BASE_URL: one line, exit 2, nothing sent', () => {
    const r = run(['notify', '--db', db], { RATSRADAR_SMTP_URL: 'smtp://127.0.0.1:9', RATSRADAR_MAIL_FROM: 'alerts@ratsradar.test' });
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'ratsradar notify: RATSRADAR_BASE_URL is not set: mail needs absolute links (e.g. https://ratsradar.example.org)\n' });
    expect(run(['notify', '--db', db], {})).toEqual({ code: 2, stdout: '', stderr: 'ratsradar notify: RATSRADAR_SMTP_URL is not set: e-mail alerts are off, nothing to send\n' });
  });

  test('serve with SMTP but without RATSRADAR_BASE_URL does not start', () => {
    const r = run(['serve', '--db', db, '--port', '0', '--no-demo'], { RATSRADAR_SMTP_URL: 'smtp://127.0.0.1:9', RATSRADAR_MAIL_FROM: 'alerts@ratsradar.test' });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('ratsradar: serve: e-mail alerts: RATSRADAR_BASE_URL is not set: mail needs absolute links (e.g. https://ratsradar.example.org)\n');
  });

  test('subscriptions --delete ADDRESS deletes it with its subscriptions and queued mails; notify then sends only the rest', async () => {
    expect(run(['subscriptions', '--db', db], {})).toMatchObject({ code: 0, stdout: '2 addresses, 0 confirmed subscriptions, 2 waiting for confirmation\n' });
    expect(run(['subscriptions', '--delete', 'Gone@Example.org', '--db', db], {})).toEqual({
      code: 0, stdout: 'gone@example.org: deleted, with 1 subscription and the mails queued for them\n', stderr: '',
    });
    expect(run(['subscriptions', '--delete', 'gone@example.org', '--db', db], {}).stdout).toBe('gone@example.org: not stored (nothing to delete)\n');
    expect(run(['subscriptions', '--delete', 'nonsense', '--db', db], {})).toMatchObject({ code: 2, stderr: 'ratsradar subscriptions: --delete needs an e-mail address\n' });
    const smtp = await startSmtp();
    try {
      const env = { RATSRADAR_SMTP_URL: smtp.url, RATSRADAR_BASE_URL: 'https://ratsradar.example.org', RATSRADAR_MAIL_FROM: 'alerts@ratsradar.test' };
      const r = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
        // spawn, not spawnSync: the SMTP server runs in this process and must keep answering
        const child = spawn(process.execPath, [BIN, 'notify', '--db', db], { env: { ...process.env, ...env } });
        let stdout = '';
        child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
        child.on('exit', (code) => resolve({ code, stdout }));
      });
      expect(r).toEqual({ code: 0, stdout: 'notify: 1 sent, 0 to retry, 0 given up, 0 queued, 0 taken back from a stopped run, 0 unconfirmed deleted\n' });
      expect(smtp.mails.map((m) => m.to)).toEqual([['keep@example.org']]);
      expect(smtp.mails[0].parsed.text).toContain('https://ratsradar.example.org/benachrichtigen/bestaetigen/');
    } finally {
      await smtp.close();
    }
  });
});
