/** Reads data/topics.json once per process (src/domain/topics.ts validates it). */
import fs from 'node:fs';
import path from 'node:path';
import { parseTopics, TopicsFormatError, type TopicSet } from '../domain/topics';
import { projectRoot } from '../util/paths';

let cached: TopicSet | null = null;

export function topicsFile(): string {
  return path.join(projectRoot(), 'data', 'topics.json');
}

/** The topic set; throws TopicsFormatError naming the file when it is missing or malformed. */
export function loadTopics(file = topicsFile()): TopicSet {
  if (cached && file === topicsFile()) return cached;
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new TopicsFormatError(`cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const set = parseTopics(data);
  if (file === topicsFile()) cached = set;
  return set;
}
