#!/usr/bin/env node
/**
 * ratsradar <command> — see README.md and ../shared/CONTRACTS.md section 1. The commands and their
 * options are declared in ./cli-options.ts; each command's module is loaded only when it runs, so
 * `serve` does not load the crawler, nor `parse` the server.
 * Bad input gets one line on stderr and a non-zero exit, never a stack trace.
 */
import { asksForHelp, commandHelp, commandSpec, generalHelp, parseCommandLine } from './cli-options';
import { CommandError, dbPathOf, option, type CommandArgs } from './ingest/command-args';
import { packageVersion } from './util/version';

type Run = (args: CommandArgs) => Promise<number> | number;

/** Each command's code; require() at the call, so a command loads its own modules only (typed by the module it names). */
export const RUNS: Record<string, () => Run> = {
  parse: () => (require('./cli-pages') as typeof import('./cli-pages')).parseCommand,
  import: () => (require('./cli-pages') as typeof import('./cli-pages')).importCommand,
  serve: () => (require('./cli-serve') as typeof import('./cli-serve')).serveCommand,
  ...Object.fromEntries(['replay', 'scrape', 'reparse', 'sources'].map((name) => [
    name, () => (args: CommandArgs) => (require('./ingest/commands') as typeof import('./ingest/commands')).runCrawlerCommand(name, args),
  ])),
  backup: () => (args) => (require('./db/commands') as typeof import('./db/commands')).backupCommand(args.positional, dbPathOf(args)),
  check: () => (args) => (require('./db/commands') as typeof import('./db/commands')).checkCommand(args.positional, dbPathOf(args)),
  notify: () => (args) => {
    if (args.positional.length) throw new CommandError(`notify takes no arguments, got: ${args.positional.join(' ')}`);
    return (require('./alerts/commands') as typeof import('./alerts/commands')).notifyCommand(dbPathOf(args));
  },
  subscriptions: () => (args) =>
    (require('./alerts/commands') as typeof import('./alerts/commands')).subscriptionsCommand(args.positional, option(args, 'delete'), dbPathOf(args)),
  help: () => (args) => {
    const [topic, ...rest] = args.positional;
    if (rest.length) throw new CommandError(`help takes one COMMAND, got also: ${rest.join(' ')}`);
    const spec = topic === undefined ? undefined : commandSpec(topic);
    if (topic !== undefined && !spec) throw new CommandError(`unknown command "${topic}" (try: ratsradar help)`);
    process.stdout.write(`${spec ? commandHelp(spec) : generalHelp(packageVersion())}\n`);
    return 0;
  },
};

/**
 * A reader that stops reading (`ratsradar sources | head -1`) closes the pipe: the next write fails with EPIPE,
 * an 'error' event nobody would handle (a stack trace). As a Unix tool does on SIGPIPE, the command ends quietly.
 */
let quiet = false;
function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  if (quiet) return;
  quiet = true;
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

export async function main(argv: string[]): Promise<number> {
  quietOnClosedPipe(process.stdout);
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-h') {
      process.stdout.write(`${generalHelp(packageVersion())}\n`);
      return command === undefined ? 2 : 0;
    }
    if (command === '--version' || command === '-V') {
      process.stdout.write(`${packageVersion()}\n`);
      return 0;
    }
    const spec = commandSpec(command);
    const load = RUNS[command];
    if (!spec || !load) throw new CommandError(`unknown command "${command}" (try: ratsradar help)`);
    if (asksForHelp(rest)) {
      process.stdout.write(`${spec.name === 'help' ? generalHelp(packageVersion()) : commandHelp(spec)}\n`);
      return 0;
    }
    return await load()(parseCommandLine(spec, rest));
  } catch (err) {
    if (err instanceof CommandError) {
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
