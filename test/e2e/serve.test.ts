/** `ratsradar serve` as a real process: a fresh database gets the demo data and is served on loopback. */
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { makeTmpDir } from '../helpers/tmp';

const BIN = path.resolve(__dirname, '..', '..', 'bin', 'ratsradar.js');
/** what `npm start` runs: the staleness check (nothing to compile after npm test's build), then serve */
const START = path.resolve(__dirname, '..', '..', 'bin', 'start.js');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** Starts `ratsradar serve` on a free port with the day pinned; resolves once it listens. */
async function startServe(db: string, today: string, env: Record<string, string> = {}, command = [BIN, 'serve']) {
  const port = await freePort();
  const child = spawn(process.execPath, [...command, '--port', String(port), '--db', db], { env: { ...process.env, RATSRADAR_TODAY: today, ...env } });
  const output = { out: '', err: '' };
  child.stdout.on('data', (d) => (output.out += d));
  child.stderr.on('data', (d) => (output.err += d));
  await new Promise<void>((resolve, reject) => {
    // a server that does not come up is stopped, so that the failure does not leave jest waiting for it
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start: ${output.out} ${output.err}`));
    }, 20000);
    child.stdout.on('data', () => {
      if (output.out.includes('ratsradar serves')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${output.err}`)));
  });
  const stop = async () => {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    return output;
  };
  return { port, output, stop };
}

describe('ratsradar serve', () => {
  const tmp = makeTmpDir();
  afterAll(tmp.cleanup);

  test('creates the database, loads the demo and serves it', async () => {
    const server = await startServe(path.join(tmp.dir, 'data', 'ratsradar.sqlite'), '2026-11-24');
    const { port, output } = server;
    try {
      expect(output.out).toMatch(/database was empty: loaded the demo data set \(13 motions, 10 committees, 27 meetings\)/);
      expect(output.out).toContain(`http://127.0.0.1:${port}/`);
      const home = await fetch(`http://127.0.0.1:${port}/`);
      expect(home.status).toBe(200);
      const html = await home.text();
      expect(html).toContain('VII-A-00777');
      expect(html).toContain('Musterstadt');
      const css = await fetch(`http://127.0.0.1:${port}/static/style.css`);
      expect(css.status).toBe(200);
    } finally {
      await server.stop();
    }
    expect(output.err).toBe('');
  });

  test('a later start, weeks on, loads the demo again with that week\'s shift: the same story, dates 35 days later', async () => {
    const db = path.join(tmp.dir, 'later', 'ratsradar.sqlite');
    const start = (today: string) => startServe(db, today);
    /** DS/2026/0123's next step as /papers/:id.json says it (the list links each motion by id). */
    const nextOf = async (port: number) => {
      const home = await (await fetch(`http://127.0.0.1:${port}/?q=DS%2F2026%2F0123`)).text();
      const id = /href="\/papers\/(\d+)"[^>]*>(?:<[^>]+>)*\s*DS\/2026\/0123/.exec(home)?.[1];
      expect(id).toBeDefined();
      const json = (await (await fetch(`http://127.0.0.1:${port}/papers/${id}.json`)).json()) as { progress: { state: string; next: { organization: string; date: string } } };
      return { id, state: json.progress.state, organization: json.progress.next.organization, date: json.progress.next.date };
    };
    const first = await start('2026-11-24');
    const before = await nextOf(first.port);
    const a = await first.stop();
    expect(a.out).toContain('database was empty: loaded the demo data set');
    expect(a.out).not.toContain('loaded again');
    expect(before).toMatchObject({ state: 'scheduled', organization: 'Hauptausschuss', date: '2026-12-03' });
    const later = await start('2026-12-29');
    const after = await nextOf(later.port);
    const b = await later.stop();
    expect(b.out).toContain('the demo data set was loaded again, its dates shifted by 35 days to sit around 2026-12-29');
    expect(after).toEqual({ ...before, date: '2027-01-07' });
    expect(a.err + b.err).toBe('');
  });

  test('LOG_LEVEL=info: one JSON line per request on stdout (method, route, status, ms); under jest without it: none', async () => {
    const db = path.join(tmp.dir, 'log', 'ratsradar.sqlite');
    const quiet = await startServe(db, '2026-11-24');
    expect((await fetch(`http://127.0.0.1:${quiet.port}/?q=Digitaltag`)).status).toBe(200);
    const q = await quiet.stop();
    expect(q.out).not.toMatch(/^\{/m);
    const loud = await startServe(db, '2026-11-24', { LOG_LEVEL: 'info' });
    expect((await fetch(`http://127.0.0.1:${loud.port}/?q=Digitaltag`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${loud.port}/papers/999999999`)).status).toBe(404);
    const l = await loud.stop();
    const lines = l.out.split('\n').filter((x) => x.startsWith('{')).map((x) => JSON.parse(x));
    expect(lines.map((x) => [x.method, x.route, x.status, typeof x.ms])).toEqual([['GET', '/', 200, 'number'], ['GET', '/papers/:id', 404, 'number']]);
    expect(l.out).not.toContain('Digitaltag');
    expect(l.err).toBe('');
  });

  test('npm start (bin/start.js) serves without compiling when the build is current', async () => {
    const server = await startServe(path.join(tmp.dir, 'start', 'ratsradar.sqlite'), '2026-11-24', {}, [START]);
    expect((await fetch(`http://127.0.0.1:${server.port}/`)).status).toBe(200);
    const out = await server.stop();
    expect(out.out).toContain('ratsradar serves');
    expect(out.err).toBe('');
  });

  test('a port in use is one line and exit 1', async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as net.AddressInfo).port;
    const child = spawn(process.execPath, [BIN, 'serve', '--port', String(port), '--db', path.join(tmp.dir, 'busy.sqlite'), '--no-demo']);
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const code = await new Promise((r) => child.once('exit', r));
    blocker.close();
    expect(code).toBe(1);
    expect(err.trim().split('\n')).toEqual([`ratsradar serve: cannot listen on 127.0.0.1:${port}: address already in use`]);
  });
});
