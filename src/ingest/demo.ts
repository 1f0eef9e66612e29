/**
 * The embedded demo data set (data/demo/*.json): Paper, Meeting, AgendaItem and Organization records
 * (CONTRACTS.md section 2, format 1), loaded into an empty database by `serve` through the real import
 * path (importRecords), one transaction per demo source. The made-up Musterstadt story is loaded with
 * its dates shifted to sit around today (demo-shift.ts); reloadDemoIfShifted() loads it again when the
 * shift it was loaded with is not today's.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { AgendaItemRecord, MeetingRecord, OrganizationRecord, PaperRecord } from '../../scrapers/records';
import { ENTITY_KINDS, importRecords, type EntityKind, type ImportCounts, type SourceSpec } from '../db/import';
import { refreshDerived } from '../db/derive';
import { meetingKey, organizationKey, paperKey } from '../db/identity';
import { projectRoot } from '../util/paths';
import { berlinToUtc } from '../util/berlin-time';
import { addDays } from '../domain/dates';
import { DEMO_STORY_DAY, demoShiftDays, shiftDates } from './demo-shift';

/**
 * Demo files are named <city>-….json; the city prefix picks the source they are shown under.
 * `story`: a made-up story around DEMO_STORY_DAY, loaded with its dates shifted to today and "read" on
 * its (shifted) story day. Leipzig's is a real motion of 2020: its dates are facts and stay, and when
 * it was read from the RIS is not known.
 */
export const DEMO_SOURCES: Record<string, SourceSpec & { story: boolean }> = {
  leipzig: { key: 'demo-leipzig', name: 'Leipzig (Demo)', system: 'allris3', isDemo: true, story: false },
  musterstadt: { key: 'demo-musterstadt', name: 'Musterstadt (Demo)', isDemo: true, story: true },
};

/** The record types a demo file may hold. */
export type DemoRecord = PaperRecord | MeetingRecord | AgendaItemRecord | OrganizationRecord;
export const DEMO_RECORD_TYPES: readonly DemoRecord['type'][] = ['Paper', 'Meeting', 'AgendaItem', 'Organization'];

export interface DemoEntry {
  file: string;
  /** the record's position in its file (0 for a file holding one record) */
  index: number;
  source: SourceSpec;
  record: DemoRecord;
}

export function demoFolder(): string {
  return path.join(projectRoot(), 'data', 'demo');
}

function checkRecord(value: unknown, where: string): DemoRecord {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error(`${where} is not a record (a JSON object)`);
  const r = value as { type?: unknown; format?: unknown };
  if (!(DEMO_RECORD_TYPES as readonly unknown[]).includes(r.type)) {
    throw new Error(`${where} has type ${JSON.stringify(r.type)}; a demo record is one of ${DEMO_RECORD_TYPES.join(', ')}`);
  }
  if (r.format !== 1) throw new Error(`${where} is not a format-1 record (format ${JSON.stringify(r.format)})`);
  const record = value as DemoRecord;
  // what the importer keys the record by (src/db/identity.ts): checked here, so the error can name the file
  const identified =
    record.type === 'Paper' ? paperKey(record)
      : record.type === 'Meeting' ? meetingKey(record)
        : record.type === 'Organization' ? organizationKey(record)
          : (record.sourceId ?? record.meetingSourceId);
  if (!identified) throw new Error(`${where} (${record.type}) has neither a sourceId nor what stands in for one, so it cannot be stored`);
  if (record.type === 'Meeting' && !Array.isArray(record.agendaItem)) throw new Error(`${where} (Meeting) has no agendaItem array`);
  if (record.type === 'Organization' && !Array.isArray(record.members)) throw new Error(`${where} (Organization) has no members array`);
  return record;
}

/**
 * Reads every data/demo/*.json file, in file-name order, with its source. A file holds one record
 * (a JSON object: the Paper files) or an array of records (musterstadt-gremien.json, …-sitzungen.json).
 * Throws with the file name (and the record's position) when a file is not JSON or holds something else.
 */
export function readDemoRecords(folder = demoFolder()): DemoEntry[] {
  return fs
    .readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((file) => {
      const source = DEMO_SOURCES[file.split('-')[0]];
      if (!source) throw new Error(`demo file ${file} does not start with a known city (${Object.keys(DEMO_SOURCES).join(', ')})`);
      let parsed: unknown;
      try {
        parsed = JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8'));
      } catch (err) {
        throw new Error(`demo file ${file} is not JSON: ${(err as Error).message}`);
      }
      if (!Array.isArray(parsed)) return [{ file, index: 0, source, record: checkRecord(parsed, `demo file ${file}`) }];
      if (parsed.length === 0) throw new Error(`demo file ${file} holds an empty array`);
      return parsed.map((value, index) => ({ file, index, source, record: checkRecord(value, `demo file ${file}, record ${index + 1}`) }));
    });
}

