/**
 * What changed about a motion, as change events: its facts before and after an import compared.
 * Pure (today is a parameter); table-tested in test/domain/derive-events.test.ts.
 *
 * - No facts before: one "new" event, nothing else (a first import is one "neu erfasst" per motion).
 * - Stations are matched by committee, role and occurrence; their meeting rows by the RIS's meeting id,
 *   else by position (a row whose meeting id and date changed is the same row moved). A station that is new gives "station_added" (and its rows' dates and results);
 *   stations gone or reordered give one "consultation_changed".
 * - A row's date appearing is "date_set", changing is "date_moved"; a result code other than "open"
 *   that was not there is "result"; a station status that changed is "state"; a file not there before
 *   is "document".
 * - History is not news: an event about a meeting day more than HISTORY_DAYS before today is dropped
 *   (a crawl that reaches old pages of a known motion learns history, not changes).
 */
import type { ConsultationRecord, FileRef } from '../../scrapers/records';
import type { ResultCode } from '../../scrapers/shared/codes';
import { addDays } from './dates';
import { documentIdentities } from './document-identity';
import type { EventDraft, EventVote, StationStatusCode } from './paper-event';

export const HISTORY_DAYS = 60;

/** What events are derived from: the parts of a paper record that changes are read in. */
export interface EventFacts {
  date: string | null;
  consultation: Pick<ConsultationRecord, 'organization' | 'roleCode' | 'stationStatus' | 'meetings'>[];
  files: FileRef[];
}

export function toStatusCode(status: string | null | undefined): StationStatusCode {
  if (!status) return 'none';
  const s = status.trim().toLowerCase();
  return s === 'erledigt' ? 'done' : s === 'geplant' ? 'planned' : s === 'bereit' ? 'ready' : s === 'gestoppt' ? 'stopped' : 'other';
}

type Station = EventFacts['consultation'][number];
type Row = Station['meetings'][number];

