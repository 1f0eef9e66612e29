/**
 * The command line, declared once: every command with its arguments, its options and what they do.
 * The one table serves parsing (`parseCommandLine`), its errors (one line, exit 2) and the help texts
 * (`ratsradar --help`, `ratsradar COMMAND --help`). A command refuses an option it does not read
 * (`check --since …` is a mistake, not a no-op).
 */
import { CommandError, type CommandArgs } from './ingest/command-args';
import { DEFAULT_DB_PATH } from './util/paths';

export interface OptionSpec {
  name: string;
  /** the value's placeholder in the help (`--db PATH`); absent for a flag */
  value?: string;
  help: string;
}

export interface CommandSpec {
  name: string;
  /** the arguments, as the usage line shows them */
  args: string;
  /** what the command does: its first line in the command list, all of it in its own help */
  about: string[];
  options: OptionSpec[];
}

const db: OptionSpec = { name: 'db', value: 'PATH', help: `the database (default: $RATSRADAR_DB, else ${DEFAULT_DB_PATH})` };
const store: OptionSpec = { name: 'store', value: 'DIR', help: 'the page store (default: $RATSRADAR_STORE, else "store" beside the database)' };
const json: OptionSpec = { name: 'json', help: 'print JSON instead of text' };
const via: OptionSpec = { name: 'via', value: 'URL', help: 'send every request to this replay server instead of the RIS host (tests, demos)' };
const contact: OptionSpec = { name: 'contact', value: 'TEXT', help: "how the RIS operators reach you, in the user agent (default: $RATSRADAR_CONTACT)" };
const manifest: OptionSpec = { name: 'manifest', value: 'FILE', help: "a manifest naming each saved page's original URL" };
const port: OptionSpec = { name: 'port', value: 'N', help: 'the port to listen on' };

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'parse', args: 'FILE', about: ['print the record of one saved RIS page as JSON'],
    options: [{ name: 'url', value: 'URL', help: 'the address the page was fetched from (resolves its relative links)' }],
  },
  {
    name: 'import', args: 'PATH...',
    about: ['parse saved pages (files or folders) into the database; a page that would shrink its stored record',
      'suspiciously is held back (exit 1); PDFs beside the pages are read as the documents they link'],
    options: [
      { name: 'source', value: 'KEY', help: "put every page under this source (default: the name of the page's folder)" },
      db, store, manifest,
      { name: 'accept', value: 'FILE,…', help: 'import these held-back pages although their record shrinks' },
      { name: 'read-at', value: 'DATE', help: 'when the pages were saved from the RIS, for those that state no time (default: each file\'s time)' },
    ],
  },
  {
    name: 'serve', args: '', about: ['serve the web app (loads the demo data into an empty database)'],
    options: [
      { ...port, help: 'the port to listen on (default: $PORT, else 3000)' },
      { name: 'host', value: 'H', help: 'the address to listen on (default: 127.0.0.1)' },
      db,
      { name: 'no-demo', help: 'do not load the demo data into an empty database' },
      { name: 'refresh', value: 'DURATION', help: 'crawl the known sources again every DURATION (6h, 30m, 1d)' },
      via,
    ],
  },
  {
    name: 'scrape', args: 'SOURCE',
    about: ['crawl a RIS into the database (resumes an unfinished crawl; see README "Crawling");',
      'fetches and reads the motions\' PDFs unless --no-documents'],
    options: [
      { name: 'since', value: 'DATE', help: 'the first day of the crawl window (YYYY-MM-DD; default: six months back)' },
      { name: 'until', value: 'DATE', help: 'the last day of the crawl window (YYYY-MM-DD; default: two months ahead)' },
      { name: 'max-requests', value: 'N', help: 'stop after N requests (resume with the same command)' },
      { name: 'rate', value: 'R', help: 'requests per second per host (default: 1)' },
      { name: 'concurrency', value: 'N', help: 'requests at a time (default: 1)' },
      { name: 'full', help: 'a full run, not an incremental one' },
      { name: 'seeds', value: 'URL,…', help: 'plan these pages as well' },
      via, contact, store, { ...json, help: 'print the report as JSON' }, db,
      { name: 'no-documents', help: "do not fetch the motions' documents (PDFs)" },
    ],
  },
  {
    name: 'sources', args: '[add URL]',
    about: ['the known RIS instances and their last sync; with "add URL": detect a RIS from its start page',
      'or OParl system URL and add it'],
    options: [
      json,
      { name: 'key', value: 'KEY', help: 'add: the key of the new source' },
      { name: 'name', value: 'NAME', help: 'add: the name of the new source' },
      contact, via, db, store,
    ],
  },
  {
    name: 'reparse', args: '',
    about: ['rebuild the database from the page store, without the network'],
    options: [
      { name: 'source', value: 'KEY', help: 'only the pages of this source' },
      { name: 'latest', help: 'only the newest answer of each URL' },
      store, db,
      { name: 'accept', value: 'URL,…', help: 'apply the held-back newest answer of each of these URLs' },
      { name: 'documents', help: 'read the stored documents (PDFs) again instead' },
    ],
  },
  {
    name: 'replay', args: 'DIR',
    about: ['serve recorded pages at their original URLs on 127.0.0.1 (see README "Crawling")'],
    options: [
      { ...port, help: 'the port to listen on (default: 4000)' },
      manifest,
      { name: 'faults', value: 'FILE', help: 'a JSON file of faults to answer with (see README "Crawling")' },
      { name: 'no-conditional', help: 'ignore If-None-Match / If-Modified-Since (always answer 200)' },
    ],
  },
  { name: 'backup', args: 'FILE', about: ['a consistent copy of the database (safe while serve and scrape run)'], options: [db] },
  { name: 'check', args: '', about: ['integrity and foreign-key checks; lists what is wrong (exit 1)'], options: [db] },
  {
    name: 'notify', args: '',
    about: ['send the e-mail alerts that are due (cron-able; needs RATSRADAR_SMTP_URL, RATSRADAR_MAIL_FROM', 'and RATSRADAR_BASE_URL; see README "E-mail alerts")'],
    options: [db],
  },
  {
    name: 'subscriptions', args: '', about: ['count alert subscriptions, or delete an address with all it follows'],
    options: [{ name: 'delete', value: 'ADDRESS', help: 'delete this e-mail address with all it follows' }, db],
  },
  { name: 'help', args: '[COMMAND]', about: ['this text, or the options of one command'], options: [] },
];

