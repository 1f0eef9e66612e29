/**
 * A saved page's record, read with the address it was served at: the manifest's when one is given,
 * else the one the page names itself (scrapers/page-url.ts), else — for a paper page that names no id
 * (Regensburg's vo020 excerpt) — the address of the one paper of its source that has its reference and
 * an id (known from an agenda), else none: its links are then read against its source's folder
 * (data/sources.json) and its `url` stays null. So `import` without a manifest reads what `import
 * --manifest` reads, wherever the pages say enough.
 */
import type Database from 'better-sqlite3';
import { detectPage, programFromUrl } from '../../scrapers/detect';
import { pageFolder, pageUrlForId, recoverPageUrl } from '../../scrapers/page-url';
import { parseDetected, parseUncapped } from '../../scrapers/parse';
import type { RisRecord } from '../../scrapers/records';
import { loadSourcesFile, type SourceConfig } from './crawl/sources';
import { declareStatements } from '../db/registry';

/** data/sources.json by key; empty when the file cannot be read (an import never fails for it). */
export function loadKnownSources(file?: string): Map<string, SourceConfig> {
  try {
    return new Map(loadSourcesFile(file).map((s) => [s.key, s]));
  } catch {
    return new Map();
  }
}

export interface ReadPage {
  record: RisRecord;
  /** how the address was found: given (manifest), own (the page names it), reference (a paper's id by its reference), none */
  address: 'given' | 'own' | 'reference' | 'none';
}

const byReference = declareStatements('page-address', (sqlite) =>
  sqlite.prepare<[string, string], { key: string }>(`SELECT p.entity_key AS key FROM papers p JOIN sources s ON s.id = p.source_id
    WHERE s.key = ? AND p.reference = ? AND p.entity_key NOT LIKE 'ref:%' LIMIT 2`),
);

/** The ids of the papers of a source (by key) that have this reference, placeholders ("ref:…") left out. */
function paperIdsByReference(sqlite: Database.Database, sourceKey: string, reference: string): string[] {
  return byReference(sqlite).all(sourceKey, reference).map((r) => r.key);
}

/** Whether a record is a paper page that names neither its id nor its address, but a reference. */
export function lacksOwnId(record: RisRecord): boolean {
  return record.type === 'Paper' && !record.sourceId && !!record.reference;
}

/** Parses a saved page with the best address there is (see the file comment). Not yet cut to the size caps (the caller cuts and reports). Throws what parsePage throws. */
export function readSavedPage(
  sqlite: Database.Database,
  bytes: Uint8Array,
  opts: { givenUrl: string | null; sourceKey: string; source: SourceConfig | null },
): ReadPage {
  if (opts.givenUrl) return { record: parseUncapped(bytes, opts.givenUrl), address: 'given' };
  const d = detectPage(bytes, null);
  const knownBase = opts.source?.baseUrl ?? null;
  const own = recoverPageUrl(d, knownBase);
  // (detected once: the address names the kind the content showed, else the page is read as the address says)
  if (own) return { record: programFromUrl(own) === d.kind ? parseDetected(d, own) : parseUncapped(bytes, own), address: 'own' };
  const folder = pageFolder(d, knownBase);
  // relative links read against the source's folder; the folder is not the page's address
  const record = { ...parseDetected(d, folder), url: null } as RisRecord;
  if (record.type === 'Paper' && lacksOwnId(record)) {
    const ids = paperIdsByReference(sqlite, opts.sourceKey, record.reference!);
    const url = ids.length === 1 ? pageUrlForId(d, folder, ids[0]) : null;
    if (url) {
      const again = parseUncapped(bytes, url);
      if (again.type === 'Paper' && again.reference === record.reference && again.sourceId === ids[0]) return { record: again, address: 'reference' };
    }
  }
  return { record, address: 'none' };
}
