/** `ratsradar parse FILE` and `ratsradar import PATH…`: the commands that read saved pages. */
import fs from 'node:fs';
import path from 'node:path';
import { parsePage } from '../scrapers/parse';
import { LayoutChangedError, NotARisPageError, UnsupportedPageError } from '../scrapers/errors';
import { openDb } from './db/connection';
import { ENTITY_KINDS, type EntityKind } from './db/import';
import { importDocumentsBeside } from './ingest/documents/beside-pages';
import { importSavedPages } from './ingest/saved-pages';
import { manifestUrlLookup } from './ingest/replay/manifest';
import { CommandError, dbPathOf, listOption, option, storeDirOf, type CommandArgs } from './ingest/command-args';
import { nowIso, todayInBerlin } from './util/clock';
import { toInstant } from './db/data-as-of';
import { isIsoDate } from './domain/dates';

const KIND_LABELS: Record<EntityKind, string> = {
  Paper: 'papers', Meeting: 'meetings', AgendaItem: 'agenda items', Organization: 'organizations', Person: 'people',
  File: 'files', Other: 'other',
};

export function parseCommand(args: CommandArgs): number {
  const [file, ...rest] = args.positional;
  if (!file) throw new CommandError('parse needs a FILE');
  if (rest.length) throw new CommandError(`parse takes one FILE, got also: ${rest.join(' ')}`);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    process.stderr.write(`ratsradar parse: cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : code ?? 'error'}\n`);
    return 2;
  }
  try {
    const record = parsePage(bytes, option(args, 'url') ?? null);
    process.stdout.write(`${JSON.stringify(record, null, 2)}\n`);
    return 0;
  } catch (err) {
    if (err instanceof NotARisPageError) process.stderr.write(`ratsradar parse: ${file}: not a recognised RIS page: ${err.message}\n`);
    else if (err instanceof UnsupportedPageError) process.stderr.write(`ratsradar parse: ${file}: ${err.message}\n`);
    else if (err instanceof LayoutChangedError) process.stderr.write(`ratsradar parse: ${file}: layout not understood: ${err.message}\n`);
    else throw err;
    return 2;
  }
}

/**
 * `--read-at`: when the pages were saved, a day (YYYY-MM-DD: noon UTC of it) or an instant with its offset;
 * not after now. Null without the option.
 */
export function readAtOption(args: CommandArgs, now: string): string | null {
  const v = option(args, 'read-at');
  if (v === undefined) return null;
  const day = /^\d{4}-\d{2}-\d{2}$/.test(v) && isIsoDate(v);
  const instant = day ? toInstant(`${v}T12:00:00Z`) : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})$/.test(v) && isIsoDate(v.slice(0, 10)) ? toInstant(v) : null;
  if (!instant) throw new CommandError(`--read-at needs a day YYYY-MM-DD or a time such as 2026-10-04T09:30:00Z, got "${v}"`);
  if (Date.parse(instant) > Date.parse(now)) throw new CommandError(`--read-at ${v} lies in the future`);
  return instant;
}

export async function importCommand(args: CommandArgs): Promise<number> {
  if (!args.positional.length) throw new CommandError('import needs at least one PATH');
  const source = option(args, 'source');
  const manifest = option(args, 'manifest');
  const readAt = readAtOption(args, nowIso());
  const { sqlite, close } = openDb(dbPathOf(args));
  try {
    const now = nowIso();
    const summary = importSavedPages(sqlite, args.positional, {
      source,
      now,
      today: todayInBerlin(),
      onFile: (o) => process.stdout.write(`${o.file}: ${o.detail}\n`),
      urlOf: manifest ? manifestUrlLookup(manifest) : undefined,
      accept: listOption(args, 'accept'),
      ...(readAt ? { readAt } : {}),
    });
    const pages = summary.files.filter((f) => f.status !== 'failed' && f.status !== 'skipped').map((f) => f.file);
    const docs = await importDocumentsBeside(sqlite, storeDirOf(args), pages, {
      now, sourceKeys: [...new Set(pages.map((f) => source ?? path.basename(path.dirname(path.resolve(f)))))],
    });
    for (const line of docs.lines) process.stdout.write(`${line}\n`);
    for (const f of summary.ignored) if (!docs.used.has(path.resolve(f))) process.stdout.write(`${f}: ignored: not a saved page\n`);
    const kinds = ENTITY_KINDS.filter((k) => k !== 'Other')
      .map((k) => ({ k, c: summary.byKind[k] }))
      .filter(({ c }) => c.inserted + c.updated + c.unchanged > 0)
      .map(({ k, c }) => `${KIND_LABELS[k]}: ${c.inserted} new, ${c.updated} changed, ${c.unchanged} unchanged`);
    if (kinds.length) process.stdout.write(`${kinds.join('; ')}\n`);
    process.stdout.write(
      `${summary.files.length} files: ${summary.inserted} inserted, ${summary.updated} updated, ${summary.unchanged} unchanged, ` +
        `${summary.skipped} skipped, ${summary.failed} failed${summary.held ? `, ${summary.held} held back` : ''}${summary.ignored.length ? `; ${summary.ignored.length} other files ignored` : ''}\n`,
    );
    return summary.failed > 0 || summary.held > 0 ? 1 : 0;
  } finally {
    close();
  }
}
