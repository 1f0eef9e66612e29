/**
 * {{> feed-links links=(feedLinks "paper" meta.id)}} → the page's feed, calendar, CSV and JSON links
 * ([{ href, type, label, format }]); feeds, calendars and JSON are also put on the page's root model as
 * `alternates`, which the layout writes into <head> as <link rel="alternate">.
 * Kinds: paper (id), organization (id), meeting (id; meeting-undated: without its iCal), list (query string of the start page),
 * search (query string of the search), calendar (all meetings), cities, city (its key), committees, sitzungen and
 * dashboard (the query string of their page, without "?").
 */
import type { HelperOptions } from 'handlebars';

export interface FeedLink {
  href: string;
  type: string;
  label: string;
  format: 'Atom' | 'iCal' | 'CSV' | 'JSON';
}

const ATOM = 'application/atom+xml';
const ICS = 'text/calendar';
const CSV = 'text/csv';
const JSON_TYPE = 'application/json';

function withQuery(path: string, qs: unknown): string {
  return typeof qs === 'string' && qs !== '' ? `${path}?${qs}` : path;
}

/** The links of one page kind (pure; the helper below also records the alternates). */
export function feedLinksFor(kind: string, arg: unknown): FeedLink[] {
  const id = typeof arg === 'number' || (typeof arg === 'string' && /^\d+$/.test(arg)) ? String(arg) : null;
  switch (kind) {
    case 'paper':
      return id
        ? [
            { href: `/papers/${id}/feed.atom`, type: ATOM, label: 'Neuigkeiten zu dieser Vorlage', format: 'Atom' },
            { href: `/papers/${id}/calendar.ics`, type: ICS, label: 'Termine dieser Vorlage', format: 'iCal' },
            { href: `/papers/${id}.json`, type: JSON_TYPE, label: 'Daten dieser Vorlage', format: 'JSON' },
          ]
        : [];
    case 'organization':
    case 'faction': {
      // a faction's feed is the news of its motions (routes/feeds.ts), a committee's its own
      const faction = kind === 'faction';
      return id
        ? [
            { href: `/organizations/${id}/feed.atom`, type: ATOM, label: faction ? 'Neuigkeiten zu den Anträgen dieser Fraktion' : 'Neuigkeiten aus diesem Gremium', format: 'Atom' },
            { href: `/organizations/${id}/calendar.ics`, type: ICS, label: faction ? 'Sitzungstermine dieser Fraktion' : 'Sitzungstermine dieses Gremiums', format: 'iCal' },
            { href: `/organizations/${id}/meetings.csv`, type: CSV, label: 'Sitzungsliste als Tabelle', format: 'CSV' },
            { href: `/organizations/${id}.json`, type: JSON_TYPE, label: faction ? 'Daten dieser Fraktion' : 'Daten dieses Gremiums', format: 'JSON' },
          ]
        : [];
    }
    case 'meeting':
    case 'meeting-undated':
      // a meeting whose day is not known (Hohenhameln's calendar rows without month) has no date to put in a calendar
      return id
        ? [
            ...(kind === 'meeting' ? [{ href: `/meetings/${id}/calendar.ics`, type: ICS, label: 'Termin dieser Sitzung', format: 'iCal' as const }] : []),
            { href: `/meetings/${id}/agenda.csv`, type: CSV, label: 'Tagesordnung als Tabelle', format: 'CSV' },
            { href: `/meetings/${id}.json`, type: JSON_TYPE, label: 'Daten dieser Sitzung', format: 'JSON' },
          ]
        : [];
    case 'cities':
      return [{ href: '/staedte.json', type: JSON_TYPE, label: 'Daten aller Städte', format: 'JSON' }];
    case 'city':
      return typeof arg === 'string' && arg !== ''
        ? [
            { href: `/sitzungen.ics?stadt=${encodeURIComponent(arg)}`, type: ICS, label: 'Sitzungstermine dieser Stadt', format: 'iCal' },
            { href: `/staedte/${encodeURIComponent(arg)}.json`, type: JSON_TYPE, label: 'Daten dieser Stadt', format: 'JSON' },
          ]
        : [];
    case 'committees':
      return [{ href: withQuery('/gremien.json', arg), type: JSON_TYPE, label: 'Diese Gremien als Daten', format: 'JSON' }];
    case 'sitzungen':
      return [
        { href: withQuery('/sitzungen.ics', arg), type: ICS, label: 'Diese Termine abonnieren', format: 'iCal' },
        { href: withQuery('/sitzungen.json', arg), type: JSON_TYPE, label: 'Diese Termine als Daten', format: 'JSON' },
      ];
    case 'dashboard':
      return [{ href: withQuery('/dashboard.json', arg), type: JSON_TYPE, label: 'Die Tabellen als Daten', format: 'JSON' }];
    case 'list':
      return [
        { href: withQuery('/feed.atom', arg), type: ATOM, label: 'Diese Liste als Feed', format: 'Atom' },
        { href: withQuery('/vorlagen.csv', arg), type: CSV, label: 'Diese Liste als Tabelle', format: 'CSV' },
        { href: withQuery('/vorlagen.json', arg), type: JSON_TYPE, label: 'Diese Liste als Daten', format: 'JSON' },
        { href: '/calendar.ics', type: ICS, label: 'Alle Sitzungstermine', format: 'iCal' },
      ];
    case 'search':
      return [
        { href: withQuery('/suche/feed.atom', arg), type: ATOM, label: 'Diese Suche als Feed', format: 'Atom' },
        { href: withQuery('/suche.csv', arg), type: CSV, label: 'Treffer als Tabelle', format: 'CSV' },
        { href: withQuery('/suche.json', arg), type: JSON_TYPE, label: 'Treffer als Daten', format: 'JSON' },
      ];
    case 'calendar':
      return [{ href: '/calendar.ics', type: ICS, label: 'Alle Sitzungstermine', format: 'iCal' }];
    default:
      return [];
  }
}

export function feedLinks(kind: unknown, ...rest: unknown[]): FeedLink[] {
  // handlebars passes its options object last: {{feedLinks "calendar"}} has no second argument
  const options = rest[rest.length - 1] as HelperOptions | undefined;
  const arg = rest.length > 1 ? rest[0] : undefined;
  const links = feedLinksFor(String(kind), arg);
  const root = (options?.data as { root?: Record<string, unknown> } | undefined)?.root;
  if (root && typeof root === 'object') {
    const list = Array.isArray(root.alternates) ? (root.alternates as FeedLink[]) : [];
    for (const l of links) if (l.format !== 'CSV' && !list.some((a) => a.href === l.href)) list.push(l);
    root.alternates = list;
  }
  return links;
}
