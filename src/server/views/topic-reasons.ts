/**
 * Why a motion is on a topic's list: "Titel enthält „Digitaltag“", "Text enthält „digitale Verwaltung“",
 * "Dokument „Beschlussvorlage“ enthält „Photovoltaik“". Title and text sections are matched by the pure
 * topic rules (src/domain/topics.ts topicHits); a document by the words the index marked on its best
 * page (src/db/queries-search.ts). toTopicReasons is PURE; loadTopicReasons reads the page's rows.
 */
import type Database from 'better-sqlite3';
import { topicDocumentExpression } from '../../db/fts-query';
import type { ListRow } from '../../db/queries-lists';
import { loadMatchPlaces, loadPaperBodies, MARK_END, MARK_START, type DocumentMatch } from '../../db/queries-search';
import { toSearchBody, type TextSection } from '../../db/search-index';
import { topicHits, type Topic } from '../../domain/topics';
import { memoByData } from '../data-stamp';

export interface TopicReason {
  /** "Titel enthält", "Text enthält", "Dokument „…“ enthält" */
  label: string;
  words: string[];
}

const WORDS_SHOWN = 4;

/** The marked words of an excerpt, each once. */
function markedWords(snippet: string): string[] {
  const out: string[] = [];
  const re = new RegExp(`${MARK_START}([^${MARK_END}]*)${MARK_END}`, 'g');
  for (const m of snippet.matchAll(re)) if (m[1].trim() && !out.includes(m[1].trim())) out.push(m[1].trim());
  return out;
}

export function toTopicReasons(
  topic: Topic,
  row: Pick<ListRow, 'reference' | 'name'>,
  text: readonly TextSection[],
  documents: readonly DocumentMatch[],
): TopicReason[] {
  const reasons: TopicReason[] = [];
  const title = topicHits(topic, `${row.reference ?? ''} ${row.name ?? ''}`);
  if (title.length) reasons.push({ label: 'Titel enthält', words: title.slice(0, WORDS_SHOWN) });
  const body = topicHits(topic, toSearchBody(text));
  if (body.length) reasons.push({ label: 'Text enthält', words: body.slice(0, WORDS_SHOWN) });
  for (const d of documents) {
    const words = markedWords(d.snippet);
    if (words.length) reasons.push({ label: `Dokument „${d.name?.trim() || 'ohne Namen'}“ enthält`, words: words.slice(0, WORDS_SHOWN) });
  }
  return reasons;
}

/** The reasons for each row of a topic's page, by paper id. */
export function loadTopicReasons(sqlite: Database.Database, topic: Topic, rows: readonly ListRow[]): Map<number, TopicReason[]> {
  const ids = rows.map((r) => r.id);
  return memoByData(sqlite, `reasons|${topic.id}|${ids.join(',')}`, () => {
    const bodies = loadPaperBodies(sqlite, ids);
    const docs = topic.documents ? loadMatchPlaces(sqlite, topicDocumentExpression(topic), ids, false, true) : new Map();
    return new Map(rows.map((r) => [r.id, toTopicReasons(topic, r, bodies.get(r.id) ?? [], docs.get(r.id)?.documents ?? [])]));
  });
}
