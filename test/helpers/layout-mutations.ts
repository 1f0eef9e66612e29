/**
 * Layout changes made from real corpus pages for tests: each required label of a page kind
 * renamed, and the content area emptied. Nothing is written to the corpus; the tests make the pages.
 */
import { decodePage } from '../../scrapers/shared/encoding';
import { programFromUrl } from '../../scrapers/detect';

export interface LabelRename {
  /** the part of the page kind the label stands for */
  part: string;
  from: RegExp;
  to: string;
}

/**
 * The labels (and the ids the newer generations read instead) that a page of each kind cannot lack:
 * renaming any of them must make the page refused. The Beratungsfolge is not here: a page without it
 * is "not shown" (see NOT_SHOWN), not refused.
 */
export const REQUIRED_LABELS: Record<string, LabelRename[]> = {
  vo020: [{ part: 'Betreff', from: /(vo)?betreff/gi, to: 'subject' }],
  to010: [
    { part: 'Datum', from: /(si)?datum/gi, to: 'date' },
    { part: 'Gremium', from: /gremium/gi, to: 'body' },
  ],
  to020: [
    { part: 'Datum', from: /(si)?datum/gi, to: 'date' },
    { part: 'Gremium', from: /gremium/gi, to: 'body' },
  ],
  si010: [{ part: 'Datum (calendar header)', from: />\s*Datum\s*</g, to: '>Date<' }],
};

/** OParl objects by type: the keys a paper (reference, name) and a meeting (name, start) cannot all lack. */
export const OPARL_REQUIRED_KEYS: Record<string, LabelRename> = {
  Paper: { part: 'reference and name', from: /"(reference|name)"\s*:/g, to: '"x-$1":' },
  Meeting: { part: 'name and start', from: /"(name|start)"\s*:/g, to: '"x-$1":' },
};

/** "Beratungsfolge:" renamed: the page then shows no Beratungsfolge ("not shown"). */
export const NOT_SHOWN: LabelRename = { part: 'Beratungsfolge', from: /Beratungsfolge/g, to: 'Consultations' };

/** The page kind of a corpus page, from its URL (or its file name). */
export function kindOf(page: string, url: string | null): string | null {
  return programFromUrl(url) ?? /(?:^|\/)([a-z]{2}\d{3})/.exec(page)?.[1] ?? null;
}

export function rename(bytes: Buffer, r: LabelRename): Buffer | null {
  const { text } = decodePage(bytes);
  r.from.lastIndex = 0;
  if (!r.from.test(text)) return null;
  r.from.lastIndex = 0;
  return Buffer.from(text.replace(r.from, r.to), 'utf8');
}

const CONTENT = /<(div|main)\b[^>]*\bid=["']?(rismain_raw|rismain|allris)["'\s>][^>]*>/i;
/** pages without #rismain (trimmed excerpts): their ALLRIS container */
const CONTAINER = /<(div)\b[^>]*\bid=["']?(allriscontainer)["'\s>][^>]*>/i;

/**
 * The page with its content area (#rismain, #rismain_raw or #allris, else #allriscontainer) emptied, or
 * null when it has none. Where the container is never closed (trimmed excerpts), up to the page's </body>.
 */
export function emptyContentArea(bytes: Buffer): Buffer | null {
  const { text } = decodePage(bytes);
  const open = CONTENT.exec(text) ?? CONTAINER.exec(text);
  if (!open) return null;
  const tag = open[1].toLowerCase();
  const start = open.index + open[0].length;
  const re = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'gi');
  re.lastIndex = start;
  let depth = 1;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return Buffer.from(text.slice(0, start) + text.slice(m.index), 'utf8');
  }
  const body = text.toLowerCase().lastIndexOf('</body');
  return body > start ? Buffer.from(text.slice(0, start) + text.slice(body), 'utf8') : null;
}
