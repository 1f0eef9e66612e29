/**
 * The columns of a classic month calendar table (ALLRIS 3 si010 / si010_e / si010_j, ALLRIS-NOTES §4.4)
 * found by what the cells hold, for releases whose header row names the columns differently or not at
 * all (3.8.x, 3.9.0–3.9.4). Pure.
 *
 * Per grid column (colspans expanded), over all rows: a column whose cells hold a weekday ("Mi", "Wed"),
 * a day number ("&nbsp;&nbsp;4") or a full date ("Mi, 21.10.2026") is a date column; the column whose cells start with a time
 * ("18:00 - 20:00") is the time; the column with the meeting links (`to010…SILFDNR=`) is the meeting,
 * else the first column after the time whose cells hold plain text; a column after the meeting that
 * holds plain text (no form, no link) or is marked `td.text4` is the room. Cells spanning several
 * columns (holiday texts, empty days) vote for nothing.
 */
import type { Element } from 'domhandler';
import { rowCells } from '../html/table';
import { dayNumber, parseCalendarTime } from './calendar';
import { dateOnly } from './dates';
import { attrContains, findFirst, hasClass } from '../html/dom';
import { cleanText, labelKey } from './text';
import { text } from '../html/text';

export type CalendarColumn = 'datum' | 'uhrzeit' | 'sitzung' | 'raum' | null;

/** Header label → column, kept as data: the labels seen across releases ("Tag", "Beginn", "Gremium", "Sitzungsort"). */
export const CALENDAR_LABEL_RULES: readonly { column: Exclude<CalendarColumn, null>; pattern: RegExp }[] = [
  { column: 'datum', pattern: /^(datum|tag$|wochentag|sitzungstag$|sitzungsdatum|date$|day$)/ },
  { column: 'uhrzeit', pattern: /^(uhrzeit|zeit$|beginn|sitzungsbeginn|vonbis|time$|start$)/ },
  { column: 'raum', pattern: /^(raum|ort$|sitzungsort|sitzungsraum|tagungsort|room$|location$)/ },
  { column: 'sitzung', pattern: /^(sitzung|gremium|termin$|bezeichnung|veranstaltung|meeting$|name$)/ },
];

export function calendarColumnOf(label: string): CalendarColumn {
  const k = labelKey(label);
  if (k === '') return null;
  return CALENDAR_LABEL_RULES.find((r) => r.pattern.test(k))?.column ?? null;
}

const WEEKDAY = /^(mo|di|mi|do|fr|sa|so|mon|tue|wed|thu|fri|sat|sun)\.?,?$/i;

function span(cell: Element): number {
  const n = Number(cell.attribs.colspan ?? 1);
  return Number.isFinite(n) && n >= 1 ? Math.floor(n) : 1;
}

interface Votes {
  day: number;
  time: number;
  link: number;
  text: number;
  text4: number;
  form: number;
}

const isMeetingLink = (el: Element): boolean => el.name === 'a' && attrContains(el, 'href', 'to010') && attrContains(el, 'href', 'SILFDNR=');
const isForm = (el: Element): boolean => el.name === 'form' || el.name === 'input';

/** The column kinds of a calendar table's grid from its rows' contents; null when no column holds meetings. */
export function inferCalendarColumns(rows: Element[]): CalendarColumn[] | null {
  const votes: Votes[] = [];
  const at = (i: number): Votes => (votes[i] ??= { day: 0, time: 0, link: 0, text: 0, text4: 0, form: 0 });
  for (const row of rows) {
    let i = 0;
    for (const cell of rowCells(row)) {
      const w = span(cell);
      if (w === 1 && cell.name === 'td') {
        const v = at(i);
        const t = cleanText(text(cell, { visibleOnly: true, separator: ' ' }));
        if (t && (WEEKDAY.test(t) || dayNumber(t) !== null || dateOnly(t) !== null)) v.day++;
        else if (parseCalendarTime(t).start) v.time++;
        if (findFirst(cell, isMeetingLink)) v.link++;
        else if (findFirst(cell, isForm)) v.form++;
        else if (t && !WEEKDAY.test(t) && dayNumber(t) === null && dateOnly(t) === null && !parseCalendarTime(t).start) v.text++;
        if (hasClass(cell, 'text4')) v.text4++;
      }
      i += w;
    }
  }
  const n = votes.length;
  const columns: CalendarColumn[] = Array.from({ length: n }, () => null);
  const best = (key: keyof Votes, from = 0): number => {
    let found = -1;
    for (let i = from; i < n; i++) if ((votes[i]?.[key] ?? 0) > 0 && (found < 0 || votes[i][key] > votes[found][key])) found = i;
    return found;
  };
  const time = best('time');
  const meetingByLink = best('link');
  const meeting = meetingByLink >= 0 ? meetingByLink : best('text', time + 1);
  if (meeting < 0) return null;
  columns[meeting] = 'sitzung';
  if (time >= 0 && time !== meeting) columns[time] = 'uhrzeit';
  const dateEnd = time >= 0 ? Math.min(time, meeting) : meeting;
  for (let i = 0; i < dateEnd; i++) if ((votes[i]?.day ?? 0) > 0 && (votes[i].day >= (votes[i].text ?? 0))) columns[i] = 'datum';
  for (let i = n - 1; i > meeting; i--) {
    const v = votes[i];
    if (v && (v.text4 > 0 || (v.text > 0 && v.link === 0 && v.form === 0))) {
      columns[i] = 'raum';
      break;
    }
  }
  return columns.includes('datum') ? columns : null;
}
