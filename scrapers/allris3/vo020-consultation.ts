/**
 * The two-level Beratungsfolge of an ALLRIS 3 classic vo020 page (ALLRIS-NOTES §4.1, pitfall 4):
 * station header rows (status cell with a title, body name, role) each followed by 0..n meeting rows
 * (status, date, TO form, meeting link, result, spacer, NA/PA form). Spacer rows are skipped. Pure.
 */
import type { Element } from 'domhandler';
import { attr, attrContains, attrValue, findAll, findFirst, findUnder, hasAttribute, hasClass } from '../html/dom';
import { LayoutChangedError } from '../errors';
import type { ConsultationMeetingRecord, ConsultationRecord } from '../records';
import { classifyResult, classifyRole, cleanResultText } from '../shared/codes';
import { parseDate, slashOrderOf, type DayOrder } from '../shared/dates';
import { cleanText } from '../shared/text';
import { rowCells, tableRows } from '../html/table';
import { ROWS, textValue } from '../html/text';
import { param } from '../html/param';

const isForm = (el: Element, part: string): boolean => el.name === 'form' && attrContains(el, 'action', part);
const isInput = (el: Element, name: string): boolean => el.name === 'input' && attrValue(el, 'name') === name;

/** Spacer rows hold only images (einpix.gif) or nothing. */
function isEmptyRow(row: Element): boolean {
  return textValue([row], ROWS) === null && !findFirst(row, (el) => el.name === 'form' || (el.name === 'a' && hasAttribute(el, 'href')));
}

function isMeetingRow(cells: Element[]): boolean {
  return cells.some((c) => hasClass(c, 'text2')) || cells.length >= 5;
}

function parseMeetingRow(row: Element, cells: Element[], order: DayOrder | null): ConsultationMeetingRecord {
  const dateCell = cells.find((c) => hasClass(c, 'text2')) ?? cells[1];
  const toForm = findFirst(row, (el) => isForm(el, 'to010'));
  const link = findAll(row, (el) => el.name === 'a' && attrContains(el, 'href', 'to010')).find(
    (a) => param(a.attribs.href, 'SILFDNR', { value: 'text' }) !== null,
  );
  const meetingSourceId =
    cleanText(attr(toForm ? findFirst(toForm, (el) => isInput(el, 'SILFDNR')) : undefined, 'value')) ?? param(attr(link, 'href'), 'SILFDNR', { value: 'text' });
  const agendaItemSourceId =
    cleanText(attr(findUnder(row, (el) => isForm(el, 'to020'), (el) => isInput(el, 'TOLFDNR'), 1)[0], 'value')) ??
    param(attr(toForm, 'action'), 'topSelected', { value: 'text' }) ??
    param(attr(findFirst(row, (el) => el.name === 'a' && attrContains(el, 'href', 'TOLFDNR=')), 'href'), 'TOLFDNR', { value: 'text' });
  // The meeting name: the link text, or the plain cell after the TO cell where the meeting is not linked.
  const name = link ? textValue([link], ROWS) : cells[3] ? textValue([cells[3]], ROWS) : null;
  const resultCell = cells.find((c) => hasClass(c, 'text3'));
  const result = cleanResultText(resultCell ? textValue([resultCell], ROWS) : null);
  return {
    date: dateCell ? parseDate(textValue([dateCell], ROWS), { order }) : null,
    name,
    meetingSourceId,
    agendaItemSourceId,
    result,
    resultCode: classifyResult(result),
  };
}

function parseStationRow(cells: Element[]): ConsultationRecord {
  const role = cells[2] ? textValue([cells[2]], ROWS) : null;
  return {
    organization: cells[1] ? textValue([cells[1]], ROWS) : null,
    role,
    roleCode: classifyRole(role),
    stationStatus: cleanText(cells[0]?.attribs.title),
    meetings: [],
  };
}

/**
 * Reads the Beratungsfolge table. A row with text that is neither a station nor a meeting row means
 * the layout changed: LayoutChangedError naming the page and the row.
 */
export function parseConsultationTable(table: Element, page: string | null): ConsultationRecord[] {
  const stations: ConsultationRecord[] = [];
  // "10/21/2026" or "21/10/2026": the table's other dates say which number is the day (dates.ts)
  const order = slashOrderOf(tableRows(table).flatMap((r) => rowCells(r).filter((c) => hasClass(c, 'text2')).map((c) => textValue([c], ROWS))));
  for (const row of tableRows(table)) {
    if (isEmptyRow(row)) continue;
    const cells = rowCells(row);
    if (isMeetingRow(cells)) {
      if (stations.length === 0) {
        // A meeting row before any station row: keep it under an unnamed station rather than lose it.
        stations.push({ organization: null, role: null, roleCode: null, stationStatus: cleanText(cells[0]?.attribs.title), meetings: [] });
      }
      stations[stations.length - 1].meetings.push(parseMeetingRow(row, cells, order));
    } else if (cells.length >= 2 && cells.length <= 4) {
      stations.push(parseStationRow(cells));
    } else {
      throw new LayoutChangedError(
        `vo020 ${page ?? '(no url)'}: a Beratungsfolge row is neither a station nor a meeting row (${cells.length} cells)`,
        page,
        'td.kb1 "Beratungsfolge:" + tr table > tr.zl12',
      );
    }
  }
  return stations;
}
