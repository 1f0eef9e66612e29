/**
 * The addresses of ratsradar's OParl 1.1 objects (src/server/oparl): absolute, from the site's base
 * (RATSRADAR_BASE_URL or the request's validated host, base-url.ts). An object's id is made of its
 * source's key and its own identity inside that source (the entity_key of every table),
 * never of a row id, so the same object has the same id after a re-crawl or a re-import into a new
 * database. Composite identities (a consultation: its paper, station and meeting row) join their parts
 * with "~" and end in numbers, so they split from the right. Pure.
 */

export const OPARL_PATH = '/oparl/v1.1';

/** The OParl kinds ratsradar serves, by the path segment of their lists and objects. */
export const KIND_PATHS = {
  Paper: 'papers',
  Consultation: 'consultations',
  File: 'files',
  Meeting: 'meetings',
  AgendaItem: 'agendaItems',
  Location: 'locations',
  Organization: 'organizations',
  Person: 'persons',
  Membership: 'memberships',
} as const;

export type OparlKind = keyof typeof KIND_PATHS;

export const TYPE_PREFIX = 'https://schema.oparl.org/1.1/';

export function typeUrl(kind: OparlKind | 'System' | 'Body' | 'LegislativeTerm'): string {
  return `${TYPE_PREFIX}${kind}`;
}

const enc = (s: string) => encodeURIComponent(s);

export interface OparlUrls {
  base: string;
  system: string;
  bodies: string;
  body(source: string): string;
  list(source: string, kind: OparlKind): string;
  object(source: string, kind: OparlKind, key: string): string;
  /** ratsradar's own HTML pages */
  web(path: string): string;
}

export function oparlUrls(base: string): OparlUrls {
  const root = `${base}${OPARL_PATH}`;
  return {
    base,
    system: `${root}/system`,
    bodies: `${root}/bodies`,
    body: (source) => `${root}/bodies/${enc(source)}`,
    list: (source, kind) => `${root}/bodies/${enc(source)}/${KIND_PATHS[kind]}`,
    object: (source, kind, key) => `${root}/bodies/${enc(source)}/${KIND_PATHS[kind]}/${enc(key)}`,
    web: (path) => `${base}${path}`,
  };
}

/** "<paper key>~<station>~<row>": a consultation is one meeting row of a station (row 0 for a station without rows). */
export function consultationKey(paperKey: string, station: number, row: number): string {
  return `${paperKey}~${station}~${row}`;
}

/** "<paper key>~<position>": a document of a paper's page. */
export function paperFileKey(paperKey: string, position: number): string {
  return `${paperKey}~${position}`;
}

/** "<meeting key>~m~<position>": a document of a meeting's own (its "~m" tells it from a paper's). */
export function meetingFileKey(meetingKey: string, position: number): string {
  return `${meetingKey}~m~${position}`;
}

/** "<organization key>~<position>": a member of a committee or faction. */
export function membershipKey(organizationKey: string, position: number): string {
  return `${organizationKey}~${position}`;
}

/** Splits "<head>~<n>~<n>…" into the head and `count` trailing numbers; null when it does not end so. */
export function splitKey(key: string, count: number): { head: string; numbers: number[] } | null {
  const parts = key.split('~');
  if (parts.length <= count) return null;
  const tail = parts.slice(parts.length - count);
  if (!tail.every((p) => /^\d{1,9}$/.test(p))) return null;
  return { head: parts.slice(0, parts.length - count).join('~'), numbers: tail.map(Number) };
}
