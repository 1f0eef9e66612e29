#!/usr/bin/env node
/**
 * ratsradar <command> — see README.md and ../shared/CONTRACTS.md section 1.
 * Bad input gets one line on stderr and a non-zero exit, never a stack trace.
 */
import fs from 'node:fs';
import path from 'node:path';
import { importDocumentsBeside } from './ingest/documents/beside-pages';
import { parsePage } from '../scrapers/parse';
import { LayoutChangedError, NotARisPageError, UnsupportedPageError } from '../scrapers/errors';
import { openDb } from './db/connection';
import { paperCount } from './db/queries';
import { ENTITY_KINDS, type EntityKind } from './db/import';
import { importSavedPages } from './ingest/saved-pages';
import { loadDemo, reloadDemoIfShifted } from './ingest/demo';
import { createApp } from './server/app';
import { runCrawlerCommand } from './ingest/commands';
import { backupCommand, checkCommand } from './db/commands';
import { manifestUrlLookup } from './ingest/replay/manifest';
import { parseDuration, serveRefresher } from './ingest/crawl/refresh';
import { DEFAULT_DB_PATH } from './util/paths';
import { nowIso, todayInBerlin } from './util/clock';
import { asksForHelp, COMMAND_OPTIONS, commandUsage, foreignOption } from './cli-options';
import { notifyCommand, notifyIntervalMs, notifyTimer, subscriptionsCommand } from './alerts/commands';
import { mailSetupFromEnv } from './alerts/config';

class UsageError extends Error {}

const KIND_LABELS: Record<EntityKind, string> = {
  Paper: 'papers', Meeting: 'meetings', AgendaItem: 'agenda items', Organization: 'organizations', Person: 'people',
  File: 'files', Other: 'other',
};

const USAGE = `ratsradar — where every council motion stands

Usage:
  ratsradar parse FILE [--url URL]      print the record of one saved RIS page as JSON
  ratsradar import PATH... [--source KEY] [--db PATH] [--store DIR] [--manifest FILE] [--accept FILE,…]
                                        parse saved pages (files or folders) into the database; a page that
                                        would shrink its stored record suspiciously is held back (exit 1);
                                        PDFs beside the pages are read as the documents they link
  ratsradar serve [--port N] [--host H] [--db PATH] [--no-demo] [--refresh 6h]
                                        serve the web app (loads the demo data into an empty database)
  ratsradar scrape SOURCE [--since DATE] [--until DATE] [--max-requests N] [--rate R] [--concurrency N]
                 [--full] [--seeds URL,…] [--via URL] [--contact TEXT] [--store DIR] [--json] [--db PATH] [--no-documents]
                                        crawl a RIS into the database (resumes an unfinished crawl; see README "Crawling");
                                        fetches and reads the motions' PDFs unless --no-documents
  ratsradar sources [--json]           the known RIS instances and their last sync
  ratsradar sources add URL [--key KEY] [--name NAME]
                                        detect a RIS from its start page or OParl system URL and add it
  ratsradar reparse [--source KEY] [--latest] [--store DIR] [--db PATH] [--accept URL,…] [--documents]
                                        rebuild the database from the page store, without the network;
                                        --accept applies the held-back newest answer of each URL;
                                        --documents reads the stored documents (PDFs) again instead
  ratsradar replay DIR [--port P] [--manifest FILE] [--faults FILE] [--no-conditional]
                                        serve recorded pages at their original URLs on 127.0.0.1 (see README "Crawling")
  ratsradar backup FILE [--db PATH]     a consistent copy of the database (safe while serve and scrape run)
  ratsradar check [--db PATH]           integrity and foreign-key checks; lists what is wrong (exit 1)
  ratsradar notify [--db PATH]          send the e-mail alerts that are due (cron-able; needs RATSRADAR_SMTP_URL,
                                        RATSRADAR_MAIL_FROM and RATSRADAR_BASE_URL; see README "E-mail alerts")
  ratsradar subscriptions [--delete ADDRESS] [--db PATH]
                                        count alert subscriptions, or delete an address with all it follows
  ratsradar help                        this text

The database defaults to $RATSRADAR_DB, else ${DEFAULT_DB_PATH}.`;

interface Args {
  positional: string[];
  options: Map<string, string | true>;
}

const VALUE_OPTIONS = new Set(['url', 'db', 'port', 'host', 'source',
  /* crawler */ 'manifest', 'faults', 'since', 'until', 'max-requests', 'rate', 'concurrency', 'via', 'store', 'contact', 'refresh', 'name', 'seeds', 'key', 'accept', 'delete']);
