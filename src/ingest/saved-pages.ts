/**
 * `ratsradar import PATH…`: saved pages (files or folders, recursively) → parse → database.
 * Reports per file what was imported or why it was skipped; one bad file never stops the run.
 * A page's source is `--source KEY` when given, else the name of the folder it lies in
 * (e.g. corpus/allris3/hamburg-altona/vo020-….html → "hamburg-altona"); its name and base URL come
 * from data/sources.json where the key is known there. A page's address is the manifest's (`urlOf`),
 * else the one it names itself (page-address.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { capRecord, describeCaps } from '../../scrapers/shared/caps';
import { LayoutChangedError, MismatchedPageError, NotARisPageError, TruncatedPageError, UnsupportedPageError } from '../../scrapers/errors';
import type { RisRecord } from '../../scrapers/records';
import { ENTITY_KINDS, importRecords, type EntityKind, type ImportCounts } from '../db/import';
import { refreshDerived } from '../db/derive';
import { toInstant } from '../db/data-as-of';
import { findShrink } from '../db/shrink-guard';
import { statedReadTime } from '../../scrapers/stated-time';
import { lacksOwnId, loadKnownSources, readSavedPage } from './page-address';

export interface FileOutcome {
  file: string;
  /** held: a suspicious shrink of what is stored (src/db/shrink-guard.ts), not applied */
  status: 'inserted' | 'updated' | 'unchanged' | 'skipped' | 'failed' | 'held';
  detail: string;
}

export interface ImportSummary {
  files: FileOutcome[];
  /** files in the given folders that are not saved pages (README.md, PROVENANCE.md, images …) */
  ignored: string[];
  /** entity counts over the whole run */
  byKind: Record<EntityKind, ImportCounts>;
  inserted: number;
  updated: number;
  unchanged: number;
  skipped: number;
  failed: number;
  held: number;
}

/** What a saved page is called: ALLRIS pages (.html, .htm, .asp, ALLRIS 4 AJAX .xml) and OParl .json. */
export const PAGE_EXTENSIONS = /\.(html?|asp|aspx|xml|json)$/i;

/** An entry under a folder that cannot be read as a page, with why (a dangling symbolic link, a loop). */
export interface UnreadableEntry {
  file: string;
  status: 'skipped' | 'failed';
  detail: string;
}

function statError(p: string, err: unknown): UnreadableEntry {
  const code = (err as NodeJS.ErrnoException).code;
  let link = false;
  try {
    link = fs.lstatSync(p).isSymbolicLink();
  } catch {
    // gone meanwhile: said below as it is
  }
  if (link && code === 'ENOENT') return { file: p, status: 'failed', detail: 'failed: dangling symbolic link (its target does not exist)' };
  if (code === 'ELOOP') return { file: p, status: 'skipped', detail: 'skipped: symbolic link loop' };
  return { file: p, status: 'failed', detail: `failed: cannot read (${code ?? 'error'})` };
}

/**
 * Every file to read under the given paths, sorted; hidden files and folders left out. A file named
 * on the command line is always read, a FIFO, socket or character device too (`/dev/stdin`, a named pipe);
 * inside folders only saved pages (PAGE_EXTENSIONS) that are regular files are, the rest is listed as
 * ignored. An entry that cannot be read — a dangling symbolic link, a symbolic link loop, a folder
 * reached a second time through a link — goes to `unreadable` and the walk goes on. Missing paths
 * named on the command line throw.
 */
export function collectFiles(paths: string[], ignored: string[] = [], unreadable: UnreadableEntry[] = []): string[] {
  const out: string[] = [];
  /** the folders walked, by device and inode: a link back up the tree is not walked twice */
  const walked = new Map<string, string>();
  const walk = (p: string, named: boolean) => {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch (err) {
      unreadable.push(statError(p, err));
      return;
    }
    if (st.isDirectory()) {
      const id = `${st.dev}:${st.ino}`;
      const seen = walked.get(id);
      if (seen !== undefined) {
        unreadable.push({ file: p, status: 'skipped', detail: `skipped: symbolic link loop (the folder ${seen} again)` });
        return;
      }
      walked.set(id, p);
      let names: string[];
      try {
        names = fs.readdirSync(p).sort();
      } catch (err) {
        unreadable.push(statError(p, err));
        return;
      }
      for (const name of names) {
        if (name.startsWith('.')) continue;
        walk(path.join(p, name), false);
      }
    } else if (st.isFile()) {
      if (named || PAGE_EXTENSIONS.test(p)) out.push(p);
      else ignored.push(p);
    } else if (named && (st.isFIFO() || st.isCharacterDevice() || st.isSocket())) {
      out.push(p);
    } else {
      ignored.push(p);
    }
  };
  for (const p of paths) {
    if (!fs.existsSync(p) && !isLink(p)) throw new Error(`no such file or folder: ${p}`);
    walk(p, true);
  }
  return out;
}

/** The names of standard input: read from file descriptor 0 (a pipe from a shell or a socket from a parent process; the latter cannot be opened by name). */
const STDIN_NAMES = new Set(['/dev/stdin', '/dev/fd/0', '/proc/self/fd/0']);

/** The bytes of an entry collectFiles listed. */
function readEntry(file: string): Buffer {
  return STDIN_NAMES.has(file) ? fs.readFileSync(0) : fs.readFileSync(file);
}

