/**
 * The time a saved page itself states it was read, for `ratsradar import` (its data_as_of). Pure.
 *
 * What pages say (../shared/corpus, ALLRIS-NOTES §1, §6):
 *  - OParl objects carry `modified` (RFC 3339): the page was read at or after the latest `modified` it
 *    holds (an object, its embedded objects, every object of a list page). ALLRIS 4's placeholder
 *    2000-01-01T00:00:00+01:00 means "unknown" and is skipped.
 *  - A page mirrored with HTTrack carries the time in its comment:
 *    `<!-- Mirrored from host/bi/vo020.asp by HTTrack Website Copier/3.x [XR&CO'2014], Sun, 23 Aug 2026 10:00:00 GMT -->`.
 *  - ALLRIS 3 and 4 HTML pages state no read time: the date in the version line ("ALLRIS net Version
 *    4.1.7 (4170041) - 08.07.2026") is the software's build, and "Stand …" in a document's title belongs
 *    to that document. For them this gives null (the caller takes the file's time).
 */
import { decodePage } from './shared/encoding';
import { readOparlJson } from './oparl/json';

const OFFSET_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;
const HTTRACK = /<!--\s*Mirrored from \S+ by HTTrack Website Copier\/[^\]]*\],\s*((?:\w{3},\s*)?\d{1,2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT)\s*-->/i;

function isPlaceholder(value: string): boolean {
  return /^2000-01-01T00:00(?::00)?(?:\.0+)?(?:Z|[+-]0[01]:?00)$/i.test(value);
}

/** The latest `modified` date-time anywhere in an OParl JSON value, as epoch ms; null when none. */
function latestModified(value: unknown, depth = 0): number | null {
  if (value === null || typeof value !== 'object' || depth > 12) return null;
  let best: number | null = null;
  const consider = (ms: number | null) => {
    if (ms != null && (best == null || ms > best)) best = ms;
  };
  if (Array.isArray(value)) {
    for (const v of value) consider(latestModified(v, depth + 1));
    return best;
  }
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (k === 'modified' && typeof v === 'string' && OFFSET_TIME.test(v.trim()) && !isPlaceholder(v.trim())) {
      const ms = Date.parse(v.trim());
      if (!Number.isNaN(ms)) consider(ms);
    } else if (typeof v === 'object') {
      consider(latestModified(v, depth + 1));
    }
  }
  return best;
}

/** The read time a saved page states, as a UTC instant ("2026-08-23T10:00:00Z"), or null when it states none. */
export function statedReadTime(bytes: Uint8Array): string | null {
  const text = decodePage(bytes).text;
  const start = text.trimStart().charAt(0);
  let ms: number | null = null;
  if (start === '{' || start === '[') {
    try {
      ms = latestModified(readOparlJson(text));
    } catch {
      ms = null;
    }
  } else {
    const m = HTTRACK.exec(text);
    if (m) {
      const parsed = Date.parse(m[1]);
      ms = Number.isNaN(parsed) ? null : parsed;
    }
  }
  return ms == null ? null : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