const FLAG_OPTIONS = new Set(['no-demo', 'help', /* crawler */ 'no-conditional', 'full', 'json', 'latest', 'no-documents', 'documents']);

export function parseArgs(argv: string[]): Args {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (VALUE_OPTIONS.has(name)) {
        const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
        if (value === undefined || value === '') throw new UsageError(`option --${name} needs a value`);
        options.set(name, value);
      } else if (FLAG_OPTIONS.has(name)) options.set(name, true);
      else throw new UsageError(`unknown option --${name}`);
    } else positional.push(a);
  }
  return { positional, options };
}

function opt(args: Args, name: string): string | undefined {
  const v = args.options.get(name);
  return typeof v === 'string' ? v : undefined;
}

/** The comma-separated values of an option (--accept A,B). */
function optAll(args: Args, name: string): string[] {
  const v = opt(args, name);
  return v ? v.split(',').map((x) => x.trim()).filter(Boolean) : [];
}

function dbPath(args: Args): string {
  return opt(args, 'db') ?? process.env.RATSRADAR_DB ?? DEFAULT_DB_PATH;
}

function cmdParse(args: Args): number {
  const [file, ...rest] = args.positional;
  if (!file) throw new UsageError('parse needs a FILE');
  if (rest.length) throw new UsageError(`parse takes one FILE, got also: ${rest.join(' ')}`);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    process.stderr.write(`ratsradar parse: cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : code ?? 'error'}\n`);
    return 2;
  }
  try {
    const record = parsePage(bytes, opt(args, 'url') ?? null);
    process.stdout.write(`${JSON.stringify(record, null, 2)}\n`);
    return 0;
  } catch (err) {
    if (err instanceof NotARisPageError) process.stderr.write(`ratsradar parse: ${file}: not a recognised RIS page: ${err.message}\n`);
    else if (err instanceof UnsupportedPageError) process.stderr.write(`ratsradar parse: ${file}: ${err.message}\n`);
    else if (err instanceof LayoutChangedError) process.stderr.write(`ratsradar parse: ${file}: layout not understood: ${err.message}\n`);
    else throw err;
    return 2;
  }
}

async function cmdImport(args: Args): Promise<number> {
  if (!args.positional.length) throw new UsageError('import needs at least one PATH');
  const { sqlite, close } = openDb(dbPath(args));
  try {
    const now = nowIso();
    const summary = importSavedPages(sqlite, args.positional, {
      source: opt(args, 'source'),
      now: nowIso(),
      today: todayInBerlin(),
      onFile: (o) => process.stdout.write(`${o.file}: ${o.detail}\n`),
      urlOf: opt(args, 'manifest') ? manifestUrlLookup(opt(args, 'manifest')!) : undefined,
      accept: optAll(args, 'accept'),
    });
    const pages = summary.files.filter((f) => f.status !== 'failed' && f.status !== 'skipped').map((f) => f.file);
    const docs = await importDocumentsBeside(sqlite, opt(args, 'store') ?? path.join(path.dirname(dbPath(args)), 'store'), pages, {
      now, sourceKeys: [...new Set(pages.map((f) => opt(args, 'source') ?? path.basename(path.dirname(path.resolve(f)))))],
    });
    for (const line of docs.lines) process.stdout.write(`${line}\n`);
    for (const f of summary.ignored) if (!docs.used.has(path.resolve(f))) process.stdout.write(`${f}: ignored: not a saved page\n`);
    const kinds = ENTITY_KINDS.filter((k) => k !== 'Other')
      .map((k) => ({ k, c: summary.byKind[k] }))
      .filter(({ c }) => c.inserted + c.updated + c.unchanged > 0)
      .map(({ k, c }) => `${KIND_LABELS[k]}: ${c.inserted} new, ${c.updated} changed, ${c.unchanged} unchanged`);
    if (kinds.length) process.stdout.write(`${kinds.join('; ')}\n`);
    process.stdout.write(
      `${summary.files.length} files: ${summary.inserted} inserted, ${summary.updated} updated, ${summary.unchanged} unchanged, ` +
        `${summary.skipped} skipped, ${summary.failed} failed${summary.held ? `, ${summary.held} held back` : ''}${summary.ignored.length ? `; ${summary.ignored.length} other files ignored` : ''}\n`,
    );
    return summary.failed > 0 || summary.held > 0 ? 1 : 0;
  } finally {
    close();
  }
}