/** "Hauptausschuss|preliminary|0": a station's identity (its committee, role and how many times the pair came before). */
function stationKeys(stations: Station[]): string[] {
  const seen = new Map<string, number>();
  return stations.map((s) => {
    const base = `${s.organization ?? ''}|${s.roleCode ?? ''}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return `${base}|${n}`;
  });
}

/**
 * A meeting row's identity inside its paper: its station and its position there ("Rat|decision|0|0"). A
 * row keeps it when its date moves, even to another meeting of the RIS (a calendar event keeps its UID).
 */
export function rowIdentity(stationKey: string, position: number): string {
  return `${stationKey}|${position}`;
}

/** The identities of every meeting row of a Beratungsfolge, station by station. */
export function rowIdentities(consultation: EventFacts['consultation']): string[][] {
  const keys = stationKeys(consultation);
  return consultation.map((s, i) => s.meetings.map((_, j) => rowIdentity(keys[i], j)));
}

/** The rows of a station before, matched to the rows after: by meeting id, then by position. */
function matchRows(before: Row[], after: Row[]): (Row | null)[] {
  const used = new Set<number>();
  const out: (Row | null)[] = after.map((r) => {
    if (!r.meetingSourceId) return null;
    const i = before.findIndex((b, k) => !used.has(k) && b.meetingSourceId === r.meetingSourceId);
    if (i < 0) return null;
    used.add(i);
    return before[i];
  });
  after.forEach((_row, j) => {
    if (out[j] || used.has(j) || j >= before.length) return;
    used.add(j);
    out[j] = before[j];
  });
  return out;
}

const isResult = (code: ResultCode | null | undefined) => code != null && code !== 'open';

/** The vote on a meeting row's agenda item, where it is known (the caller looks it up). */
export type VoteOf = (row: Row) => EventVote | null;

/**
 * "date_moved" of a meeting row (its identity `rowId`) from one day to another: the same event, and key,
 * whether the motion's page lists the new day or the meeting the row is linked to moved (src/db/write-events.ts).
 */
export function dateMovedEvent(station: Pick<Station, 'organization' | 'roleCode'>, rowId: string, from: string, to: string): EventDraft {
  return {
    kind: 'date_moved', key: `date_moved|${rowId}|${from}|${to}`, happenedOn: to, committee: station.organization,
    payload: { role: station.roleCode, row: rowId, from, to },
  };
}

function rowEvents(station: Station, key: string, row: Row, position: number, before: Row | null, out: EventDraft[], voteOf?: VoteOf): void {
  const id = rowIdentity(key, position);
  const base = { committee: station.organization, payload: { role: station.roleCode, row: id } };
  if (row.date && !before?.date) {
    out.push({ ...base, kind: 'date_set', key: `date_set|${id}|${row.date}`, happenedOn: row.date, payload: { ...base.payload, date: row.date } });
  } else if (row.date && before?.date && row.date !== before.date) {
    out.push(dateMovedEvent(station, id, before.date, row.date));
  }
  if (isResult(row.resultCode) && row.resultCode !== before?.resultCode) {
    out.push({ ...base, kind: 'result', key: `result|${id}|${row.date ?? ''}|${row.resultCode}`, happenedOn: row.date, payload: { ...base.payload, date: row.date, result: row.resultCode, vote: voteOf?.(row) ?? null } });
  }
}

/**
 * The stations before, each whose committee was not known named as the station at its place after is, where
 * that one has the same role (`sameRole`) and a name (an OParl station named by its Organization's URL only,
 * named once that Organization was read): learning a name is no change of the Beratungsfolge (the change
 * events here, the change log in src/db/history.ts).
 */
export function namedSince<S extends { organization: string | null }>(before: S[], after: readonly S[], sameRole: (b: S, a: S) => boolean): S[] {
  return before.map((b, i) => {
    const a = after[i];
    return b.organization == null && a?.organization != null && sameRole(b, a) ? { ...b, organization: a.organization } : b;
  });
}

/** The events between two states of one motion (`before` null: it is new). */
export function deriveEvents(before: EventFacts | null, after: EventFacts, today: string, voteOf?: VoteOf): EventDraft[] {
  if (!before) return [{ kind: 'new', key: 'new', happenedOn: after.date, committee: null, payload: { date: after.date } }];
  const out: EventDraft[] = [];
  const beforeKeys = stationKeys(namedSince(before.consultation, after.consultation, (b, a) => b.roleCode === a.roleCode));
  const afterKeys = stationKeys(after.consultation);
  const beforeIndex = new Map(beforeKeys.map((k, i) => [k, i]));
  const matched: number[] = [];
  after.consultation.forEach((s, i) => {
    const k = afterKeys[i];
    const bi = beforeIndex.get(k);
    const b = bi === undefined ? null : before.consultation[bi];
    if (bi === undefined || !b) {
      out.push({ kind: 'station_added', key: `station|${k}`, happenedOn: null, committee: s.organization, payload: { role: s.roleCode } });
    } else {
      matched.push(bi);
      const status = toStatusCode(s.stationStatus);
      const previous = toStatusCode(b.stationStatus);
      if (status !== previous && status !== 'none') {
        out.push({ kind: 'state', key: `state|${k}|${status}`, happenedOn: null, committee: s.organization, payload: { role: s.roleCode, status, previousStatus: previous } });
      }
    }
    const rows = matchRows(b?.meetings ?? [], s.meetings);
    s.meetings.forEach((row, j) => {
      rowEvents(s, k, row, j, rows[j], out, voteOf);
    });
  });
  const reordered = matched.some((v, i) => i > 0 && v < matched[i - 1]);
  if (matched.length < before.consultation.length || reordered) {
    out.push({
      kind: 'consultation_changed', key: `consultation|${afterKeys.join('>')}`, happenedOn: null, committee: null,
      payload: { stations: after.consultation.length, previousStations: before.consultation.length },
    });
  }
  // a document by name and address, by name alone where ALLRIS 4 makes the address anew per page version
  const had = new Set(documentIdentities(before.files));
  documentIdentities(after.files).forEach((k, i) => {
    if (!had.has(k)) out.push({ kind: 'document', key: `document|${k}`, happenedOn: null, committee: null, payload: { file: after.files[i].name } });
  });
  const oldest = addDays(today, -HISTORY_DAYS);
  return out.filter((e) => !e.happenedOn || !/^\d{4}-\d{2}-\d{2}$/.test(today) || e.happenedOn >= oldest);
}
