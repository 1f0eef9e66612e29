/**
 * Atom 1.0 documents (package `feed`). Callers pass plain text; it is escaped here for the places
 * where `feed` writes HTML (entry title and summary are type="html" in CDATA), and characters XML 1.0
 * forbids (control characters from scraped pages) are removed everywhere.
 */
import type { Feed as FeedClass } from 'feed';

let feedClass: typeof FeedClass | null = null;

/** `feed` (with xml-js) is loaded on first use: it takes ~150 ms to load, which every CLI command would pay otherwise. */
function loadFeed(): typeof FeedClass {
  feedClass ??= (require('feed') as typeof import('feed')).Feed;
  return feedClass;
}

export interface AtomEntry {
  /** a stable URI: tag:ratsradar,2026:… */
  id: string;
  title: string;
  /** absolute URL of the entry's page */
  link: string;
  updated: Date;
  published?: Date;
  summary?: string;
}

export interface AtomDocument {
  id: string;
  title: string;
  subtitle?: string;
  /** absolute URL of the HTML page the feed belongs to */
  link: string;
  /** absolute URL of the feed itself */
  self: string;
  updated: Date;
  entries: AtomEntry[];
}

export const ATOM_TAG = 'tag:ratsradar,2026:';

/** Removes characters XML 1.0 does not allow (C0 controls except tab/newline/CR, lone surrogates, U+FFFE/U+FFFF). */
export function xmlSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const html = (text: string) => escapeHtml(xmlSafe(text));

export function toAtom(doc: AtomDocument): string {
  const Feed = loadFeed();
  const feed = new Feed({
    id: doc.id,
    title: xmlSafe(doc.title),
    description: doc.subtitle ? xmlSafe(doc.subtitle) : undefined,
    link: doc.link,
    feedLinks: { atom: doc.self },
    updated: doc.updated,
    language: 'de',
    generator: 'ratsradar',
    copyright: 'Daten aus öffentlichen Ratsinformationssystemen',
  });
  for (const e of doc.entries) {
    feed.addItem({
      id: e.id,
      title: html(e.title),
      link: e.link,
      date: e.updated,
      published: e.published,
      description: e.summary ? html(e.summary) : undefined,
    });
  }
  return feed.atom1();
}

/** The newest of these dates, or `fallback`. */
export function newest(dates: (Date | null | undefined)[], fallback: Date): Date {
  let best: Date | null = null;
  for (const d of dates) if (d && !Number.isNaN(d.getTime()) && (!best || d > best)) best = d;
  return best ?? fallback;
}
