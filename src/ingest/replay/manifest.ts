/**
 * What a replay serves: recorded pages and the URLs they were served at. Two kinds of folder:
 * - a folder of saved pages with a manifest (JSON: { pages: [{ url, file, source?, contentType? }] },
 *   `file` relative to the folder) — e.g. `../shared/corpus` with test/fixtures/replay/corpus-manifest.json;
 * - a page store written by `ratsradar scrape` (data/store: log/*.jsonl + objects/), whose newest answer
 *   per URL is served — so a user can reproduce a crawl offline.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readStoreLog, objectPath } from '../store/page-store';

export interface ManifestPage {
  url: string;
  /** path of the recorded bytes, relative to the manifest's folder */
  file: string;
  /** the source (city) the page belongs to */
  source?: string;
  /** the Content-Type header to send; by default from the file's extension */
  contentType?: string;
  /** ALLRIS 4 calendar months: served only to a Wicket AJAX request that carries the session cookie */
  ajax?: boolean;
  /** a Set-Cookie header to send with the answer (an ALLRIS 4 session) */
  setCookie?: string;
}

export interface Manifest {
  pages: ManifestPage[];
}

export interface LoadedPage extends ManifestPage {
  /** absolute path of the bytes */
  absFile: string;
}

export class ManifestError extends Error {}

function isPage(p: unknown): p is ManifestPage {
  const o = p as Record<string, unknown>;
  return !!o && typeof o.url === 'string' && typeof o.file === 'string';
}

/** Reads a manifest file; `root` is the folder the page files lie in (default: the manifest's own folder). */
export function loadManifest(manifestFile: string, root?: string): LoadedPage[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  } catch (err) {
    throw new ManifestError(`cannot read the manifest ${manifestFile}: ${(err as Error).message.split('\n')[0]}`);
  }
  const pages = (parsed as Manifest | null)?.pages;
  if (!Array.isArray(pages)) throw new ManifestError(`${manifestFile} has no "pages" list`);
  const base = root ?? path.dirname(manifestFile);
  return pages.map((p, i) => {
    if (!isPage(p)) throw new ManifestError(`${manifestFile}: page ${i + 1} needs "url" and "file"`);
    try {
      new URL(p.url);
    } catch {
      throw new ManifestError(`${manifestFile}: page ${i + 1} has no valid url: ${p.url}`);
    }
    return { ...p, absFile: path.resolve(base, p.file) };
  });
}

/** The newest recorded answer per URL of a page store (data/store), as manifest pages. */
export function loadStoreAsManifest(storeDir: string): LoadedPage[] {
  const newest = new Map<string, LoadedPage>();
  for (const e of readStoreLog(storeDir)) {
    if (e.status !== 200) continue;
    newest.set(e.url, { url: e.url, file: path.relative(storeDir, objectPath(storeDir, e.sha256)), absFile: objectPath(storeDir, e.sha256), source: e.source, contentType: e.contentType ?? undefined });
  }
  return [...newest.values()];
}

/** The pages a replay of DIR serves: the manifest given, else DIR/replay-manifest.json, else DIR as a page store. */
export function loadReplayPages(dir: string, manifestFile?: string): LoadedPage[] {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new ManifestError(`not a folder: ${dir}`);
  if (manifestFile) return loadManifest(manifestFile, dir);
  const own = path.join(dir, 'replay-manifest.json');
  if (fs.existsSync(own)) return loadManifest(own, dir);
  if (fs.existsSync(path.join(dir, 'log'))) return loadStoreAsManifest(dir);
  throw new ManifestError(`${dir} has no replay-manifest.json and is not a page store (no log/ folder); name a manifest with --manifest FILE`);
}

/**
 * For `ratsradar import PATH… --manifest FILE`: the URL a saved page was served at, found by the end of
 * its path (a manifest entry "allris3/regensburg/to010-2667-excerpt.html" names every file whose path
 * ends so), or null.
 */
export function manifestUrlLookup(manifestFile: string): (file: string) => string | null {
  const pages = loadManifest(manifestFile, '/');
  return (file) => {
    const abs = path.resolve(file).split(path.sep).join('/');
    return pages.find((p) => abs === p.file || abs.endsWith(`/${p.file.replace(/^\.?\//, '')}`))?.url ?? null;
  };
}
