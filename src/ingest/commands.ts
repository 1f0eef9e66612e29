/**
 * The crawler's commands for src/cli.ts: replay, scrape, sources, reparse. Each returns its exit code;
 * bad input gets one line on stderr and exit 2, never a stack trace.
 */
import { runReplay } from './replay/command';
import { ManifestError } from './replay/manifest';

export interface CommandArgs {
  positional: string[];
  options: Map<string, string | true>;
}

/** A mistake in the command line or its files: one line, exit 2. */
export class CommandError extends Error {}

export function option(args: CommandArgs, name: string): string | undefined {
  const v = args.options.get(name);
  return typeof v === 'string' ? v : undefined;
}

export function intOption(args: CommandArgs, name: string, fallback: number, min = 0): number {
  const text = option(args, name);
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) throw new CommandError(`--${name} needs a whole number of at least ${min}, got "${text}"`);
  return n;
}

export function numberOption(args: CommandArgs, name: string, fallback: number): number {
  const text = option(args, name);
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new CommandError(`--${name} needs a positive number, got "${text}"`);
  return n;
}

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

const COMMANDS: Record<string, (args: CommandArgs) => Promise<number>> = { replay };

export const CRAWLER_COMMANDS = Object.keys(COMMANDS);

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
