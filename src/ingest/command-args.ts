/** Reading the command line of the crawler's commands (src/ingest/commands.ts). */

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
