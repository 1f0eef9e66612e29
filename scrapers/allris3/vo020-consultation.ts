/**
 * The two-level Beratungsfolge of an ALLRIS 3 classic vo020 page (ALLRIS-NOTES §4.1, pitfall 4):
 * station header rows (status cell with a title, body name, role) each followed by 0..n meeting rows
 * (status, date, TO form, meeting link, result, spacer, NA/PA form). Spacer rows are skipped. Pure.
 */
import type { Element } from 'domhandler';
import type { CheerioAPI } from 'cheerio/slim';
import { LayoutChangedError } from '../errors';
import type { ConsultationMeetingRecord, ConsultationRecord } from '../records';
import { classifyResult, classifyRole, cleanResultText } from '../shared/codes';
import { parseGermanDate } from '../shared/dates';
import { cleanText } from '../shared/text';
import { rowCells, tableRows } from './vo020-labels';
import { textValue } from './vo020-text';

/** A query parameter from an href or form action ("to010.asp?topSelected=1056127" → "1056127"). */
export function urlParam(href: string | null | undefined, name: string): string | null {
  if (!href) return null;
  const m = new RegExp(`[?&]${name}=([^&#]*)`, 'i').exec(href.replace(/&amp;/gi, '&'));
  if (!m) return null;
  try {
    return cleanText(decodeURIComponent(m[1]));
  } catch {
    return cleanText(m[1]);
  }
}

function inputValue($: CheerioAPI, scope: Element, selector: string): string | null {
  return cleanText($(scope).find(selector).first().attr('value'));
}

/** Spacer rows hold only images (einpix.gif) or nothing. */
function isEmptyRow($: CheerioAPI, row: Element): boolean {
  return textValue([row]) === null && $(row).find('form, a[href]').length === 0;
}

function isMeetingRow($: CheerioAPI, cells: Element[]): boolean {
  return cells.some((c) => $(c).hasClass('text2')) || cells.length >= 5;
}

function parseMeetingRow($: CheerioAPI, row: Element, cells: Element[]): ConsultationMeetingRecord {
  const dateCell = cells.find((c) => $(c).hasClass('text2')) ?? cells[1];
  const toForm = $(row).find('form[action*="to010"]').first();
  const link = $(row)
    .find('a[href*="to010"]')
    .filter((_, a) => urlParam(a.attribs.href, 'SILFDNR') !== null)
    .first();
  const meetingSourceId =
    cleanText(toForm.find('input[name="SILFDNR"]').first().attr('value')) ?? urlParam(link.attr('href'), 'SILFDNR');
  const agendaItemSourceId =
    inputValue($, row, 'form[action*="to020"] input[name="TOLFDNR"]') ??
    urlParam(toForm.attr('action'), 'topSelected') ??
    urlParam($(row).find('a[href*="TOLFDNR="]').first().attr('href'), 'TOLFDNR');
  // The meeting name: the link text, or the plain cell after the TO cell where the meeting is not linked.
  const name = link.length ? textValue([link[0]]) : cells[3] ? textValue([cells[3]]) : null;
  const resultCell = cells.find((c) => $(c).hasClass('text3'));
  const result = cleanResultText(resultCell ? textValue([resultCell]) : null);
  return {
    date: dateCell ? parseGermanDate(textValue([dateCell])) : null,
    name,
    meetingSourceId,
    agendaItemSourceId,
    result,
    resultCode: classifyResult(result),
  };
}

function parseStationRow(cells: Element[]): ConsultationRecord {
  const role = cells[2] ? textValue([cells[2]]) : null;
  return {
    organization: cells[1] ? textValue([cells[1]]) : null,
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
export function parseConsultationTable($: CheerioAPI, table: Element, page: string | null): ConsultationRecord[] {
  const stations: ConsultationRecord[] = [];
  for (const row of tableRows(table)) {
    if (isEmptyRow($, row)) continue;
    const cells = rowCells(row);
    if (isMeetingRow($, cells)) {
      if (stations.length === 0) {
        // A meeting row before any station row: keep it under an unnamed station rather than lose it.
        stations.push({ organization: null, role: null, roleCode: null, stationStatus: cleanText(cells[0]?.attribs.title), meetings: [] });
      }
      stations[stations.length - 1].meetings.push(parseMeetingRow($, row, cells));
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
