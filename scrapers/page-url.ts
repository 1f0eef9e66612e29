/**
 * The address a saved page was served at, read from the page itself, for pages imported without one
 * (`ratsradar import` without `--manifest`). Pure: page text (+ the source's known base URL) → URL or null.
 *
 * A page names itself in many places (shared/self-links.ts): its `<link rel=canonical>`, the "Seite
 * versenden" mail link ("Online-Version der Seite: …"), ALLRIS 3's menu toggle links (the page's own
 * address plus `toggleMenu=N`), ALLRIS 4's `Wicket.Ajax.baseUrl` and Wicket listener links, `<meta
 * name="objectID">`, a paper's "Beschlüsse" form (vo021 with its VOLFDNR), an agenda item's
 * `topSelected`, a meeting's links to its own agenda items, a calendar's form and its previous/next
 * month links; OParl objects their `id`. Every place found must name the same object, else the answer
 * is null: a wrong address is worse than none. The result has the crawler's form (program + its id
 * parameter: `…/bi/vo020.asp?VOLFDNR=1018473`, `…/public/to010?SILFDNR=1000264`,
 * `…/bi/si010_e.asp?MM=10&YY=2023`), so an imported page and a crawled page get one address.
 *
 * `knownBase` (data/sources.json's baseUrl of the page's source) gives the scheme and host where the
 * page names its address only relatively, or over http when the RIS is served over https.
 */
import type { Detected, PageKind } from './detect';
import { isResponsive } from './detect';
import {
  baseHref, canonicalLinks, formsWithFields, linkTargets, mailedPageLinks, objectIds, wicketBaseUrls,
} from './shared/self-links';

/** The id parameter of each detail page kind. */
const ID_PARAM: Partial<Record<PageKind, string>> = {
  vo020: 'VOLFDNR', to010: 'SILFDNR', to020: 'TOLFDNR', au020: 'AULFDNR', pa020: 'PALFDNR', fr020: 'FRLFDNR',
  gr020: 'GRLFDNR', kp020: 'KPLFDNR',
};

const PROGRAM = /^([a-z]{2}\d{3}|allris\.net)(_[a-z]+)?(\.asp)?$/i;

interface Link {
  /** absolute, or null when the page gives no folder to read it against */
  abs: URL | null;
  /** "vo020.asp", "si010_e.asp", "to010" (ALLRIS 4), "allris.net.asp" */
  program: string;
  /** "vo020", "si010", "allris.net" */
  kind: string;
  params: Map<string, string>;
}

function parseLink(href: string, folder: string | null): Link | null {
  let u: URL;
  try {
    u = new URL(href, folder ?? 'http://relative.invalid/');
  } catch {
    return null;
  }
  if (!/^https?:$/.test(u.protocol)) return null;
  const program = u.pathname.split('/').pop() ?? '';
  const m = PROGRAM.exec(program);
  if (!m) return null;
  const params = new Map<string, string>();
  for (const [k, v] of u.searchParams) params.set(k.toUpperCase(), v);
  return { abs: u.hostname === 'relative.invalid' ? null : u, program, kind: m[1].toLowerCase(), params };
}

/** The folder of an absolute URL ("https://host/bi/vo020.asp?…" → "https://host/bi/"). */
function folderOf(u: string): string | null {
  try {
    const url = new URL(u);
    return /^https?:$/.test(url.protocol) ? `${url.origin}${url.pathname.replace(/[^/]*$/, '')}` : null;
  } catch {
    return null;
  }
}

/** The known base's scheme for an address on its host (a page names itself over http, the RIS serves https). */
function withKnownScheme(u: URL, knownBase: string | null): string {
  if (knownBase) {
    try {
      const k = new URL(knownBase);
      if (k.hostname.toLowerCase() === u.hostname.toLowerCase() && k.port === u.port) u.protocol = k.protocol;
    } catch {
      // a base that is no URL gives nothing
    }
  }
  return u.toString();
}

/**
 * The folder relative links of the page are read against: its `<base href>`, else the folder of an
 * absolute address it gives for itself, else the known base of its source. Null when nothing says.
 */
