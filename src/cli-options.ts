/**
 * Which options each command takes, and its part of the usage text: a command refuses an option it
 * does not read (`check --since …` is a mistake, not a no-op), and every command answers --help.
 */

export const COMMAND_OPTIONS: Record<string, readonly string[]> = {
  parse: ['url'],
  import: ['source', 'db', 'store', 'manifest', 'accept'],
  serve: ['port', 'host', 'db', 'no-demo', 'refresh', 'via'],
  scrape: ['since', 'until', 'max-requests', 'rate', 'concurrency', 'full', 'seeds', 'via', 'contact', 'store', 'json', 'db', 'no-documents'],
  sources: ['json', 'key', 'name', 'contact', 'via', 'db', 'store'],
  reparse: ['source', 'latest', 'store', 'db', 'accept', 'documents'],
  replay: ['port', 'manifest', 'faults', 'no-conditional'],
  backup: ['db'],
  check: ['db'],
  notify: ['db'],
  subscriptions: ['delete', 'db'],
  help: [],
};

/** The first option `options` has that `command` does not take, or null. */
export function foreignOption(command: string, options: Iterable<string>): string | null {
  const allowed = COMMAND_OPTIONS[command];
  if (!allowed) return null;
  for (const name of options) if (name !== 'help' && !allowed.includes(name)) return name;
  return null;
}

/** Whether the command line asks for help (`--help` or `-h` anywhere after the command). */
export function asksForHelp(rest: string[]): boolean {
  return rest.some((a) => a === '--help' || a === '-h');
}

/** The lines of `usage` about `command` (its "  ratsradar COMMAND" lines and their continuations), or all of it. */
export function commandUsage(usage: string, command: string): string {
  const lines = usage.split('\n');
  const out: string[] = [];
  let inside = false;
  for (const line of lines) {
    if (/^ {2}ratsradar /.test(line)) inside = line.startsWith(`  ratsradar ${command} `) || line === `  ratsradar ${command}`;
    else if (!/^ {3,}\S/.test(line)) inside = false;
    if (inside) out.push(line);
  }
  return out.length ? `Usage:\n${out.join('\n')}` : usage;
}