function isLink(p: string): boolean {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

/** What a record is, for the report: "Paper 22-2402", "Meeting 1004086 (12 agenda items)", "List of 20 Paper". */
export function describeRecord(r: RisRecord): string {
  switch (r.type) {
    case 'Paper': return `Paper ${r.reference ?? r.sourceId}, ${r.consultation.length} stations`;
    case 'Meeting': return `Meeting ${r.sourceId ?? r.name} (${r.agendaItem.length} agenda items)`;
    case 'MeetingList': return `MeetingList of ${r.meetings.length} meetings`;
    case 'Organization': return `Organization ${r.name ?? r.sourceId} (${r.members.length} members)`;
    case 'List': return `List of ${r.items.length} ${r.itemType}`;
    default: return `${r.type} ${r.sourceId ?? ''}`.trim();
  }
}

function describe(err: unknown): { status: 'skipped' | 'failed'; detail: string } {
  if (err instanceof UnsupportedPageError) return { status: 'skipped', detail: `skipped: ${err.message}` };
  if (err instanceof TruncatedPageError || err instanceof MismatchedPageError) return { status: 'failed', detail: `failed: ${err.message}` };
  if (err instanceof NotARisPageError) return { status: 'skipped', detail: `skipped: not a page ratsradar can read (${err.message})` };
  if (err instanceof LayoutChangedError) return { status: 'failed', detail: `failed: layout not understood (${err.message})` };
  return { status: 'failed', detail: `failed: ${err instanceof Error ? err.message : String(err)}` };
}

function baseUrlOf(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname.replace(/[^/]*$/, '')}`;
  } catch {
    return null;
  }
}

/**
 * When a saved page was read from the RIS: the time it states itself (OParl `modified`, an HTTrack
 * comment: scrapers/stated-time.ts), else the time the person importing says (`import --read-at`), else the
 * file's modification time — never the import time.
 */
export function savedPageReadAt(file: string, bytes: Uint8Array, said: string | null = null): string | null {
  return statedReadTime(bytes) ?? said ?? toInstant(new Date(fs.statSync(file).mtimeMs));
}

export function importSavedPages(
  sqlite: Database.Database,
  paths: string[],
  opts: {
    source?: string; now: string; today: string; onFile?: (o: FileOutcome) => void; urlOf?: (file: string) => string | null;
    /** files (as named) or URLs whose suspicious shrink a person accepts: applied all the same */
    accept?: string[];
    /** when the pages were saved from the RIS (an instant), for those that state no time of their own: instead of the file time */
    readAt?: string;
  },
): ImportSummary {
  const ignored: string[] = [];
  const unreadable: UnreadableEntry[] = [];
  const files = collectFiles(paths, ignored, unreadable);
  const byKind = Object.fromEntries(ENTITY_KINDS.map((k) => [k, { inserted: 0, updated: 0, unchanged: 0 }])) as Record<EntityKind, ImportCounts>;
  const summary: ImportSummary = { files: [], ignored, byKind, inserted: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0, held: 0 };
  const accepted = new Set((opts.accept ?? []).map((a) => (/^https?:/i.test(a) ? a : path.resolve(a))));
  const report = (o: FileOutcome) => {
    summary.files.push(o);
    summary[o.status]++;
    opts.onFile?.(o);
  };
  for (const u of unreadable) report(u);
  const known = loadKnownSources();
  // paper pages that name no id are read last, so that an agenda of the same run can tell their id (page-address.ts)
  const deferred: string[] = [];
  const importFile = (file: string, mayDefer: boolean) => {
    const key = opts.source ?? path.basename(path.dirname(path.resolve(file)));
    const source = known.get(key) ?? null;
    let record: RisRecord;
    let address: string;
    let readAt: string | null;
    let capped: string;
    try {
      const bytes = readEntry(file);
      ({ record, address } = readSavedPage(sqlite, bytes, { givenUrl: opts.urlOf?.(file) ?? null, sourceKey: key, source }));
      readAt = savedPageReadAt(file, bytes, opts.readAt ?? null);
      capped = describeCaps(capRecord(record));
    } catch (err) {
      report({ file, ...describe(err) });
      return;
    }
    if (mayDefer && lacksOwnId(record)) {
      deferred.push(file);
      return;
    }
    const shrink = accepted.has(path.resolve(file)) || (record.url && accepted.has(record.url)) ? null : findShrink(sqlite, key, record);
    if (shrink) {
      report({ file, status: 'held', detail: `held back: ${shrink.message}; the stored record stays (apply it with --accept ${file})` });
      return;
    }
    try {
      const spec = {
        key, name: source?.name ?? key, system: source?.system ?? record.system, baseUrl: source?.baseUrl ?? baseUrlOf(record.url), oparlUrl: source?.oparlUrl ?? null,
      };
      const res = importRecords(sqlite, spec, [record], opts.now, { readAt });
      for (const k of ENTITY_KINDS) {
        byKind[k].inserted += res.byKind[k].inserted;
        byKind[k].updated += res.byKind[k].updated;
        byKind[k].unchanged += res.byKind[k].unchanged;
      }
      const outcome = res.inserted > 0 ? 'inserted' : res.updated > 0 || res.agendaItemsRemoved > 0 ? 'updated' : 'unchanged';
      // a page that names no address of its own: its link to the original (and a calendar's month) are not known
      const note = (address === 'none' ? '; the page names no address of its own' : '') +
        (res.agendaItemsRemoved ? `; ${res.agendaItemsRemoved} agenda ${res.agendaItemsRemoved === 1 ? 'item' : 'items'} it no longer lists removed` : '');
      report({ file, status: outcome, detail: `${outcome}: ${describeRecord(record)} (${key}${note})${capped ? `; cut to the size caps: ${capped}` : ''}` });
    } catch (err) {
      report({ file, ...describe(err) });
    }
  };
  for (const file of files) importFile(file, true);
  for (const file of deferred) importFile(file, false);
  refreshDerived(sqlite, opts.today);
  return summary;
}
