/** `ratsradar replay DIR` as a process: serves the corpus on 127.0.0.1 with faults from a file, stops on SIGTERM. */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { CORPUS_MANIFEST } from '../../helpers/replay';
import { CORPUS, makeTmpDir } from '../../helpers/tmp';

const BIN = path.resolve(__dirname, '..', '..', '..', 'bin', 'ratsradar.js');

function get(port: number, host: string, p: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path: p, headers: { host }, agent: false }, (res) => {
      let body = '';
      res.setEncoding('latin1');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

describe('ratsradar replay', () => {
  const tmp = makeTmpDir();
  afterAll(tmp.cleanup);

  test('serves the recorded pages with the faults of --faults, logs each request, and stops on SIGTERM', async () => {
    const faults = path.join(tmp.dir, 'faults.json');
    fs.writeFileSync(faults, JSON.stringify({ rules: [{ match: 'SILFDNR=2667', fault: 'status', status: 503, times: 1 }], robots: { '*': 'User-agent: *\nDisallow: /bi/to020.asp\n' } }));
    const child = spawn(process.execPath, [BIN, 'replay', CORPUS, '--manifest', CORPUS_MANIFEST, '--faults', faults, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    while (!out.includes('\n')) await new Promise((r) => setTimeout(r, 50));
    const m = /^ratsradar replays 65 pages of \d+ hosts on http:\/\/127\.0\.0\.1:(\d+)\/ \(crawl with --via http:\/\/127\.0\.0\.1:\d+\)\n/.exec(out);
    expect(m).not.toBeNull();
    const port = Number(m![1]);
    expect((await get(port, 'srv19.regensburg.de', '/bi/to010.asp?SILFDNR=2667')).status).toBe(503);
    const page = await get(port, 'srv19.regensburg.de', '/bi/to010.asp?SILFDNR=2667');
    expect(page.status).toBe(200);
    expect(page.body).toBe(fs.readFileSync(path.join(CORPUS, 'allris3/regensburg/to010-2667-excerpt.html'), 'latin1'));
    expect((await get(port, 'kis.lkos.de', '/robots.txt')).body).toBe('User-agent: *\nDisallow: /bi/to020.asp\n');
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(out.split('\n').slice(1, 4)).toEqual([
      'GET srv19.regensburg.de/bi/to010.asp?SILFDNR=2667 → 503 (fault: status)',
      'GET srv19.regensburg.de/bi/to010.asp?SILFDNR=2667 → 200',
      'GET kis.lkos.de/robots.txt → 200',
    ]);
  });

  test('bad input: one line, exit 2', () => {
    const bad = path.join(tmp.dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ rules: [{ match: 'x', fault: 'explode' }] }));
    const badPage = path.join(tmp.dir, 'bad-page.json');
    fs.writeFileSync(badPage, JSON.stringify({ rules: [{ match: 'x', fault: 'error-page', variant: 'kaputt' }] }));
    const cases: [string[], RegExp][] = [
      [['replay'], /^ratsradar replay: replay needs a DIR/],
      [['replay', tmp.dir], /^ratsradar replay: .* has no replay-manifest\.json and is not a page store/],
      [['replay', CORPUS, '--manifest', bad], /^ratsradar replay: .*bad\.json has no "pages" list/],
      [['replay', CORPUS, '--manifest', CORPUS_MANIFEST, '--faults', bad], /^ratsradar replay: .*bad\.json: rule 1: unknown fault "explode"/],
      [['replay', CORPUS, '--manifest', CORPUS_MANIFEST, '--faults', badPage], /^ratsradar replay: .*bad-page\.json: rule 1: unknown error page "kaputt" \(one of zu-viele-zugriffe, fehler, /],
    ];
    for (const [args, re] of cases) {
      const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
      expect([args.join(' '), r.stdout, r.stderr.split('\n').filter(Boolean).length]).toEqual([args.join(' '), '', 1]);
      expect(r.stderr).toMatch(re);
      expect(r.status).toBe(2);
    }
  });
});
