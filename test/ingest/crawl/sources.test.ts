/** data/sources.json, `ratsradar sources` and `ratsradar sources add URL` (system detection over loopback HTTP). */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openDb } from '../../../src/db/connection';
import { Fetcher } from '../../../src/ingest/fetch/fetcher';
import { detectSource, keyFromHost } from '../../../src/ingest/crawl/detect-source';
import { findSource, loadSourcesFile, sourceHosts } from '../../../src/ingest/crawl/sources';
import { corpusPages, useCorpusReplay } from '../../helpers/replay';
import { CORPUS, makeTmpDir } from '../../helpers/tmp';

const BIN = path.resolve(__dirname, '..', '..', '..', 'bin', 'ratsradar.js');

describe('data/sources.json', () => {
  const sources = loadSourcesFile();

  test('names the instances ALLRIS-NOTES.md names, each with a system and a base URL', () => {
    const keys = sources.map((s) => s.key);
    for (const k of ['leipzig', 'hamburg-altona', 'hamburg-nord', 'bonn', 'potsdam', 'braunschweig', 'regensburg']) expect(keys).toContain(k);
    expect(new Set(keys).size).toBe(keys.length);
    for (const s of sources) expect(s.baseUrl).toMatch(/^https?:\/\/[^/]+\/(.*\/)?$/);
  });

  test('every source of the corpus has its folder name as key, and its pages lie on the source’s hosts', () => {
    for (const p of corpusPages().filter((x) => x.source !== 'oparl-spec-example')) {
      const s = sources.find((x) => x.key === p.source);
      expect([p.file, s?.key]).toEqual([p.file, p.source]);
      expect(sourceHosts(s!)).toContain(new URL(p.url).hostname);
    }
  });
});

describe('system detection', () => {
  const replay = useCorpusReplay();
  const detect = (url: string) => detectSource(new Fetcher({ userAgent: 't', allowedHosts: [new URL(url).hostname], via: replay.via, rate: 1000, backoffBaseMs: 1 }), url);

  test('keys from host names', () => {
    expect(['ris.westerstede.de', 'www.augsburg.sitzung-online.de', 'ratsinfo.trier.de', 'sitzungsdienst-hamburg-nord.hamburg.de', 'srv19.regensburg.de'].map(keyFromHost))
      .toEqual(['westerstede', 'augsburg', 'trier', 'hamburg-nord-hamburg', 'regensburg']);
  });

  test('ALLRIS 3 from the start page in the folder: the calendar program from its menu', async () => {
    expect(await detect('https://ris.westerstede.de/bi/')).toEqual({
      key: 'westerstede', name: expect.any(String), system: 'allris3', baseUrl: 'https://ris.westerstede.de/bi/', calendar: 'si010_e',
    });
  });

  test('OParl from the system object', async () => {
    expect(await detect('https://www.augsburg.sitzung-online.de/public/oparl/system')).toEqual({
      key: 'augsburg', name: expect.any(String), system: 'oparl', oparlUrl: 'https://www.augsburg.sitzung-online.de/public/oparl/system',
      baseUrl: 'https://www.augsburg.sitzung-online.de/public/',
    });
  });

  test('an OParl source is named by its System where that names the city, else by its one Body', async () => {
    // Erkelenz's System is called "Stadt Erkelenz": its name, no body list asked for
    const from = replay.server.requests.length;
    expect(await detect('http://ratsinfo.erkelenz.de/bi/oparl/1.0/system.asp')).toMatchObject({ key: 'erkelenz', name: 'Stadt Erkelenz', system: 'oparl' });
    expect(replay.server.requests.slice(from).map((r) => r.url)).toEqual(['ratsinfo.erkelenz.de/robots.txt', 'ratsinfo.erkelenz.de/bi/oparl/1.0/system.asp']);
    // Leipzig's System says "N/A": the name of its one Body, from the body list (HAND-MADE: the real Body 2387 in a list)
    const body = JSON.parse(fs.readFileSync(path.join(CORPUS, 'oparl/leipzig/oparl1.0-body-2387.json'), 'utf8'));
    replay.server.setPage('https://ratsinfo.leipzig.de/bi/oparl/1.0/bodies.asp', Buffer.from(JSON.stringify({ data: [body], links: {}, pagination: {} })), 'application/json');
    expect(await detect('https://ratsinfo.leipzig.de/bi/oparl/1.0/system.asp')).toMatchObject({ key: 'leipzig', name: 'Stadt Leipzig', system: 'oparl' });
    // Augsburg's System names the software ("ALLRIS OParl der Stadt Augsburg") and its body list cannot be had: the System's name stands
    expect(await detect('https://www.augsburg.sitzung-online.de/public/oparl/system')).toMatchObject({ name: 'ALLRIS OParl der Stadt Augsburg' });
  });

  test('ALLRIS 4 from a Wicket page', async () => {
    expect(await detect('https://ratsinfo.trier.de/public/si010')).toMatchObject({ key: 'trier', system: 'allris4', baseUrl: 'https://ratsinfo.trier.de/public/' });
  });

  test('anything else is one clear error', async () => {
    await expect(detect('https://kis.lkos.de/nothing/')).rejects.toThrow(/cannot tell which RIS https:\/\/kis\.lkos\.de\/nothing\/ is: not-found/);
  });
});

