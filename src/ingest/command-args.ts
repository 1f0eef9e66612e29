/** Reading the options of a parsed command line (src/cli-options.ts parses it): values, numbers, lists, the database and page store paths. */
import path from 'node:path';
import { DEFAULT_DB_PATH } from '../util/paths';

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

/** The comma-separated values of an option (--accept A,B), trimmed, empty ones left out. */
export function listOption(args: CommandArgs, name: string): string[] {
  return (option(args, name) ?? '').split(',').map((x) => x.trim()).filter(Boolean);
}

/** --db, else $RATSRADAR_DB, else data/ratsradar.sqlite. */
export function dbPathOf(args: CommandArgs): string {
  return option(args, 'db') ?? process.env.RATSRADAR_DB ?? DEFAULT_DB_PATH;
}

/** The page store lies beside the database (data/store), unless --store or RATSRADAR_STORE say otherwise. */
export function storeDirOf(args: CommandArgs): string {
  return option(args, 'store') ?? process.env.RATSRADAR_STORE ?? path.join(path.dirname(dbPathOf(args)), 'store');
}
