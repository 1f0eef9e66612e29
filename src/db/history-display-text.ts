/**
 * Change-log rows from before codes (migration 0018 keeps their German display text in raw_text) read
 * back into codes, once, when the database is opened. A row whose codes render to exactly its stored
 * text is rewritten as codes and its raw_text cleared; any other row keeps its text (and is shown as
 * it is) and is simply tried again at the next open — the partial index paper_changes_raw finds only
 * those. Runs in one transaction: a row is either all codes or all text.
 */
import type Database from 'better-sqlite3';
import { decodeDisplayText } from '../domain/change-text';
import type { RawRow } from './raw-rows';
import type { paperChanges } from './schema-crawl';

/** a row still kept as display text (its raw_text is set: the WHERE below) */
type DisplayTextRow = Pick<RawRow<typeof paperChanges>, 'id' | 'field'> & { raw_text: string };

/** Reads every display-text row back into codes where it can; returns how many became codes. */
export function decodeDisplayTextRows(sqlite: Database.Database): number {
  const rows = sqlite.prepare<[], DisplayTextRow>('SELECT id, field, raw_text FROM paper_changes WHERE raw_text IS NOT NULL').all();
  if (!rows.length) return 0;
  const update = sqlite.prepare('UPDATE OR IGNORE paper_changes SET context = ?, old_value = ?, new_value = ?, raw_text = NULL WHERE id = ?');
  let n = 0;
  sqlite.transaction(() => {
    for (const r of rows) {
      const raw = JSON.parse(r.raw_text) as { context: string; oldValue: string | null; newValue: string | null };
      const coded = decodeDisplayText(r.field, raw.context, raw.oldValue, raw.newValue);
      if (coded) n += update.run(coded.context, coded.oldValue, coded.newValue, r.id).changes;
    }
  })();
  return n;
}
