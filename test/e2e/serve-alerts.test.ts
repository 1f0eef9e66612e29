/**
 * `ratsradar serve` as a real process with e-mail alerts on: the form is shown, a subscription's
 * confirmation mail goes out at once (the app nudges the notify timer), and a change event written
 * into the database by another process (this test) reaches the confirmed subscriber through serve's
 * timer (RATSRADAR_NOTIFY_EVERY=5) — no `notify` command run.
 */
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { openDb } from '../../src/db/connection';
import { ROOT } from '../helpers/cli-src';
import { confirmFrom, insertEvent, subscribeVia, type AlertWorld } from '../helpers/alerts';
import { startSmtp } from '../helpers/smtp';
import { makeTmpDir } from '../helpers/tmp';

jest.setTimeout(180_000);

async function unusedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

test('serve sends the confirmation at once and event mails on its timer', async () => {
  const tmp = makeTmpDir();
  const smtp = await startSmtp();
  const db = path.join(tmp.dir, 'serve.sqlite');
  const port = await unusedPort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'ratsradar.js'), 'serve', '--port', String(port), '--db', db], {
    env: {
      ...process.env, RATSRADAR_TODAY: '2026-11-24', RATSRADAR_SMTP_URL: smtp.url, RATSRADAR_BASE_URL: base,
      RATSRADAR_MAIL_FROM: 'alerts@ratsradar.test', RATSRADAR_NOTIFY_EVERY: '5',
    },
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', () => out.includes('sending e-mail alerts') && resolve());
      child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${err}`)));
    });
    expect(out).toContain('sending e-mail alerts through the configured SMTP server');
    const opened = openDb(db);
    const motion = opened.sqlite.prepare("SELECT id FROM papers WHERE reference = 'DS/2026/0123'").pluck().get() as number;
    const w = { base, smtp } as AlertWorld;
    expect((await subscribeVia(base, `/papers/${motion}`, 'served@example.org')).status).toBe(202);
    await smtp.waitFor(1, 60_000);
    expect(smtp.mails[0].parsed.subject).toMatch(/^Bitte bestätigen: /);
    expect((await confirmFrom(w, smtp.mails[0])).status).toBe(200);
    insertEvent(opened, { paperId: motion, kind: 'result', committee: 'Rat der Stadt Musterstadt', happenedOn: '2026-12-17', payload: { result: 'adopted' } });
    opened.close();
    await smtp.waitFor(2, 60_000);
    expect(smtp.mails[1].to).toEqual(['served@example.org']);
    expect(smtp.mails[1].parsed.subject).toBe('DS/2026/0123: Ergebnis im Rat der Stadt Musterstadt am 17.12.2026: ungeändert beschlossen');
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
    await smtp.close();
    tmp.cleanup();
  }
  expect(err).toBe('');
  expect(smtp.mails).toHaveLength(2);
});
