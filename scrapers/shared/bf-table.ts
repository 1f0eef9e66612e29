/**
 * The Beratungsfolge table `#bfTable table.bfTable` of ALLRIS 4 and ALLRIS 3 responsive (`_r`) vo020 pages.
 * Columns `Status | Datum | Gremium | Beschluss | NA`, TWO row kinds (ALLRIS-NOTES §4.1, pitfall 4):
 *  - a station row: status in the colour column (`span.wfcolorDesc` text, or `div[aria-label]` / `[title]`
 *    on `_r` pages), empty date, the body in "Gremium" and the role (Vorberatung, …) in "Beschluss";
 *  - 0..n meeting rows after it: date (`25.08.2026` or the English locale `Jan 29, 2026`), the meeting link
 *    `to010?SILFDNR=…&TOLFDNR=…` / `to010_r.asp?SILFDNR=…` (plain text when not public), the result, and an
 *    NA/PA link `to020?TOLFDNR=…`.
 * A meeting row never starts a station; it belongs to the station above it. Pure.
 */
import type { Cheerio, CheerioAPI } from 'cheerio/slim';
import type { AnyNode, Element } from 'domhandler';
import { LayoutChangedError } from '../errors';
import type { ConsultationMeetingRecord, ConsultationRecord } from '../records';
import { classifyResult, classifyRole, cleanResultText } from './codes';
import { parseGermanDate } from './dates';
import { cleanText, labelKey } from './text';
import { elementText, urlParam } from './head-fields';

interface Columns {
  status: number;
  date: number;
  body: number;
  result: number;
  na: number;
}

const DEFAULT_COLUMNS: Columns = { status: 0, date: 1, body: 2, result: 3, na: 4 };

/** Column positions from the header labels; unknown headers keep the usual position. */
function readColumns($: CheerioAPI, table: Cheerio<Element>): Columns {
  const cols = { ...DEFAULT_COLUMNS };
  table.find('thead tr').first().children('th, td').each((i, th) => {
    const cell = $(th);
    const key = labelKey(cell.text());
    if (cell.hasClass('colorCol') || key === 'status') cols.status = i;
    else if (key === 'datum' || key === 'date') cols.date = i;
    else if (/^(gremium|ausschuss|committee|body)/.test(key)) cols.body = i;
    else if (/^(beschluss|ergebnis|result|decision)/.test(key)) cols.result = i;
    else if (cell.hasClass('toLink') || key === 'na' || key === 'pa') cols.na = i;
  });
  return cols;
}

/** The station status as shown: `.wfcolorDesc` text, else an aria-label or title, else plain text. */
function readStatus($: CheerioAPI, cell: Cheerio<Element>): string | null {
  const desc = cleanText(cell.find('.wfcolorDesc').first().text());
  if (desc) return desc;
  for (const attr of ['aria-label', 'title']) {
    const own = cleanText(cell.attr(attr));
    if (own) return own;
    const inner = cleanText(cell.find(`[${attr}]`).first().attr(attr));
    if (inner) return inner;
  }
  return cleanText(cell.text().replace(/[●•]/g, ''));
}

function toLfdnr($: CheerioAPI, cell: Cheerio<Element>): string | null {
  for (const a of cell.find('a[href]').toArray()) {
    const id = urlParam($(a).attr('href'), 'TOLFDNR');
    if (id) return id;
  }
  return null;
}

function readMeeting($: CheerioAPI, cells: Cheerio<Element>, cols: Columns): ConsultationMeetingRecord {
  const bodyCell = cells.eq(cols.body);
  const resultCell = cells.eq(cols.result);
  const link = bodyCell.find('a[href*="to010"]').first();
  const href = link.attr('href') ?? null;
  const result = cleanResultText(elementText(resultCell));
  return {
    date: parseGermanDate(elementText(cells.eq(cols.date))),
    name: (link.length ? elementText(link) : null) ?? elementText(bodyCell),
    meetingSourceId: urlParam(href, 'SILFDNR'),
    agendaItemSourceId: urlParam(href, 'TOLFDNR') ?? toLfdnr($, resultCell) ?? toLfdnr($, cells.eq(cols.na)),
    result,
    resultCode: classifyResult(result),
  };
}

/**
 * Reads `#bfTable` inside `root`. No `#bfTable` → [] (the page shows no Beratungsfolge); a `#bfTable`
 * without a single readable row → LayoutChangedError naming `page`.
 */
export function readBfTable($: CheerioAPI, root: Cheerio<AnyNode>, page: string): ConsultationRecord[] {
  const bf = root.find('#bfTable').first();
  if (bf.length === 0) return [];
  const table = bf.is('table') ? bf : bf.find('table').first();
  if (table.length === 0) throw new LayoutChangedError(`${page}: #bfTable holds no table`, page, '#bfTable table');
  const cols = readColumns($, table);
  const stations: ConsultationRecord[] = [];
  let current: ConsultationRecord | null = null;
  let readable = 0;

  table.find('tr').each((_, tr) => {
    const row = $(tr);
    if (row.closest('thead').length) return;
    const cells = row.children('td');
    if (cells.length < 3) return;
    const dateCell = cells.eq(cols.date);
    const bodyCell = cells.eq(cols.body);
    const isMeeting =
      dateCell.hasClass('date') ||
      parseGermanDate(elementText(dateCell)) !== null ||
      bodyCell.find('a[href*="to010"]').length > 0;
    if (isMeeting) {
      if (!current) {
        // A meeting row above the first station: keep it, under a station the page does not name.
        current = { organization: null, role: null, roleCode: null, stationStatus: null, meetings: [] };
        stations.push(current);
      }
      current.meetings.push(readMeeting($, cells, cols));
      readable++;
      return;
    }
    const organization = elementText(bodyCell);
    const stationStatus = readStatus($, cells.eq(cols.status));
    if (!organization && !stationStatus) return;
    const role = elementText(cells.eq(cols.result));
    current = { organization, role, roleCode: classifyRole(role), stationStatus, meetings: [] };
    stations.push(current);
    readable++;
  });

  if (readable === 0) {
    throw new LayoutChangedError(`${page}: #bfTable has no readable station or meeting rows`, page, '#bfTable tr');
  }
  return stations;
}
