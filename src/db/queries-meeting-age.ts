/**
 * When a meeting's data was read from the RIS, for the "Stand" line of its page (and its print): the
 * crawler's latest fetch of the meeting page, else the latest `data_as_of` of the motions on its agenda
 * (their data includes the agendas read with them, src/db/data-as-of.ts), else the source's last
 * successful sync. Null when none is known (the import time is never used).
 */
import type Database from 'better-sqlite3';
import { declareStatements } from './registry';

const dataAsOf = declareStatements('queries-meeting-age', (sqlite) =>
  sqlite.prepare<[number], string | null>(`SELECT COALESCE(
      (SELECT MAX(g.fetched_at) FROM pages g WHERE g.source_id = m.source_id AND m.url IS NOT NULL AND (g.url = m.url OR g.final_url = m.url)),
      (SELECT MAX(p.data_as_of) FROM agenda_items a JOIN papers p ON p.id = a.paper_id WHERE a.meeting_id = m.id),
      (SELECT y.last_success_at FROM source_sync y WHERE y.source_id = m.source_id))
    FROM meetings m WHERE m.id = ?`).pluck(),
);

export function loadMeetingDataAsOf(sqlite: Database.Database, meetingId: number): string | null {
  return dataAsOf(sqlite).get(meetingId) ?? null;
}
