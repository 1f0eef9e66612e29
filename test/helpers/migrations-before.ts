/** A copy of the migrations folder that knows only the migrations before one tag: a database of an older schema. */
import fs from 'node:fs';
import path from 'node:path';
import { migrationsFolder } from '../../src/db/connection';

export function migrationsBefore(dir: string, tag: string): string {
  const out = path.join(dir, `before-${tag}`);
  fs.mkdirSync(path.join(out, 'meta'), { recursive: true });
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder(), 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag === tag);
  if (at <= 0) throw new Error(`no migration ${tag} after the first`);
  const entries = journal.entries.slice(0, at);
  fs.writeFileSync(path.join(out, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  for (const e of entries) fs.copyFileSync(path.join(migrationsFolder(), `${e.tag}.sql`), path.join(out, `${e.tag}.sql`));
  return out;
}
