/**
 * Field size caps, applied to every record right after parsing (scrapers/parse.ts parsePageWithCaps):
 * a hostile or broken page cannot make a record that costs the database, the server or a feed more
 * than these limits. What is cut is reported (CapNote), never silently stored whole. Pure.
 *
 * The limits are far above anything in the recorded corpus (longest title 399 characters, longest
 * text section 8,046, most stations 6, most meeting rows of a station 22, longest agenda 33 items,
 * most members 53, longest list page 50 items); they are documented in the README (Reliability).
 */
import type { RisRecord } from '../records';

/** Any text field (title, reference, committee, result, URL …). */
export const MAX_FIELD_CHARS = 2_000;
/** The body of one text section (Beschlussvorschlag, Begründung …) and a vote's text. */
export const MAX_TEXT_CHARS = 200_000;
/** Stations of one Beratungsfolge. */
export const MAX_STATIONS = 100;
/** Meeting rows of one station. */
export const MAX_STATION_MEETINGS = 100;
/** Agenda items of one meeting. */
export const MAX_AGENDA_ITEMS = 1_000;
/** Items of a list page (vo040, OParl lists) and meetings of a calendar page. */
export const MAX_LIST_ITEMS = 1_000;
/** Members of a committee or faction. */
export const MAX_MEMBERS = 1_000;
/** Files of a paper. */
export const MAX_FILES = 500;
/** Text sections of a paper or agenda item. */
export const MAX_TEXT_SECTIONS = 100;
/** Any other list (originators, related references, bodies, programs …). */
export const MAX_OTHER_ITEMS = 100;

/** One cut: where (a path in the record), how much there was and how much is kept. */
export interface CapNote {
  path: string;
  unit: 'characters' | 'items';
  from: number;
  to: number;
}

/** At most this many notes per record (a 2,000-row agenda of long names gives one note per row otherwise). */
const MAX_NOTES = 20;

const ARRAY_LIMITS: Record<string, number> = {
  consultation: MAX_STATIONS,
  agendaItem: MAX_AGENDA_ITEMS,
  items: MAX_LIST_ITEMS,
  members: MAX_MEMBERS,
  files: MAX_FILES,
  auxiliaryFile: MAX_FILES,
};

function arrayLimit(key: string, parent: Record<string, unknown>): number {
  if (key === 'meetings') return parent.type === 'MeetingList' ? MAX_LIST_ITEMS : MAX_STATION_MEETINGS;
  if (key === 'text' && !('heading' in parent)) return MAX_TEXT_SECTIONS;
  return ARRAY_LIMITS[key] ?? MAX_OTHER_ITEMS;
}

/** A text section's body and a vote's text may be long; every other string is a field. */
function stringLimit(key: string, parent: Record<string, unknown>): number {
  return key === 'text' && ('heading' in parent || 'yes' in parent) ? MAX_TEXT_CHARS : MAX_FIELD_CHARS;
}

/** The first `max` characters, not ending inside a surrogate pair, with "…" marking the cut. */
function cutString(text: string, max: number): string {
  const end = /[\uD800-\uDBFF]/.test(text[max - 2] ?? '') ? max - 2 : max - 1;
  return `${text.slice(0, end)}…`;
}

interface Walk {
  notes: CapNote[];
  dropped: number;
}

function note(w: Walk, n: CapNote): void {
  if (w.notes.length < MAX_NOTES) w.notes.push(n);
  else w.dropped++;
}

function capObject(obj: Record<string, unknown>, path: string, w: Walk, depth: number): void {
  if (depth > 64) return; // records are shallow; a List of records nests a few levels at most
  for (const key of Object.keys(obj)) {
    const v = obj[key];
    const at = path ? `${path}.${key}` : key;
    if (typeof v === 'string') {
      const max = stringLimit(key, obj);
      if (v.length > max) {
        obj[key] = cutString(v, max);
        note(w, { path: at, unit: 'characters', from: v.length, to: max });
      }
    } else if (Array.isArray(v)) {
      const max = arrayLimit(key, obj);
      if (v.length > max) {
        note(w, { path: at, unit: 'items', from: v.length, to: max });
        v.length = max;
      }
      v.forEach((x, i) => {
        if (typeof x === 'string') {
          if (x.length > MAX_FIELD_CHARS) {
            v[i] = cutString(x, MAX_FIELD_CHARS);
            note(w, { path: `${at}[${i}]`, unit: 'characters', from: x.length, to: MAX_FIELD_CHARS });
          }
        } else if (x && typeof x === 'object') capObject(x as Record<string, unknown>, `${at}[${i}]`, w, depth + 1);
      });
    } else if (v && typeof v === 'object') {
      capObject(v as Record<string, unknown>, at, w, depth + 1);
    }
  }
}

/** What capRecord cut: the first 20 cuts, and how many more there were. */
export interface Caps {
  notes: CapNote[];
  more: number;
}

/** Cuts every field of a freshly parsed record to the limits above, in place, and returns what was cut (nothing for every real page seen so far). */
export function capRecord(record: RisRecord): Caps {
  const w: Walk = { notes: [], dropped: 0 };
  capObject(record as unknown as Record<string, unknown>, '', w, 0);
  return { notes: w.notes, more: w.dropped };
}

/** "name: 5242880 → 2000 characters; consultation: 1200 → 100 items", or "" when nothing was cut. */
export function describeCaps(caps: Caps): string {
  const parts = caps.notes.map((n) => `${n.path}: ${n.from} → ${n.to} ${n.unit}`);
  if (caps.more > 0) parts.push(`${caps.more} more`);
  return parts.join('; ');
}
