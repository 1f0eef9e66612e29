/**
 * The data-safety commands for src/cli.ts: `backup FILE` and `check`. Each returns its exit code;
 * mistakes get one line on stderr (exit 2), a damaged database gets its problems listed (exit 1).
 */
import { BackupError, backupDatabase } from './backup';
import { CheckError, checkDatabaseFile } from './check';

export async function backupCommand(positional: string[], db: string): Promise<number> {
  const [file, ...rest] = positional;
  if (!file || rest.length) {
    process.stderr.write(`ratsradar backup: ${file ? `takes one FILE, got also: ${rest.join(' ')}` : 'needs a FILE to write the copy to'}\n`);
    return 2;
  }
  try {
    const r = await backupDatabase(db, file);
    process.stdout.write(`backup of ${db} written to ${r.file} (${r.pages} pages, ${r.bytes} bytes) and checked: ok\n`);
    return 0;
  } catch (err) {
    if (!(err instanceof BackupError)) throw err;
    process.stderr.write(`ratsradar backup: ${err.message}\n`);
    return 1;
  }
}

export function checkCommand(positional: string[], db: string): number {
  if (positional.length) {
    process.stderr.write(`ratsradar check: takes no arguments (the database is --db PATH), got: ${positional.join(' ')}\n`);
    return 2;
  }
  try {
    const r = checkDatabaseFile(db);
    if (!r.problems.length) {
      process.stdout.write(`${db}: ok (${r.checked.join(', ')})\n`);
      return 0;
    }
    process.stdout.write(`${db}: ${r.problems.length} problem(s)\n`);
    for (const p of r.problems) process.stdout.write(`  ${p}\n`);
    return 1;
  } catch (err) {
    if (!(err instanceof CheckError)) throw err;
    process.stderr.write(`ratsradar check: ${err.message}\n`);
    return 2;
  }
}
