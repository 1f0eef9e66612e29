/** What a subscription follows, in German words ("Vorlage DS/2026/0123: …", "Thema „Digitalisierung“ in Musterstadt"), for pages and mails. */
import type Database from 'better-sqlite3';
import type { AlertKind } from '../domain/alert-rules';
import type { TopicSet } from '../domain/topics';

export interface Followed {
  kind: AlertKind;
  target: string;
  city: string | null;
}

/** The label and the site-relative path of what is followed. */
export function describeFollowed(sqlite: Database.Database, topics: TopicSet | null, f: Followed): { label: string; path: string } {
  const cityName = f.city
    ? ((sqlite.prepare('SELECT name FROM sources WHERE key = ?').pluck().get(f.city) as string | undefined) ?? f.city)
    : null;
  const inCity = cityName ? ` in ${cityName}` : '';
  const cityQuery = f.city ? `&stadt=${encodeURIComponent(f.city)}` : '';
  switch (f.kind) {
    case 'paper': {
      const p = sqlite.prepare('SELECT reference, name FROM papers WHERE id = ?').get(Number(f.target)) as { reference: string | null; name: string | null } | undefined;
      const label = p ? `Vorlage ${[p.reference, p.name].filter(Boolean).join(': ')}` : 'eine nicht mehr vorhandene Vorlage';
      return { label, path: `/papers/${encodeURIComponent(f.target)}` };
    }
    case 'topic': {
      const t = topics?.topics.find((x) => x.id === f.target);
      return { label: `Thema „${t?.label ?? f.target}“${inCity}`, path: `/?thema=${encodeURIComponent(f.target)}${cityQuery}` };
    }
    case 'committee':
      return { label: `Gremium „${f.target}“${inCity}`, path: f.city ? `/gremien/${encodeURIComponent(f.city)}/${encodeURIComponent(f.target)}` : '/' };
    case 'faction':
      return { label: `Anträge der Fraktion „${f.target}“${inCity}`, path: `/suche?q=${encodeURIComponent(f.target)}${cityQuery}` };
    case 'search':
      return { label: `Suche nach „${f.target}“${inCity}`, path: `/suche?q=${encodeURIComponent(f.target)}${cityQuery}` };
  }
}
