/**
 * The columns of a classic to010 agenda table (ALLRIS-NOTES §4.2) found by what the cells hold, for
 * releases whose header row names the columns differently or not at all (3.8.x, 3.9.0–3.9.4). Pure.
 *
 * Per grid column (colspans expanded), over all rows (cells spanning several columns, such as section
 * rows "Öffentlicher Teil", vote for nothing):
 *  - TOP: the column whose cells hold a to010 link with TOLFDNR, or read as a TOP number ("Ö 1", "N 10", "2.1");
 *  - subject: the column with the to020 links, else the one with the most plain texts longer than a number;
 *  - paper: every column right of the subject holding a vo020 link or form, or a reference ("22-1940",
 *    "VO/26/23343/D2", "DS/2026/0301").
 */
import type { Element } from 'domhandler';
import { looksLikeTopNumber } from '../shared/agenda-entry';
import { attrContains, findFirst } from '../html/dom';
import { rowCells } from '../html/table';
import { textValue } from '../html/text';

export type AgendaColumn = 'top' | 'subject' | 'paper' | 'other';

/**
 * A paper reference as ALLRIS prints it (ALLRIS-NOTES §2c): parts of letters or digits joined by "/" or "-",
 * digits among them, after an optional short prefix — "22-1940", "VO/26/23343/D2", "K 2026/0725",
 * "VII-A-00777", "26/SVV/0541", "TVO-BSV/25/61736-2", "DS-00029/14". TOP numbers ("2.1", "Ö 1") have no such join.
 */
export const REFERENCE_PATTERN = /^(?=[^\d]*\d)(?:[A-Za-zÄÖÜäöü]{1,6}[. ]{1,2})?(?:[\dA-Za-zÄÖÜäöü]{1,8}[/-]){1,5}[\dA-Za-zÄÖÜäöü]{1,8}$/;

interface Votes {
  top: number;
  link020: number;
  text: number;
  paper: number;
}

function span(cell: Element): number {
  const n = Number(cell.attribs.colspan ?? 1);
  return Number.isFinite(n) && n >= 1 ? Math.floor(n) : 1;
}

const link = (cell: Element, ...parts: string[]): boolean =>
  findFirst(cell, (el) => el.name === 'a' && parts.every((p) => attrContains(el, 'href', p))) !== undefined;
const form = (cell: Element, part: string): boolean =>
  findFirst(cell, (el) => el.name === 'form' && attrContains(el, 'action', part)) !== undefined;

function argmax(votes: Votes[], key: keyof Votes, skip: number[]): number {
  let found = -1;
  votes.forEach((v, i) => {
    if (skip.includes(i) || v[key] === 0) return;
    if (found < 0 || v[key] > votes[found][key]) found = i;
  });
  return found;
}

/** The column kinds of an agenda table's grid from its body rows; null when no column reads as TOP and subject. */
export function inferAgendaColumns(rows: Element[]): AgendaColumn[] | null {
  const votes: Votes[] = [];
  for (const row of rows) {
    const cells = rowCells(row);
    if (cells.some((c) => c.name === 'th')) continue;
    let i = 0;
    for (const cell of cells) {
      const w = span(cell);
      if (w === 1) {
        const v = (votes[i] ??= { top: 0, link020: 0, text: 0, paper: 0 });
        const t = textValue([cell]);
        const isTop = link(cell, 'to010', 'TOLFDNR=') || (t !== null && t.length <= 12 && looksLikeTopNumber(t) && !REFERENCE_PATTERN.test(t));
        if (isTop) v.top++;
        if (link(cell, 'to020')) v.link020++;
        if (link(cell, 'vo020') || form(cell, 'vo020') || (t !== null && REFERENCE_PATTERN.test(t))) v.paper++;
        else if (!isTop && t !== null && t.length > 12 && !findFirst(cell, (el) => el.name === 'form')) v.text++;
      }
      i += w;
    }
  }
  for (let i = 0; i < votes.length; i++) votes[i] ??= { top: 0, link020: 0, text: 0, paper: 0 };
  const top = argmax(votes, 'top', []);
  if (top < 0) return null;
  const byLink = argmax(votes, 'link020', [top]);
  const subject = byLink >= 0 ? byLink : argmax(votes, 'text', [top]);
  if (subject < 0) return null;
  return votes.map((v, i) => {
    if (i === top) return 'top';
    if (i === subject) return 'subject';
    return i > subject && v.paper > 0 ? 'paper' : 'other';
  });
}

/**
 * A header's columns completed from the inferred ones: a kind the header does not name at all (a TOP
 * column headed "&nbsp;") takes the inferred position, where the header left that position unnamed.
 */
export function completeColumns(header: AgendaColumn[], inferred: AgendaColumn[] | null): AgendaColumn[] {
  if (!inferred) return header;
  const out = [...header];
  for (const kind of ['top', 'subject', 'paper'] as const) {
    if (header.includes(kind)) continue;
    inferred.forEach((k, i) => {
      if (k === kind && (out[i] ?? 'other') === 'other') out[i] = kind;
    });
  }
  return out;
}