export function pageFolder(d: Pick<Detected, 'text'>, knownBase: string | null = null): string | null {
  const own = baseHref(d.text) ?? [...canonicalLinks(d.text), ...mailedPageLinks(d.text)].find((u) => /^https?:\/\//i.test(u)) ?? null;
  const folder = own ? folderOf(own) : null;
  if (!folder) return knownBase ? folderOf(knownBase) : null;
  return withKnownScheme(new URL(folder), knownBase);
}

function isMonth(m: number, y: number): boolean {
  return Number.isInteger(m) && m >= 1 && m <= 12 && Number.isInteger(y) && y >= 1990 && y <= 2100;
}

/** What a link names, for a page of this kind: "VOLFDNR=1018473", "MM=9&YY=2026", "" (start page), or null. */
function identityOf(kind: PageKind, l: Link): string | null {
  const page = kind === 'si010-ajax' ? 'si010' : kind === 'start' ? 'allris.net' : kind;
  if (l.kind !== page) return null;
  const param = ID_PARAM[kind];
  if (param) {
    const id = l.params.get(param);
    return id && /^\d+$/.test(id) ? `${param}=${id}` : null;
  }
  if (page === 'si010') {
    const m = Number(l.params.get('MM')), y = Number(l.params.get('YY'));
    return isMonth(m, y) ? `MM=${m}&YY=${y}` : null;
  }
  return page === 'allris.net' ? '' : null;
}

interface Candidate {
  identity: string;
  /** the program and folder the page uses for itself, where the place names them */
  link: Link | null;
}

/** A Wicket listener link (`./vo020?0-1.-menu-linkGroup-0-linkGroupLink&VOLFDNR=…`): always the page itself. */
function isWicketListener(l: Link): boolean {
  const first = [...l.params.keys()][0];
  return first !== undefined && /^\d+(-\d+)?\./.test(first);
}

/** The previous/next month links of a calendar: the one month both neighbours point at and that is not linked itself. */
function monthBetweenNeighbours(links: Link[]): Candidate[] {
  const months = new Map<number, Link>();
  for (const l of links) {
    if (l.kind !== 'si010' || l.params.has('TOGGLEMENU')) continue;
    const m = Number(l.params.get('MM')), y = Number(l.params.get('YY'));
    if (isMonth(m, y)) months.set(y * 12 + m - 1, l);
  }
  const between = [...months.keys()].map((k) => k + 1).filter((k) => months.has(k + 1) && !months.has(k));
  if (between.length !== 1) return [];
  const k = between[0];
  return [{ identity: `MM=${(k % 12) + 1}&YY=${Math.floor(k / 12)}`, link: months.get(k - 1)! }];
}

function candidatesOf(d: Detected, folder: string | null): Candidate[] {
  const { kind, text } = d;
  const out: Candidate[] = [];
  const add = (href: string, strong: (l: Link) => boolean) => {
    const l = parseLink(href, folder);
    if (!l || !strong(l)) return;
    const identity = identityOf(kind, l);
    if (identity !== null) out.push({ identity, link: l });
  };
  for (const href of [...canonicalLinks(text), ...mailedPageLinks(text), ...wicketBaseUrls(text)]) add(href, () => true);
  const links = linkTargets(text);
  const forms = formsWithFields(text);
  // a calendar's month form posts back to its own month (the committee choice): `si010.asp?MM=9&YY=2026`
  const monthForms = new Set(forms.map((f) => f.action).filter((a) => /^[^?]*\?MM=\d+&YY=\d+$/i.test(a)));
  for (const href of links) {
    add(href, (l) => l.params.has('TOGGLEMENU') || isWicketListener(l) ||
      // a meeting's links to its own agenda items
      (kind === 'to010' && l.params.has('TOLFDNR')) || (kind === 'si010' && monthForms.has(href)));
  }
  const param = ID_PARAM[kind];
  if (param) {
    for (const id of objectIds(text)) if (/^\d+$/.test(id)) out.push({ identity: `${param}=${id}`, link: null });
    for (const f of forms) {
      const l = parseLink(f.action, folder);
      // a paper's "Beschlüsse" (vo021) form carries its VOLFDNR; an agenda item's links to its meeting carry topSelected
      if (kind === 'vo020' && l?.kind === 'vo021' && /^\d+$/.test(f.fields.VOLFDNR ?? '')) out.push({ identity: `VOLFDNR=${f.fields.VOLFDNR}`, link: null });
      const top = l?.params.get('TOPSELECTED');
      if (kind === 'to020' && top && /^\d+$/.test(top)) out.push({ identity: `TOLFDNR=${top}`, link: null });
    }
  }
  if (kind === 'si010' && out.length === 0) {
    out.push(...monthBetweenNeighbours(links.map((h) => parseLink(h, folder)).filter((l): l is Link => l !== null)));
  }
  return out;
}

/** The program a page kind has where no link of the page names it (ALLRIS 3 classic or `_r`, ALLRIS 4). */
function defaultProgram(d: Detected): string | null {
  if (d.kind === 'si010' || d.kind === 'si010-ajax' || d.kind === 'oparl') return null;
  if (d.kind === 'start') return 'allris.net.asp';
  if (d.system === 'allris4') return d.kind;
  return `${d.kind}${isResponsive(d.text) ? '_r' : ''}.asp`;
}

function oparlOwnUrl(text: string): string | null {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(text.replace(/^\ufeff/, '')) as Record<string, unknown>;
  } catch {
    // broken control characters inside strings (Braunschweig): the id is the object's first field
    const m = /^\s*\{\s*"id"\s*:\s*"(https?:\/\/[^"]+)"/.exec(text.replace(/^\ufeff/, ''));
    return m ? m[1] : null;
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) return null;
  if (typeof json.id === 'string' && /^https?:\/\//.test(json.id)) return json.id;
  const links = json.links as Record<string, unknown> | undefined;
  if (typeof links?.self === 'string') return links.self;
  // a list page between its neighbours: …&p=1 before it → …&p=2
  const page = (u: unknown): [string, number] | null => {
    const m = typeof u === 'string' ? /^(https?:\/\/.*[?&]p=)(\d+)$/.exec(u) : null;
    return m ? [m[1], Number(m[2])] : null;
  };
  const prev = page(links?.prev), next = page(links?.next);
  if (prev && next && prev[0] === next[0] && next[1] - prev[1] === 2) return `${prev[0]}${prev[1] + 1}`;
  return null;
}

