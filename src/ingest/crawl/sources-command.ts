/** `ratsradar sources` (the known instances and their last sync) and `ratsradar sources add URL`. */
import { openDb } from '../../db/connection';
import { loadSourceHealth } from '../../db/source-health';
import { nowIso } from '../../util/clock';
import { CommandError, dbPathOf, option, type CommandArgs } from '../command-args';
import { Fetcher } from '../fetch/fetcher';
import { userAgent } from './command';
import { detectSource, DetectError } from './detect-source';
import { printable } from './report';
import { allSources, saveSource, sourceHosts, sourceProblem } from './sources';

function day(iso: string | null): string {
  return iso ? iso.slice(0, 16).replace('T', ' ') : '–';
}

export function listSources(args: CommandArgs): number {
  const { sqlite, close } = openDb(dbPathOf(args));
  try {
    const health = new Map(loadSourceHealth(sqlite, nowIso()).map((h) => [h.key, h]));
    const sources = allSources(sqlite);
    if (args.options.has('json')) {
      process.stdout.write(`${JSON.stringify(sources.map((s) => ({ ...s, health: health.get(s.key) ?? null })), null, 2)}\n`);
      return 0;
    }
    const width = Math.max(...sources.map((s) => s.key.length));
    for (const s of sources) {
      const h = health.get(s.key);
      const sync = h?.lastSuccessAt ? `last sync ${day(h.lastSuccessAt)}` : 'never synced';
      const failure = h?.failing ? `; last failure ${day(h.lastFailureAt)}: ${h.lastFailure}` : '';
      process.stdout.write(`${printable(`${s.key.padEnd(width)}  ${s.system.padEnd(7)}  ${s.name} <${s.oparlUrl ?? s.baseUrl}> — ${sync}${failure}`)}\n`);
    }
    return 0;
  } finally {
    close();
  }
}

export async function addSource(args: CommandArgs, url: string): Promise<number> {
  try {
    if (!/^https?:$/.test(new URL(url).protocol)) throw new Error();
  } catch {
    throw new CommandError(`sources add needs an http(s) URL, got "${url}"`);
  }
  const { sqlite, close } = openDb(dbPathOf(args));
  try {
    const host = new URL(url).hostname;
    const fetcher = new Fetcher({ userAgent: userAgent(option(args, 'contact') ?? process.env.RATSRADAR_CONTACT), allowedHosts: [host], via: option(args, 'via'), maxAttempts: 2 });
    let source: Awaited<ReturnType<typeof detectSource>>;
    try {
      source = await detectSource(fetcher, url, { key: option(args, 'key'), name: option(args, 'name') });
    } catch (err) {
      if (err instanceof DetectError) throw new CommandError(err.message);
      throw err;
    }
    const problem = sourceProblem(source);
    if (problem) throw new CommandError(`${problem} (name it with --key)`);
    const known = allSources(sqlite);
    const same = known.find((s) => s.system === source.system && (s.oparlUrl ? s.oparlUrl === source.oparlUrl : s.baseUrl === source.baseUrl));
    if (same) throw new CommandError(`already known as "${same.key}" (${same.oparlUrl ?? same.baseUrl})`);
    const taken = known.find((s) => s.key === source.key);
    if (taken) throw new CommandError(`the key "${source.key}" is taken by ${taken.oparlUrl ?? taken.baseUrl}; name this one with --key`);
    saveSource(sqlite, source, true);
    process.stdout.write(`${printable(`added ${source.key}: ${source.system} ${source.name} <${source.oparlUrl ?? source.baseUrl}>${source.calendar ? `, calendar ${source.calendar}` : ''}; hosts ${sourceHosts(source).join(', ')}`)}\n`);
    process.stdout.write(`crawl it with: ratsradar scrape ${source.key}\n`);
    return 0;
  } finally {
    close();
  }
}

export async function sourcesCommand(args: CommandArgs): Promise<number> {
  const [sub, ...rest] = args.positional;
  if (sub === undefined) return listSources(args);
  if (sub === 'add') {
    if (rest.length !== 1) throw new CommandError('sources add takes one URL (the RIS start page or its OParl system URL)');
    return addSource(args, rest[0]);
  }
  throw new CommandError(`unknown sources command "${sub}" (ratsradar sources, ratsradar sources add URL)`);
}
