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
import type { AnyNode, Element } from 'domhandler';
import { LayoutChangedError } from '../errors';
import type { ConsultationMeetingRecord, ConsultationRecord } from '../records';
import { classifyResult, classifyRole, cleanResultText } from './codes';
import { looksLikeDate, parseDate, slashOrderOf, type DayOrder } from './dates';
import { attr, attrContains, byId, childElements, closest, findAll, findFirst, findUnder, hasAttribute, hasClass, textContent } from '../html/dom';
import { cleanText, labelKey } from './text';
import { textValue } from '../html/text';
import { param } from '../html/param';
import { sel } from '../html/selector';

interface Columns {
  status: number;
  date: number;
  body: number;
  result: number;
  na: number;
}

const DEFAULT_COLUMNS: Columns = { status: 0, date: 1, body: 2, result: 3, na: 4 };

/** Column positions from the header labels; unknown headers keep the usual position. */
function readColumns(table: Element): Columns {
  const cols = { ...DEFAULT_COLUMNS };
  const head = findUnder(table, (el) => el.name === 'thead', (el) => el.name === 'tr', 1)[0];
  const cells = head ? childElements(head).filter((c) => c.name === 'th' || c.name === 'td') : [];
  cells.forEach((cell, i) => {
    const key = labelKey(textContent(cell));
    if (hasClass(cell, 'colorCol') || key === 'status') cols.status = i;
    else if (key === 'datum' || key === 'date') cols.date = i;
    else if (/^(gremium|ausschuss|committee|body)/.test(key)) cols.body = i;
    else if (/^(beschluss|ergebnis|result|decision)/.test(key)) cols.result = i;
    else if (hasClass(cell, 'toLink') || key === 'na' || key === 'pa') cols.na = i;
  });
  return cols;
}

/** The station status as shown: `.wfcolorDesc` text, else an aria-label or title, else plain text. */
function readStatus(cell: Element | undefined): string | null {
  if (!cell) return null;
  const descEl = findFirst(cell, (el) => hasClass(el, 'wfcolorDesc'));
  const desc = cleanText(descEl ? textContent(descEl) : '');
  if (desc) return desc;
  for (const name of ['aria-label', 'title']) {
    const own = cleanText(attr(cell, name));
    if (own) return own;
    const inner = cleanText(attr(findFirst(cell, (el) => hasAttribute(el, name)), name));
    if (inner) return inner;
  }
  return cleanText(textContent(cell).replace(/[●•]/g, ''));
}

/** TOLFDNR from a link in the cell (the NA/PA link `to020?TOLFDNR=…`). */
function toLfdnr(cell: Element | undefined): string | null {
  if (!cell) return null;
  for (const a of findAll(cell, (el) => el.name === 'a' && hasAttribute(el, 'href'))) {
    const id = param(attr(a, 'href'), 'TOLFDNR');
    if (id) return id;
  }
  return null;
}

const meetingLink = (el: Element): boolean => el.name === 'a' && attrContains(el, 'href', 'to010');

function readMeeting(cells: Element[], cols: Columns, order: DayOrder | null): ConsultationMeetingRecord {
  const bodyCell = cells[cols.body] as Element | undefined;
  const resultCell = cells[cols.result] as Element | undefined;
  const link = bodyCell ? findFirst(bodyCell, meetingLink) : undefined;
  const href = attr(link, 'href') ?? null;
  const result = cleanResultText(textValue([resultCell]));
  return {
    date: parseDate(textValue([cells[cols.date]]), { order }),
    name: (link ? textValue([link]) : null) ?? textValue([bodyCell]),
    meetingSourceId: param(href, 'SILFDNR'),
    agendaItemSourceId: param(href, 'TOLFDNR') ?? toLfdnr(resultCell) ?? toLfdnr(cells[cols.na]),
    result,
    resultCode: classifyResult(result),
  };
}

/**
 * Reads `#bfTable` inside `root`. No `#bfTable` → [] (the page shows no Beratungsfolge); a `#bfTable`
 * without a single readable row → LayoutChangedError naming `page`. `root`: the `#allris` container or the document.
 */
/** The table inside `div#bfTable` (ALLRIS 4 and `_r`: `#bfTable table.bfTable`). */
const BF_INNER_TABLE = sel('Beratungsfolge table', '#bfTable table', { min: 1 });

export function readBfTable(root: AnyNode, page: string): ConsultationRecord[] {
  const bf = byId(root, 'bfTable');
  if (!bf) return [];
  const table = bf.name === 'table' ? bf : BF_INNER_TABLE.one(bf, page)!;
  const cols = readColumns(table);
  const stations: ConsultationRecord[] = [];
  let current: ConsultationRecord | null = null;
  let readable = 0;
  const rows = findAll(table, (el) => el.name === 'tr').filter((tr) => !closest(tr, (el) => el.name === 'thead'));
  const tdsOf = (tr: Element): Element[] => childElements(tr).filter((c) => c.name === 'td');
  // "10/21/2026" or "21/10/2026": the page's other dates say which number is the day (dates.ts)
  const order = slashOrderOf(rows.map((tr) => textValue([tdsOf(tr)[cols.date]])));

  for (const tr of rows) {
    const cells = tdsOf(tr);
    if (cells.length < 3) continue;
    const dateCell = cells[cols.date] as Element | undefined;
    const bodyCell = cells[cols.body] as Element | undefined;
    const isMeeting =
      (dateCell !== undefined && hasClass(dateCell, 'date')) ||
      looksLikeDate(textValue([dateCell])) ||
      (bodyCell !== undefined && findFirst(bodyCell, meetingLink) !== undefined);
    if (isMeeting) {
      if (!current) {
        // A meeting row above the first station: keep it, under a station the page does not name.
        current = { organization: null, role: null, roleCode: null, stationStatus: null, meetings: [] };
        stations.push(current);
      }
      current.meetings.push(readMeeting(cells, cols, order));
      readable++;
      continue;
    }
    const organization = textValue([bodyCell]);
    const stationStatus = readStatus(cells[cols.status]);
    if (!organization && !stationStatus) continue;
    const role = textValue([cells[cols.result]]);
    current = { organization, role, roleCode: classifyRole(role), stationStatus, meetings: [] };
    stations.push(current);
    readable++;
  }

  if (readable === 0) {
    throw new LayoutChangedError(`${page}: #bfTable has no readable station or meeting rows`, page, '#bfTable tr');
  }
  return stations;
}