/** What loadDemo imported: the paper counts (the motions), and the counts of every entity kind. */
export interface DemoLoadResult extends ImportCounts {
  byKind: Record<EntityKind, ImportCounts>;
}

/**
 * Imports the demo data set (one transaction per demo source) and derives the states for `today`. The
 * story's dates are shifted by demoShiftDays(today), and its papers' data is as of the shifted story day.
 */
export function loadDemo(sqlite: Database.Database, now: string, today: string, folder = demoFolder(), opts: { events?: boolean } = {}): DemoLoadResult {
  const shift = demoShiftDays(today);
  const storyRead = berlinToUtc(addDays(DEMO_STORY_DAY, shift), '09:00')!.toISOString();
  const all = readDemoRecords(folder);
  const byKind = Object.fromEntries(ENTITY_KINDS.map((k) => [k, { inserted: 0, updated: 0, unchanged: 0 }])) as Record<EntityKind, ImportCounts>;
  for (const source of Object.values(DEMO_SOURCES)) {
    const entries = all.filter((d) => d.source.key === source.key);
    if (!entries.length) continue;
    let counts: Record<EntityKind, ImportCounts>;
    try {
      const records = entries.map((d) => (source.story ? shiftDates(d.record, shift) : d.record));
      counts = importRecords(sqlite, source, records, now, { readAt: source.story ? storyRead : null, events: opts.events }).byKind;
      sqlite.prepare('UPDATE sources SET demo_shift_days = ? WHERE key = ?').run(source.story ? shift : 0, source.key);
    } catch (err) {
      const files = [...new Set(entries.map((d) => d.file))];
      throw new Error(`the demo files of ${source.name} (${files.join(', ')}) could not be imported: ${(err as Error).message}`);
    }
    for (const kind of ENTITY_KINDS) {
      byKind[kind] = {
        inserted: byKind[kind].inserted + counts[kind].inserted,
        updated: byKind[kind].updated + counts[kind].updated,
        unchanged: byKind[kind].unchanged + counts[kind].unchanged,
      };
    }
  }
  refreshDerived(sqlite, today);
  return { ...byKind.Paper, byKind };
}

/**
 * When the database holds the demo story loaded with another shift than today's (a server running into a
 * new week, a later start): loads the demo again for today, over its own rows — demo sources only, never
 * a real one — in one transaction. Its records keep their identities, so every row keeps its id (links to
 * a demo motion stay valid) and only the dates change. Returns the shift it loaded with, or null when
 * nothing was to do (no demo in the database, or already today's shift).
 */
export function reloadDemoIfShifted(sqlite: Database.Database, now: string, today: string, folder = demoFolder()): number | null {
  const keys = JSON.stringify(Object.values(DEMO_SOURCES).filter((s) => s.story).map((s) => s.key));
  const shift = demoShiftDays(today);
  const stored = sqlite
    .prepare<[string], { shift: number | null }>('SELECT demo_shift_days AS shift FROM sources WHERE is_demo = 1 AND key IN (SELECT value FROM json_each(?))')
    .all(keys);
  if (!stored.length || stored.every((r) => r.shift === shift)) return null;
  const previous = stored.find((r) => r.shift !== null)?.shift ?? 0;
  sqlite.transaction(() => {
    // moving the story to a new week is no news: its events move with it, and the reload writes none
    shiftDemoEvents(sqlite, keys, shift - previous);
    // the story's "read" day moves with it, back as well (a day pinned earlier): data_as_of never moves back by itself
    sqlite.prepare('UPDATE papers SET data_as_of = NULL WHERE source_id IN (SELECT id FROM sources WHERE is_demo = 1 AND key IN (SELECT value FROM json_each(?)))').run(keys);
    loadDemo(sqlite, now, today, folder, { events: false });
  })();
  return shift;
}

/** Moves the days of the demo story's change events (the day they happened, the days in their payload) by `days`. */
function shiftDemoEvents(sqlite: Database.Database, keys: string, days: number): void {
  if (days === 0) return;
  const rows = sqlite.prepare<[string], { id: number; happenedOn: string | null; payload: string }>(`SELECT id, happened_on AS happenedOn, payload FROM paper_events
    WHERE source_id IN (SELECT id FROM sources WHERE is_demo = 1 AND key IN (SELECT value FROM json_each(?)))`).all(keys);
  const update = sqlite.prepare('UPDATE paper_events SET happened_on = ?, payload = ? WHERE id = ?');
  for (const r of rows) update.run(shiftDates(r.happenedOn, days), JSON.stringify(shiftDates(JSON.parse(r.payload) as unknown, days)), r.id);
}
