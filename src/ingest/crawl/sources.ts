/**
 * The RIS instances ratsradar knows: data/sources.json (known public instances, committed) and the
 * ones added with `ratsradar sources add URL` (kept in the database's sources table). A source in the
 * database wins over the file entry of the same key.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { SystemName } from '../../../scrapers/records';
import type { RawRow } from '../../db/raw-rows';
import type { sources } from '../../db/schema';
import { projectRoot } from '../../util/paths';

export interface SourceConfig {
  key: string;
  name: string;
  system: SystemName;
  /** the folder the RIS programs live in, ending in "/" */
  baseUrl: string;
  oparlUrl?: string | null;
  /** ALLRIS 3 calendar program (si010, si010_e, si010_j, si010_r); read from the start page when absent */
  calendar?: string;
  /** ALLRIS 3 responsive `_r` programs (to010_r, vo020_r) */
  responsive?: boolean;
  /** further hosts of the same instance (an OParl API on another host, an older host name) */
  hosts?: string[];
}

const SYSTEMS: readonly SystemName[] = ['allris3', 'allris4', 'oparl'];

export function defaultSourcesFile(): string {
  return path.join(projectRoot(), 'data', 'sources.json');
}

/** Checks one entry; returns a one-line reason when it is not usable. */
export function sourceProblem(s: Partial<SourceConfig>): string | null {
  if (!s.key || !/^[a-z0-9][a-z0-9-]*$/.test(s.key)) return `key "${s.key ?? ''}" must be lower-case letters, digits and dashes`;
  if (!s.name) return `${s.key}: no name`;
  if (!s.system || !SYSTEMS.includes(s.system)) return `${s.key}: system must be one of ${SYSTEMS.join(', ')}`;
  for (const u of [s.baseUrl, s.oparlUrl]) {
    if (u === undefined || u === null) continue;
    try {
      if (!/^https?:$/.test(new URL(u).protocol)) return `${s.key}: ${u} is not an http(s) URL`;
    } catch {
      return `${s.key}: ${u} is not a URL`;
    }
  }
  if (!s.baseUrl) return `${s.key}: no baseUrl`;
  return null;
}

export function loadSourcesFile(file = defaultSourcesFile()): SourceConfig[] {
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { sources?: Partial<SourceConfig>[] };
  if (!Array.isArray(parsed.sources)) throw new Error(`${file} has no "sources" list`);
  return parsed.sources.map((s) => {
    const problem = sourceProblem(s);
    if (problem) throw new Error(`${file}: ${problem}`);
    return { ...s, baseUrl: s.baseUrl!.endsWith('/') ? s.baseUrl! : `${s.baseUrl}/` } as SourceConfig;
  });
}

type SourceDbRow = Pick<RawRow<typeof sources>, 'key' | 'name' | 'system' | 'base_url' | 'oparl_url' | 'crawl_config'>;

function fromRow(r: SourceDbRow): SourceConfig | null {
  if (!r.base_url || !r.system || !SYSTEMS.includes(r.system as SystemName)) return null;
  const extra = r.crawl_config ? (JSON.parse(r.crawl_config) as Partial<SourceConfig> & { crawlable?: boolean }) : {};
  if (!extra.crawlable) return null;
  const { crawlable: _crawlable, ...config } = extra;
  return { ...config, key: r.key, name: r.name, system: r.system as SystemName, baseUrl: r.base_url, oparlUrl: r.oparl_url } as SourceConfig;
}

/** Sources added in the database (`sources add`); rows made by `import` or the demo are not crawlable. */
export function loadDbSources(sqlite: Database.Database): SourceConfig[] {
  return (sqlite.prepare('SELECT key, name, system, base_url, oparl_url, crawl_config FROM sources ORDER BY key').all() as SourceDbRow[])
    .map(fromRow)
    .filter((s): s is SourceConfig => s !== null);
}

/** Every known source: the file's, overridden and extended by the database's. */
export function allSources(sqlite: Database.Database, file?: string): SourceConfig[] {
  const byKey = new Map(loadSourcesFile(file).map((s) => [s.key, s]));
  for (const s of loadDbSources(sqlite)) byKey.set(s.key, s);
  return [...byKey.values()];
}

export function findSource(sqlite: Database.Database, key: string, file?: string): SourceConfig | null {
  return allSources(sqlite, file).find((s) => s.key === key) ?? null;
}

/** Writes the source's row (creating it), with its crawl configuration; returns its id. */
export function saveSource(sqlite: Database.Database, s: SourceConfig, crawlable = false): number {
  const { key, name, system, baseUrl, oparlUrl, ...rest } = s;
  const config = JSON.stringify({ ...rest, ...(crawlable ? { crawlable: true } : {}) });
  sqlite
    .prepare(`INSERT INTO sources (key, name, system, base_url, oparl_url, crawl_config) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT(key) DO UPDATE SET name = excluded.name, system = excluded.system, base_url = excluded.base_url,
      oparl_url = excluded.oparl_url, crawl_config = CASE WHEN json_extract(sources.crawl_config, '$.crawlable') THEN sources.crawl_config ELSE excluded.crawl_config END`)
    .run(key, name, system, baseUrl, oparlUrl ?? null, config);
  return sqlite.prepare<[string], Pick<RawRow<typeof sources>, 'id'>>('SELECT id FROM sources WHERE key = ?').get(key)!.id;
}

/** The hosts a crawl of this source may request. */
export function sourceHosts(s: SourceConfig): string[] {
  const hosts = new Set<string>([new URL(s.baseUrl).hostname.toLowerCase()]);
  if (s.oparlUrl) hosts.add(new URL(s.oparlUrl).hostname.toLowerCase());
  for (const h of s.hosts ?? []) hosts.add(h.toLowerCase());
  return [...hosts];
}