const BY_NAME = new Map(COMMANDS.map((c) => [c.name, c]));

export function commandSpec(name: string): CommandSpec | undefined {
  return BY_NAME.get(name);
}

/** Whether the command line asks for help (`--help` or `-h` anywhere after the command). */
export function asksForHelp(rest: string[]): boolean {
  return rest.some((a) => a === '--help' || a === '-h');
}

/**
 * The arguments of `spec` from `argv` (what follows the command name): `--name value`, `--name=value`
 * and flags. Throws CommandError (one line) for an option the command does not take or one without its value.
 */
export function parseCommandLine(spec: CommandSpec, argv: readonly string[]): CommandArgs {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      positional.push(...argv.slice(i + 1)); // everything after "--" is an argument, even "--x"
      break;
    }
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    const o = spec.options.find((x) => x.name === name);
    if (!o) {
      const elsewhere = COMMANDS.some((c) => c.options.some((x) => x.name === name));
      throw new CommandError(elsewhere ? `${spec.name} does not take --${name} (try: ratsradar ${spec.name} --help)` : `unknown option --${name}`);
    }
    if (o.value === undefined) {
      if (eq > 0) throw new CommandError(`option --${name} takes no value`);
      options.set(name, true);
      continue;
    }
    const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '') throw new CommandError(`option --${name} needs a value`);
    options.set(name, value);
  }
  return { positional, options };
}

const optionText = (o: OptionSpec) => (o.value ? `--${o.name} ${o.value}` : `--${o.name}`);

/** "ratsradar scrape SOURCE [--since DATE] …", wrapped after `width` characters. */
export function synopsis(spec: CommandSpec, width = 100): string[] {
  const lines = [`ratsradar ${spec.name}${spec.args ? ` ${spec.args}` : ''}`];
  for (const o of spec.options) {
    const part = ` [${optionText(o)}]`;
    if (lines[lines.length - 1].length + part.length > width) lines.push(`${' '.repeat(spec.name.length + 11)}${part.trimStart()}`);
    else lines[lines.length - 1] += part;
  }
  return lines;
}

/** `ratsradar COMMAND --help`: its usage, what it does, its options. */
export function commandHelp(spec: CommandSpec): string {
  const width = Math.max(0, ...spec.options.map((o) => optionText(o).length));
  const options = spec.options.map((o) => `  ${optionText(o).padEnd(width)}  ${o.help}`);
  return [
    'Usage:', ...synopsis(spec).map((l) => `  ${l}`), '', ...spec.about.map((l) => `  ${l}`),
    ...(options.length ? ['', 'Options:', ...options] : []),
    '', '  -h, --help  this text',
  ].join('\n');
}

/** `ratsradar --help`: every command, its usage and what it does. */
export function generalHelp(version: string): string {
  const commands = COMMANDS.flatMap((c) => [...synopsis(c).map((l) => `  ${l}`), ...c.about.map((l) => `      ${l}`)]);
  return [
    `ratsradar ${version} — where every council motion stands`, '', 'Usage:', ...commands, '',
    'ratsradar COMMAND --help shows the options of one command; ratsradar --version the version.',
    `The database defaults to $RATSRADAR_DB, else ${DEFAULT_DB_PATH}.`,
  ].join('\n');
}
