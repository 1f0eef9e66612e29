/**
 * The change log's rows (paper_changes) as data and as German text. A row stores codes and ISO dates;
 * the German words are made here when it is shown. Pure.
 *
 * What a row holds, by field:
 *   name, statusText, stationStatus, result  the RIS's own text, as read
 *   date, meetingDate                        an ISO day ("2026-09-24")
 *   meetings                                 JSON: the station's meeting days, null for a meeting without one
 *   consultation                             JSON: the Beratungsfolge as [organization, role] pairs
 * and `context` (where in the paper): "" for the paper itself, else JSON of a ChangeWhere.
 *
 * Rows written before codes (German display text) are read back by decodeDisplayText: only when the
 * codes it finds render to exactly the text that was stored.
 */
import { formatGermanDate } from './german-format';
import { stationPathLabel } from './path-diff';

export type ChangeField = 'name' | 'date' | 'statusText' | 'consultation' | 'stationStatus' | 'meetings' | 'meetingDate' | 'result';

export const CHANGE_LABELS: Readonly<Record<ChangeField, string>> = {
  name: 'Betreff',
  date: 'Datum',
  statusText: 'Status',
  consultation: 'Beratungsfolge',
  stationStatus: 'Stand der Station',
  meetings: 'Sitzungen',
  meetingDate: 'Sitzungstermin',
  result: 'Ergebnis',
};

/** Where a change is: a station (1-based) and, in it, a meeting by number or by its day (null: none). */
export interface ChangeWhere {
  station: number;
  organization: string | null;
  role: string | null;
  meeting?: number;
  meetingDate?: string | null;
}

/** One change as paper_changes stores it (codes). */
export interface StoredChange {
  field: ChangeField;
  context: string;
  oldValue: string | null;
  newValue: string | null;
}

/** A change as the motion page shows it. */
export interface ChangeText {
  label: string;
  /** which station / meeting, "" for the paper itself */
  context: string;
  /** "–" where there was no value */
  oldValue: string;
  newValue: string;
}

export type StationPair = [organization: string | null, role: string | null];

/** A ChangeWhere as the context column stores it (keys in one order, so equal places compare equal). */
export function encodeWhere(w: ChangeWhere): string {
  const out: ChangeWhere = { station: w.station, organization: w.organization, role: w.role };
  if (w.meeting !== undefined) out.meeting = w.meeting;
  if (w.meetingDate !== undefined) out.meetingDate = w.meetingDate;
  return JSON.stringify(out);
}

const dayText = (d: string | null | undefined) => (d ? formatGermanDate(d) : 'ohne Datum');

function whereText(context: string): string {
  if (context === '') return '';
  const w = JSON.parse(context) as ChangeWhere;
  let text = `${w.station}. ${stationPathLabel(w)}`;
  if (w.meeting !== undefined) text += `, ${w.meeting}. Sitzung`;
  if (w.meetingDate !== undefined) text += `, Sitzung am ${dayText(w.meetingDate)}`;
  return text;
}

function valueText(field: ChangeField, value: string | null): string | null {
  if (value == null) return null;
  switch (field) {
    case 'date':
    case 'meetingDate':
      return formatGermanDate(value);
    case 'meetings':
      return (JSON.parse(value) as (string | null)[]).map(dayText).join(', ');
    case 'consultation':
      return (JSON.parse(value) as StationPair[]).map(([organization, role]) => stationPathLabel({ organization, role })).join(' → ');
    default:
      return value;
  }
}

/** A stored change in German. */
export function changeText(c: StoredChange): ChangeText {
  return {
    label: CHANGE_LABELS[c.field] ?? c.field,
    context: whereText(c.context),
    oldValue: valueText(c.field, c.oldValue) ?? '–',
    newValue: valueText(c.field, c.newValue) ?? '–',
  };
}

// --- reading back rows written as display text -------------------------------------------------

const GERMAN_DAY = /^(\d{2})\.(\d{2})\.(\d{4})$/;

/** "24.09.2026" → "2026-09-24"; anything else is not ours (throws). */
function isoOf(text: string): string {
  const m = GERMAN_DAY.exec(text);
  if (!m) throw new Error('not a day');
  return `${m[3]}-${m[2]}-${m[1]}`;
}

function stationOf(label: string): StationPair {
  const m = /^(.*) \(([^()]*)\)$/.exec(label);
  const [org, role] = m ? [m[1], m[2]] : [label, null];
  return [org === 'unbekanntes Gremium' ? null : org, role];
}

function whereOf(text: string): string {
  if (text === '') return '';
  const m = /^(\d+)\. (.+?)(?:, (\d+)\. Sitzung|, Sitzung am (ohne Datum|\d{2}\.\d{2}\.\d{4}))?$/.exec(text);
  if (!m) throw new Error('unrecognised context');
  const [organization, role] = stationOf(m[2]);
  const w: ChangeWhere = { station: Number(m[1]), organization, role };
  if (m[3] !== undefined) w.meeting = Number(m[3]);
  if (m[4] !== undefined) w.meetingDate = m[4] === 'ohne Datum' ? null : isoOf(m[4]);
  return encodeWhere(w);
}

function codedValue(field: ChangeField, text: string | null): string | null {
  if (text == null) return null;
  switch (field) {
    case 'date':
    case 'meetingDate':
      return isoOf(text);
    case 'meetings':
      return JSON.stringify(text.split(', ').map((d) => (d === 'ohne Datum' ? null : isoOf(d))));
    case 'consultation':
      return JSON.stringify(text.split(' → ').map(stationOf));
    default:
      return text;
  }
}

/**
 * A row written as German display text (before codes) → the same change as codes, or null when it
 * cannot be read back exactly (the row then keeps its text).
 */
export function decodeDisplayText(field: string, context: string, oldValue: string | null, newValue: string | null): StoredChange | null {
  if (!Object.hasOwn(CHANGE_LABELS, field)) return null;
  const f = field as ChangeField;
  let coded: StoredChange;
  try {
    coded = { field: f, context: whereOf(context), oldValue: codedValue(f, oldValue), newValue: codedValue(f, newValue) };
  } catch {
    return null;
  }
  const again = changeText(coded);
  const before = { label: CHANGE_LABELS[f], context, oldValue: oldValue ?? '–', newValue: newValue ?? '–' };
  return again.context === before.context && again.oldValue === before.oldValue && again.newValue === before.newValue ? coded : null;
}
