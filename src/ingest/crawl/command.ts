/** `ratsradar scrape SOURCE …` and `ratsradar reparse …`: options in, report out. */
import path from 'node:path';
import { openDb } from '../../db/connection';
import { nowIso, todayInBerlin } from '../../util/clock';
import { isIsoDate } from '../../domain/dates';
import { CommandError, dbPathOf, intOption, listOption, numberOption, option, storeDirOf, type CommandArgs } from '../command-args';
import { packageVersion } from '../../util/version';
import { crawl, CrawlBusyError } from './crawler';
import { logProgress, terminalProgress } from './progress';
import { formatReport } from './report';
import { findSource, saveSource } from './sources';
import { recordFailure } from './sync-status';
import { DAY } from './window';
import { reparseStore } from './reparse';
import { reparseDocuments } from '../documents/reparse-documents';

/** "ratsradar/0.1.0 (council motion tracker; contact: …)" (the version from package.json): who we are and how to reach whoever runs the crawl. */
export function userAgent(contact: string | undefined): string {
  return `ratsradar/${packageVersion()} (council motion tracker; contact: ${contact ?? 'none given'})`;
}

function dayOption(args: CommandArgs, name: string): string | undefined {
  const v = option(args, name);
  // isIsoDate: a day of the calendar (Date.parse takes 2026-02-31 for 3 March)
  if (v !== undefined && (!DAY.test(v) || !isIsoDate(v))) throw new CommandError(`--${name} needs a date YYYY-MM-DD, got "${v}"`);
  return v;
}

function urlOption(args: CommandArgs, name: string): string | undefined {
  const v = option(args, name);
  if (v === undefined) return v;
  try {
    if (!/^https?:$/.test(new URL(v).protocol)) throw new Error();
  } catch {
    throw new CommandError(`--${name} needs an http(s) URL, got "${v}"`);
  }
  return v;
}

export async function scrapeCommand(args: CommandArgs): Promise<number> {
  const [key, ...rest] = args.positional;
  if (!key) throw new CommandError('scrape needs a SOURCE (see: ratsradar sources)');
  if (rest.length) throw new CommandError(`scrape takes one SOURCE, got also: ${rest.join(' ')}`);
  const since = dayOption(args, 'since');
  const until = dayOption(args, 'until');
  if (since && until && since > until) throw new CommandError(`--since ${since} is after --until ${until}`);
  const rate = numberOption(args, 'rate', 1);
  const concurrency = intOption(args, 'concurrency', 1, 1);
  const maxRequests = option(args, 'max-requests') === undefined ? undefined : intOption(args, 'max-requests', 0, 1);
  const via = urlOption(args, 'via');
  const seeds = listOption(args, 'seeds');
  for (const s of seeds) {
    try {
      new URL(s);
    } catch {
      throw new CommandError(`--seeds: not a URL: ${s}`);
    }
  }
  const contact = option(args, 'contact') ?? process.env.RATSRADAR_CONTACT;
  const dbFile = dbPathOf(args);
  const { sqlite, close } = openDb(dbFile);
  const display = process.stderr.isTTY ? terminalProgress(process.stderr) : logProgress(key);
  try {
    const source = findSource(sqlite, key);
    if (!source) throw new CommandError(`unknown source "${key}" (list them with: ratsradar sources; add one with: ratsradar sources add URL)`);
    if (!contact && !via) {
      process.stderr.write('ratsradar scrape: no contact address given (--contact or RATSRADAR_CONTACT); the RIS operators cannot reach you\n');
    }
    let report: Awaited<ReturnType<typeof crawl>>;
    try {
      report = await crawl(sqlite, {
        source, storeDir: storeDirOf(args), failuresDir: path.join(path.dirname(storeDirOf(args)), 'failures'),
        userAgent: userAgent(contact), today: todayInBerlin(), since, until, full: args.options.has('full'), maxRequests, rate,
        concurrency, via, seeds, observer: display, documents: !args.options.has('no-documents'),
      });
    } catch (err) {
      if (err instanceof CrawlBusyError) throw new CommandError(err.message);
      recordFailure(sqlite, saveSource(sqlite, source), `${(err as Error).message}`.split('\n')[0], nowIso());
      throw err;
    } finally {
      display.stop();
    }
    // an unfinished run is resumed with the window it started with: say so when another one was asked for
    if ((since && since !== report.plan.since) || (until && until !== report.plan.until)) {
      process.stderr.write(`ratsradar scrape: resumed the unfinished run ${report.runId}, which reads ${report.plan.since} – ${report.plan.until}; `
        + `the window asked for (${since ?? report.plan.since} – ${until ?? report.plan.until}) applies to the next run\n`);
    }
    if (args.options.has('json')) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else for (const line of formatReport(report)) process.stdout.write(`${line}\n`);
    return report.status === 'failed' ? 1 : 0;
  } finally {
    close();
  }
}

export async function reparseCommand(args: CommandArgs): Promise<number> {
  if (args.positional.length) throw new CommandError(`reparse takes no arguments, got: ${args.positional.join(' ')}`);
  const store = storeDirOf(args);
  if (args.options.has('documents')) {
    const other = ['source', 'latest', 'accept'].find((o) => args.options.has(o));
    if (other) throw new CommandError(`--documents reads every stored document again; it does not take --${other}`);
  }
  const { sqlite, close } = openDb(dbPathOf(args));
  try {
    if (args.options.has('documents')) {
      const r = await reparseDocuments(sqlite, store, { now: nowIso() });
      for (const line of r.lines) process.stdout.write(`${line}\n`);
      return r.missing > 0 ? 1 : 0;
    }
    const accept = listOption(args, 'accept');
    const r = reparseStore(sqlite, store, { source: option(args, 'source'), latestOnly: args.options.has('latest'), today: todayInBerlin(), accept, now: nowIso() });
    for (const line of r.lines) process.stdout.write(`${line}\n`);
    return r.failed > 0 || r.held > 0 ? 1 : 0;
  } finally {
    close();
  }
}