function cmdServe(args: Args): Promise<number> {
  const portText = opt(args, 'port') ?? process.env.PORT ?? '3000';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`not a port number: ${portText}`);
  const host = opt(args, 'host') ?? '127.0.0.1';
  const refreshText = opt(args, 'refresh');
  const refreshMs = refreshText === undefined ? null : parseDuration(refreshText);
  if (refreshText !== undefined && refreshMs === null) throw new UsageError(`--refresh needs a duration like 6h, 30m or 1d, got "${refreshText}"`);
  const mail = mailSetupFromEnv();
  if (mail.state === 'broken') throw new Error(`serve: e-mail alerts: ${mail.reason}`);
  const file = dbPath(args);
  const { sqlite } = openDb(file);
  if (!args.options.has('no-demo') && paperCount(sqlite) === 0) {
    const c = loadDemo(sqlite, nowIso(), todayInBerlin());
    process.stdout.write(
      `database was empty: loaded the demo data set (${c.inserted} motions, ${c.byKind.Organization.inserted} committees, ${c.byKind.Meeting.inserted} meetings)\n`,
    );
  }
  // the demo's story is shifted to sit around today (src/ingest/demo-shift.ts): a database holding it with
  // another week's shift (a later start, or this server running into a new week) gets it loaded again
  const onNewDay = (day: string) => {
    const shift = reloadDemoIfShifted(sqlite, nowIso(), day);
    if (shift != null) process.stdout.write(`the demo data set was loaded again, its dates shifted by ${shift} days to sit around ${day}\n`);
  };
  const notifier = mail.state === 'on' ? notifyTimer(sqlite, mail.config, notifyIntervalMs()) : null;
  const app = createApp(sqlite, {
    today: () => todayInBerlin(), onNewDay, mail: mail.state === 'on' ? mail.config : null, onAlertQueued: () => notifier?.kick(),
  });
  const refresher = refreshMs ? serveRefresher(sqlite, file, refreshMs, { via: opt(args, 'via') }) : null;
  return new Promise((resolve) => {
    const server = app.listen(port, host, () => {
      process.stdout.write(`ratsradar serves ${file} on http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/\n`);
      if (refresher) process.stdout.write(`refreshing the crawled sources every ${refreshText}\n`);
      refresher?.start();
      if (notifier) process.stdout.write('sending e-mail alerts through the configured SMTP server\n');
      notifier?.start();
    });
    server.on('error', (err: NodeJS.ErrnoException) => {
      process.stderr.write(`ratsradar serve: cannot listen on ${host}:${port}: ${err.code === 'EADDRINUSE' ? 'address already in use' : err.message}\n`);
      resolve(1);
    });
    const stop = () => {
      server.close(() => void Promise.all([refresher?.stop(), notifier?.stop()]).then(() => resolve(0)));
      server.closeIdleConnections();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

export async function main(argv: string[]): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command !== undefined && command in COMMAND_OPTIONS && asksForHelp(rest)) {
      process.stdout.write(`${command === 'help' ? USAGE : commandUsage(USAGE, command)}\n`);
      return 0;
    }
    const args = parseArgs(rest);
    const foreign = command === undefined ? null : foreignOption(command, args.options.keys());
    if (foreign) throw new UsageError(`${command} does not take --${foreign} (try: ratsradar ${command} --help)`);
    switch (command) {
      case 'parse':
        return cmdParse(args);
      case 'import':
        return await cmdImport(args);
      case 'replay':
      case 'scrape':
      case 'reparse':
      case 'sources':
        return await runCrawlerCommand(command, args);
      case 'serve':
        return await cmdServe(args);
      case 'backup':
        return await backupCommand(args.positional, dbPath(args));
      case 'check':
        return checkCommand(args.positional, dbPath(args));
      case 'notify':
        if (args.positional.length) throw new UsageError(`notify takes no arguments, got: ${args.positional.join(' ')}`);
        return await notifyCommand(dbPath(args));
      case 'subscriptions':
        return subscriptionsCommand(args.positional, opt(args, 'delete'), dbPath(args));
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(`${USAGE}\n`);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}" (try: ratsradar help)`);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`ratsradar: ${err.message}\n`);
      return 2;
    }
    const msg = err instanceof Error ? err.message : String(err);
    process.stderr.write(`ratsradar: ${msg.split('\n')[0]}\n`);
    if (process.env.RATSRADAR_DEBUG) process.stderr.write(`${(err as Error)?.stack ?? ''}\n`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
