/**
 * OParl meetings whose `meetingState` alone says they are cancelled ("abgesagt"), imported before the OParl parser
 * read it (it read OParl's `cancelled` only, and the pages OR-ed the status text in): their stored `cancelled` is 0.
 * Set once when the database is opened, as an import of the same objects would set it today; the trigger on
 * meetings.cancelled marks their motions for deriving again. No change event: nothing changed in the RIS.
 */
import type Database from 'better-sqlite3';
import { isCancelledText } from '../../scrapers/shared/cancelled';

export function backfillOparlCancellations(sqlite: Database.Database): number {
  const rows = sqlite.prepare<[], { id: number; statusText: string }>(
    `SELECT id, status_text AS statusText FROM meetings WHERE system = 'oparl' AND cancelled = 0 AND status_text IS NOT NULL`,
  ).all();
  const ids = rows.filter((r) => isCancelledText(r.statusText)).map((r) => r.id);
  if (!ids.length) return 0;
  const mark = sqlite.prepare<[string]>('UPDATE meetings SET cancelled = 1 WHERE id IN (SELECT value FROM json_each(?))');
  return sqlite.transaction(() => mark.run(JSON.stringify(ids)).changes).immediate();
}