/** The address the page was served at, or null where the page does not say (never a guess). */
export function recoverPageUrl(d: Detected, knownBase: string | null = null): string | null {
  if (d.system === 'oparl') return oparlOwnUrl(d.text);
  if (d.kind === 'vo040' || d.kind === 'fr010' || d.kind === 'si010-ajax') return null; // lists: their address is a query, not an identity
  const folder = pageFolder(d, knownBase);
  const found = candidatesOf(d, folder);
  if (found.length === 0) return null;
  const identities = new Set(found.map((c) => c.identity));
  if (identities.size !== 1) return null;
  const programs = new Set(found.filter((c) => c.link).map((c) => c.link!.program.toLowerCase()));
  if (programs.size > 1) return null;
  const named = found.find((c) => c.link?.abs);
  const program = named?.link?.program ?? defaultProgram(d);
  const at = named?.link?.abs ? folderOf(named.link.abs.toString()) : folder;
  if (!program || !at) return null;
  const identity = [...identities][0];
  return withKnownScheme(new URL(`${program}${identity ? `?${identity}` : ''}`, at), knownBase);
}

/** The address of a page of this kind for an id (a paper's page whose VOLFDNR is known from elsewhere), or null. */
export function pageUrlForId(d: Detected, folder: string | null, id: string): string | null {
  const param = ID_PARAM[d.kind];
  const program = defaultProgram(d);
  if (!param || !program || !folder || !/^\d+$/.test(id)) return null;
  return new URL(`${program}?${param}=${id}`, folder).toString();
}
