/**
 * The crawler's commands for src/cli.ts: replay, scrape, reparse, sources. Each returns its exit code;
 * bad input gets one line on stderr and exit 2, never a stack trace.
 */
import { CommandError, intOption, option, type CommandArgs } from './command-args';
import { reparseCommand, scrapeCommand } from './crawl/command';
import { sourcesCommand } from './crawl/sources-command';
import { runReplay } from './replay/command';
import { ManifestError } from './replay/manifest';

export type { CommandArgs } from './command-args';

async function replay(args: CommandArgs): Promise<number> {
  const [dir, ...rest] = args.positional;
  if (!dir) throw new CommandError('replay needs a DIR (a folder of saved pages with a manifest, or a page store)');
  if (rest.length) throw new CommandError(`replay takes one DIR, got also: ${rest.join(' ')}`);
  return runReplay({
    dir,
    port: intOption(args, 'port', 4000),
    manifest: option(args, 'manifest'),
    faults: option(args, 'faults'),
    conditional: !args.options.has('no-conditional'),
    out: (line) => process.stdout.write(`${line}\n`),
  });
}

const COMMANDS: Record<string, (args: CommandArgs) => Promise<number> | number> = {
  replay,
  scrape: scrapeCommand,
  reparse: reparseCommand,
  sources: sourcesCommand,
};

/** Runs one crawler command; usage mistakes and unreadable inputs become one line on stderr. */
export async function runCrawlerCommand(command: string, args: CommandArgs): Promise<number> {
  try {
    return await COMMANDS[command](args);
  } catch (err) {
    if (err instanceof CommandError || err instanceof ManifestError) {
      process.stderr.write(`ratsradar ${command}: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}
