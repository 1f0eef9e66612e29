/** The start page's view model: topic picker, facets, one page of the topic's papers, pager, feed links. */
import type { Facets, ListRow } from '../../db/queries-lists';
import { originatorHeading } from '../../domain/originators';
import type { TopicSet } from '../../domain/topics';
import { ALL_TOPICS, isFiltered, listQuery, SORT_LABELS, type ListParams } from './list-params';
import { toFacetsView, toListRows, toPager } from './list-view';
import type { TopicReason } from './topic-reasons';

const TOPIC_SORTS = ['activity', 'next', 'date', 'reference'] as const;

export function toHomeView(
  p: ListParams,
  topics: TopicSet,
  rows: ListRow[],
  total: number,
  facets: Facets,
  today: string,
  reasons: Map<number, TopicReason[]> = new Map(),
) {
  const topicHref = (id: string) => (id === topics.defaultId ? '/' : `/?thema=${encodeURIComponent(id)}`);
  const currentId = p.topic?.id ?? ALL_TOPICS;
  const faction = p.filters.faction ?? null;
  const heading = faction ? originatorHeading(faction) : p.topic ? p.topic.label : 'Alle Vorlagen';
  return {
    title: faction ? heading : p.topic ? `${p.topic.label} – Vorlagen` : 'Alle Vorlagen',
    // "Anträge der Fraktion …" (?fraktion=): the filter, and the link that drops it
    faction: faction ? { name: faction, removeHref: `/${listQuery(p, { fraktion: null, seite: null }) ? `?${listQuery(p, { fraktion: null, seite: null })}` : ''}` } : null,
    today,
    heading,
    topic: p.topic ? { id: p.topic.id, label: p.topic.label, description: p.topic.description } : null,
    topics: [
      ...topics.topics.map((t) => ({ label: t.label, href: topicHref(t.id), current: t.id === currentId })),
      { label: 'alle Vorlagen', href: `/?thema=${ALL_TOPICS}`, current: currentId === ALL_TOPICS },
    ],
    total,
    filtered: isFiltered(p),
    sortLabel: SORT_LABELS[p.sort],
    papers: toListRows(rows).map((r) => ({ ...r, reasons: reasons.get(r.id) ?? [] })),
    facets: toFacetsView(p, facets, '/', TOPIC_SORTS),
    pager: toPager(p, total, '/'),
    feedQuery: listQuery(p, {}, false),
  };
}
