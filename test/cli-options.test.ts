/**
 * Each command refuses the options it does not take and impossible dates with one line and exit 2,
 * and every command answers --help (and -h) with its usage and exit 0. Run from the
 * sources (tsx) as a real process.
 */
import path from 'node:path';
import { COMMAND_OPTIONS } from '../src/cli-options';
import { ratsradarSrc } from './helpers/cli-src';
import { makeTmpDir } from './helpers/tmp';

const tmp = makeTmpDir();
afterAll(tmp.cleanup);

function expectOneLine(r: { code: number | null; stdout: string; stderr: string }, code: number, message: string | RegExp) {
  expect({ code: r.code, stdout: r.stdout }).toEqual({ code, stdout: '' });
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(message);
}

const COMMANDS = Object.keys(COMMAND_OPTIONS);

test('the table names every command of the usage text', () => {
  const help = ratsradarSrc(['help']);
  const named = [...new Set([...help.stdout.matchAll(/^ {2}ratsradar (\w+)/gm)].map((m) => m[1]))].sort();
  expect(named).toEqual([...COMMANDS].sort());
});

test.each([...COMMANDS.map((c) => [c, '--help']), ['scrape', '-h'], ['check', '-h']])('ratsradar %s %s: its usage, exit 0', (command, flag) => {
  const r = ratsradarSrc([command, flag]);
  expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
  expect(r.stdout).toMatch(command === 'help' ? /^ratsradar — / : new RegExp(`^Usage:\\n {2}ratsradar ${command}\\b`));
});

test.each([
  [['check', '--since', '2026-01-01'], 'ratsradar: check does not take --since (try: ratsradar check --help)'],
  [['backup', 'x.sqlite', '--full'], 'ratsradar: backup does not take --full (try: ratsradar backup --help)'],
  [['parse', 'x.html', '--db', 'y.sqlite'], 'ratsradar: parse does not take --db (try: ratsradar parse --help)'],
  [['import', 'x', '--since', '2026-01-01'], 'ratsradar: import does not take --since (try: ratsradar import --help)'],
  [['replay', 'dir', '--json'], 'ratsradar: replay does not take --json (try: ratsradar replay --help)'],
  [['check', '--bogus'], 'ratsradar: unknown option --bogus'],
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
