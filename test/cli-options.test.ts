/**
 * One declared option table per command (src/cli-options.ts) serves parsing, its errors and the help:
 * every command answers --help (and -h) with its usage and each of its options, exit 0; a command
 * refuses the options it does not take and impossible dates with one line and exit 2; the command
 * lines of ../shared/CONTRACTS.md section 1 still parse. Run from the sources (tsx) as a real process.
 */
import fs from 'node:fs';
import path from 'node:path';
import { COMMANDS, commandSpec, parseCommandLine } from '../src/cli-options';
import { RUNS } from '../src/cli';
import { userAgent } from '../src/ingest/crawl/command';
import { ratsradarSrc, ROOT } from './helpers/cli-src';
import { makeTmpDir } from './helpers/tmp';

const tmp = makeTmpDir();
afterAll(tmp.cleanup);

function expectOneLine(r: { code: number | null; stdout: string; stderr: string }, code: number, message: string | RegExp) {
  expect({ code: r.code, stdout: r.stdout }).toEqual({ code, stdout: '' });
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(message);
}

const NAMES = COMMANDS.map((c) => c.name);
const VERSION = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version as string;
const spec = (name: string) => commandSpec(name)!;

test('every command of the table has its code, and every command that has code is in the table', () => {
  expect(Object.keys(RUNS).sort()).toEqual([...NAMES].sort());
});

test('ratsradar --help names every command of the table, with the version', () => {
  const help = ratsradarSrc(['--help']);
  expect({ code: help.code, stderr: help.stderr }).toEqual({ code: 0, stderr: '' });
  expect(help.stdout.split('\n')[0]).toBe(`ratsradar ${VERSION} — where every council motion stands`);
  const named = [...new Set([...help.stdout.matchAll(/^ {2}ratsradar (\w+)/gm)].map((m) => m[1]))];
  expect(named).toEqual(NAMES);
  expect(ratsradarSrc(['help']).stdout).toBe(help.stdout);
});

test('ratsradar --version prints the version of package.json; the crawler says it in its user agent', () => {
  expect(ratsradarSrc(['--version'])).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
  expect(userAgent('ops@example.org')).toBe(`ratsradar/${VERSION} (council motion tracker; contact: ops@example.org)`);
});

test.each([...NAMES.map((c) => [c, '--help']), ['scrape', '-h'], ['check', '-h']])('ratsradar %s %s: its usage and every option it takes, exit 0', (command, flag) => {
  const r = ratsradarSrc([command, flag]);
  expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
  if (command === 'help') return expect(r.stdout).toMatch(/^ratsradar \S+ — /);
  expect(r.stdout).toMatch(new RegExp(`^Usage:\\n {2}ratsradar ${command}\\b`));
  for (const o of spec(command).options) expect(r.stdout).toMatch(new RegExp(`^ {2}--${o.name}${o.value ? ` ${o.value.replace(/[.,…]/g, '.')}` : ''} +\\S`, 'm'));
});

test('ratsradar help scrape is ratsradar scrape --help', () => {
  const a = ratsradarSrc(['help', 'scrape']);
  expect(a.code).toBe(0);
  expect(a.stdout).toBe(ratsradarSrc(['scrape', '--help']).stdout);
});

test.each([
  [['check', '--since', '2026-01-01'], 'ratsradar: check does not take --since (try: ratsradar check --help)'],
  [['backup', 'x.sqlite', '--full'], 'ratsradar: backup does not take --full (try: ratsradar backup --help)'],
  [['parse', 'x.html', '--db', 'y.sqlite'], 'ratsradar: parse does not take --db (try: ratsradar parse --help)'],
  [['import', 'x', '--since', '2026-01-01'], 'ratsradar: import does not take --since (try: ratsradar import --help)'],
  [['replay', 'dir', '--json'], 'ratsradar: replay does not take --json (try: ratsradar replay --help)'],
  [['check', '--bogus'], 'ratsradar: unknown option --bogus'],
  [['serve', '--no-demo=yes'], 'ratsradar: option --no-demo takes no value'],
  [['serve', '--port'], 'ratsradar: option --port needs a value'],
  [['help', 'frobnicate'], 'ratsradar: unknown command "frobnicate" (try: ratsradar help)'],
  [['serve', '--refresh', 'soon'], 'ratsradar: --refresh needs a duration like 6h, 30m or 1d, got "soon"'],
])('%j: one line, exit 2', (args, message) => {
  expectOneLine(ratsradarSrc(args, { RATSRADAR_DB: path.join(tmp.dir, 'never.sqlite') }), 2, message);
});

test.each([
  ['--since', '2026-02-31'], ['--until', '2026-02-29'], ['--since', '2026-13-01'],
])('scrape %s %s: a day that does not exist is one line, exit 2', (flag, day) => {
  // --via: a build without the date check would start a crawl; it must never leave loopback
  expectOneLine(ratsradarSrc(['scrape', 'regensburg', flag, day, '--via', 'http://127.0.0.1:9', '--db', path.join(tmp.dir, 'never.sqlite')]), 2,
    `ratsradar scrape: ${flag} needs a date YYYY-MM-DD, got "${day}"`);
});

describe('the parser', () => {
  test('values after a space or an "=", flags, arguments in any order, "--" ends the options', () => {
    const r = parseCommandLine(spec('scrape'), ['leipzig', '--since=2026-01-01', '--until', '2026-02-01', '--full', '--', '--odd']);
    expect(r.positional).toEqual(['leipzig', '--odd']);
    expect(Object.fromEntries(r.options)).toEqual({ since: '2026-01-01', until: '2026-02-01', full: true });
  });
  test('a value may look like an option', () => {
    expect(Object.fromEntries(parseCommandLine(spec('parse'), ['f.html', '--url', '--x']).options)).toEqual({ url: '--x' });
  });
  test('an empty value is refused', () => {
    expect(() => parseCommandLine(spec('serve'), ['--db='])).toThrow('option --db needs a value');
  });
});

describe('the command lines of CONTRACTS.md section 1 still parse', () => {
  test.each([
    ['parse', ['page.html', '--url', 'https://ris.example.org/vo020.asp?VOLFDNR=1'], { url: 'https://ris.example.org/vo020.asp?VOLFDNR=1' }],
    ['parse', ['page.html'], {}],
    ['serve', ['--port', '3001', '--host', '0.0.0.0', '--db', 'x.sqlite'], { port: '3001', host: '0.0.0.0', db: 'x.sqlite' }],
    ['import', ['a', 'b', '--db', 'x.sqlite'], { db: 'x.sqlite' }],
    ['scrape', ['leipzig', '--since', '2026-01-01', '--db', 'x.sqlite'], { since: '2026-01-01', db: 'x.sqlite' }],
  ] as const)('ratsradar %s %j', (command, argv, options) => {
    expect(Object.fromEntries(parseCommandLine(spec(command), argv).options)).toEqual(options);
  });
  test('every command that touches the database takes --db PATH', () => {
    const without = NAMES.filter((c) => !spec(c).options.some((o) => o.name === 'db' && o.value === 'PATH'));
    expect(without).toEqual(['parse', 'replay', 'help']);
  });
});