/** Runs the built command asynchronously (spawnSync would block the replay server in this process). */
function runBin(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const { spawn } = require('node:child_process') as typeof import('node:child_process');
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('ratsradar sources', () => {
  const tmp = makeTmpDir();
  const replay = useCorpusReplay();
  afterAll(() => tmp.cleanup());
  const db = () => path.join(tmp.dir, 'db.sqlite');
  const run = (args: string[]) => runBin([...args, '--db', db()]);

  test('an instance that is known already is refused', async () => {
    const added = await run(['sources', 'add', 'https://ris.westerstede.de/bi/', '--key', 'westerstede-neu', '--via', replay.via]);
    expect(added).toMatchObject({ code: 2, stderr: 'ratsradar sources: already known as "westerstede" (https://ris.westerstede.de/bi/)\n' });
  });

  test('a new instance is added, can be crawled, and shows its sync', async () => {
    // a host no source has yet: the Westerstede start page served under another name
    replay.server.setPage('https://ris.neustadt.example/bi/allris.net.asp', require('node:fs').readFileSync(corpusPages().find((p) => p.source === 'westerstede')!.absFile));
    const added = await run(['sources', 'add', 'https://ris.neustadt.example/bi/', '--via', replay.via]);
    expect(added.stderr).toBe('');
    expect(added.stdout).toMatch(/^added neustadt: allris3 .* <https:\/\/ris\.neustadt\.example\/bi\/>, calendar si010_e; hosts ris\.neustadt\.example\ncrawl it with: ratsradar scrape neustadt\n$/);
    const { sqlite, close } = openDb(db());
    try {
      expect(findSource(sqlite, 'neustadt')).toMatchObject({ system: 'allris3', calendar: 'si010_e', baseUrl: 'https://ris.neustadt.example/bi/' });
    } finally {
      close();
    }
    const scraped = await run(['scrape', 'neustadt', '--via', replay.via, '--rate', '100', '--since', '2026-09-01', '--until', '2026-09-30']);
    expect(scraped.stdout).toMatch(/^neustadt: full crawl \(run 1\) done$/m);
    const list = await run(['sources']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^neustadt +allris3 .* — last sync \d{4}-\d\d-\d\d \d\d:\d\d$/m);
    expect(list.stdout).toMatch(/^regensburg +allris3 +Stadt Regensburg <https:\/\/srv19\.regensburg\.de\/bi\/> — never synced$/m);
  });
});

describe('ratsradar scrape resumes an unfinished run with its own window', () => {
  const tmp = makeTmpDir();
  const replay = useCorpusReplay();
  afterAll(() => tmp.cleanup());
  const run = (args: string[]) => runBin(['scrape', 'regensburg', '--via', replay.via, '--rate', '100', '--contact', 'test@example.org',
    '--db', path.join(tmp.dir, 'db.sqlite'), '--store', path.join(tmp.dir, 'store'), ...args]);

  test('another --since/--until given to the resumed run is named: it applies to the next run', async () => {
    // stopped by its request budget: unfinished, resumable
    await run(['--since', '2026-09-01', '--until', '2026-09-30', '--max-requests', '2']);
    const resumed = await run(['--since', '2026-08-01', '--until', '2026-08-31']);
    expect(resumed.stdout).toMatch(/^regensburg: full crawl \(run 1\) done$/m);
    expect(resumed.stderr).toContain('ratsradar scrape: resumed the unfinished run 1, which reads 2026-09-01 – 2026-09-30; the window asked for (2026-08-01 – 2026-08-31) applies to the next run\n');
    // the next run takes it (its calendar month is August, which the corpus does not hold), and says nothing of a resume
    const next = await run(['--since', '2026-08-01', '--until', '2026-08-31', '--full']);
    expect(next.stdout).toMatch(/^regensburg: full crawl \(run 2\) /m);
    expect(next.stdout).toContain('si010.asp?MM=8&YY=2026');
    expect(next.stderr).not.toContain('resumed');
  });
});

test('scrape: an unknown source, a bad date or a bad rate is one line and exit 2', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, [BIN, 'scrape', ...args, '--db', ':memory:'], { encoding: 'utf8' });
  const cases: [string[], string][] = [
    [['nowhere'], 'ratsradar scrape: unknown source "nowhere" (list them with: ratsradar sources; add one with: ratsradar sources add URL)\n'],
    [['regensburg', '--since', '2026-13-01'], 'ratsradar scrape: --since needs a date YYYY-MM-DD, got "2026-13-01"\n'],
  ];
  for (const [args, stderr] of cases) {
    const r = run(...args);
    expect([r.status, r.stdout, r.stderr]).toEqual([2, '', stderr]);
  }
});

test('unknown subcommands and bad URLs are one line and exit 2', () => {
  const r = spawnSync(process.execPath, [BIN, 'sources', 'remove', 'x'], { encoding: 'utf8' });
  expect([r.status, r.stderr]).toEqual([2, 'ratsradar sources: unknown sources command "remove" (ratsradar sources, ratsradar sources add URL)\n']);
  const r2 = spawnSync(process.execPath, [BIN, 'sources', 'add', 'ftp://x'], { encoding: 'utf8' });
  expect([r2.status, r2.stderr]).toEqual([2, 'ratsradar sources: sources add needs an http(s) URL, got "ftp://x"\n']);
});
