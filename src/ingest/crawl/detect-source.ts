/**
 * `ratsradar sources add URL`: which system a RIS is, from its start page or its OParl system object,
 * and the source entry to crawl it by. One or two polite requests (the URL, else the ALLRIS 3 start page
 * in the same folder).
 */
import { allrisVersion } from '../../../scrapers/detect';
import { parsePage } from '../../../scrapers/parse';
import type { BodyRecord, SystemRecord } from '../../../scrapers/records';
import type { Fetcher } from '../fetch/fetcher';
import { calendarFromPrograms } from './allris-urls';
import type { SourceConfig } from './sources';

export class DetectError extends Error {}

const NOISE_LABELS = /^(www\d*|ris|ratsinfo\w*|bi|sitzungsdienst|egov|buergerinfo\w*|kis|srv\d+|allris|sitzung-online|sitzung-mv|ratsinfo-online)$/;

/** A source key from a host name: "ris.westerstede.de" → "westerstede", "www.augsburg.sitzung-online.de" → "augsburg". */
export function keyFromHost(host: string): string {
  const labels = host.toLowerCase().split('.').slice(0, -1).map((l) => l.replace(/^sitzungsdienst-/, '')).filter((l) => !NOISE_LABELS.test(l));
  const key = (labels.length ? labels : host.split('.').slice(0, 1)).join('-').replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
  return key || 'ris';
}

function folderOf(url: string): string {
  const u = new URL(url);
  return `${u.origin}${u.pathname.replace(/[^/]*$/, '')}`;
}

function titleOf(text: string): string | null {
  const t = /<title>\s*([^<]*?)\s*<\/title>/i.exec(text)?.[1];
  return t && !/^ALLRIS( net)?( - .*)?$/i.test(t) ? t : null;
}

/** A System name that names the software, not the city: "ALLRIS OParl der Stadt Augsburg", "OParl-Schnittstelle". */
const SOFTWARE_NAME = /\b(allris|oparl|schnittstelle|api)\b/i;

/**
 * What to call an OParl source: the System's name where it names the city ("Stadt Erkelenz"); where it
 * names none ("N/A", Leipzig) or the software, the name of its one Body (one request more: the body
 * list); else what the System says, or null.
 */
async function oparlSourceName(fetcher: Fetcher, sys: SystemRecord): Promise<string | null> {
  if (sys.name && !SOFTWARE_NAME.test(sys.name)) return sys.name;
  const list = sys.bodies.length === 1 ? sys.bodies[0] : null;
  if (list) {
    const res = await fetcher.get({ url: list });
    if (res.kind === 'ok') {
      try {
        const r = parsePage(res.body, res.finalUrl);
        const bodies = r.type === 'List' ? r.items.filter((b): b is BodyRecord => b.type === 'Body') : r.type === 'Body' ? [r] : [];
        if (bodies.length === 1 && bodies[0].name) return bodies[0].name;
      } catch {
        // not a body list we can read: the System's name stands
      }
    }
  }
  return sys.name;
}

export async function detectSource(fetcher: Fetcher, url: string, opts: { key?: string; name?: string } = {}): Promise<SourceConfig> {
  const candidates = [url];
  if (!/\.asp(\?|$)/i.test(new URL(url).pathname) && !/oparl/i.test(url)) candidates.push(`${folderOf(url.endsWith('/') ? url : `${url}/`)}allris.net.asp`);
  let lastProblem = 'no answer';
  for (const candidate of candidates) {
    const res = await fetcher.get({ url: candidate });
    if (res.kind !== 'ok') {
      lastProblem = res.kind === 'failed' ? `${res.error}: ${res.message}` : res.kind;
      continue;
    }
    const text = res.body.toString('latin1');
    const host = new URL(res.finalUrl).hostname;
    const key = opts.key ?? keyFromHost(host);
    const trimmed = res.body.toString('utf8').trimStart();
    if (trimmed.startsWith('{')) {
      let record: ReturnType<typeof parsePage>;
      try {
        record = parsePage(res.body, res.finalUrl);
      } catch (err) {
        throw new DetectError(`${candidate} answers JSON, but not an OParl system object (${(err as Error).message})`);
      }
      if (record.type !== 'System') throw new DetectError(`${candidate} is an OParl ${record.type}, not the system object (…/oparl/system)`);
      const sys = record as SystemRecord;
      return {
        key, name: opts.name ?? (await oparlSourceName(fetcher, sys)) ?? host, system: 'oparl', oparlUrl: sys.sourceId ?? res.finalUrl,
        baseUrl: sys.url && /^https?:/.test(sys.url) ? folderOf(sys.url.endsWith('/') ? sys.url : `${sys.url}/`) : `${new URL(res.finalUrl).origin}/`,
      };
    }
    const version = allrisVersion(text);
    const wicket = /wicket/i.test(text);
    if (version?.startsWith('4') || (!version && wicket)) {
      return { key, name: opts.name ?? titleOf(res.body.toString('utf8')) ?? host, system: 'allris4', baseUrl: folderOf(res.finalUrl) };
    }
    if (version?.startsWith('3') || /id=["']?(allriscontainer|risname(_raw)?|rismain(_raw)?)["'\s>]/i.test(text)) {
      let sys: SystemRecord | null = null;
      try {
        const r = parsePage(res.body, res.finalUrl);
        if (r.type === 'System') sys = r;
      } catch {
        // not the start page: the folder is all we learn
      }
      const calendar = calendarFromPrograms(sys?.programs ?? null) ?? undefined;
      return {
        key, name: opts.name ?? sys?.name ?? host, system: 'allris3', baseUrl: folderOf(res.finalUrl),
        ...(calendar ? { calendar } : {}), ...(calendar === 'si010_r' ? { responsive: true } : {}),
      };
    }
    lastProblem = `${candidate} is neither an ALLRIS page nor an OParl system object`;
  }
  throw new DetectError(`cannot tell which RIS ${url} is: ${lastProblem}`);
}
