/** Loads progress() of many motions at once (three bulk statements, src/db/queries-progress.ts), for the JSON lists. */
import type Database from 'better-sqlite3';
import { loadProgressPapers } from '../../db/queries-progress';
import { progress, type Progress } from '../../domain/progress';

export function loadProgressMap(sqlite: Database.Database, ids: readonly number[], today: string): Map<number, Progress> {
  const out = new Map<number, Progress>();
  for (const [id, stored] of loadProgressPapers(sqlite, [...ids])) out.set(id, progress(stored.paper, today, { agenda: stored.agenda }));
  return out;
}
