/**
 * Member tables of committee and faction pages (ALLRIS 3 au020/fr020/pa020 `table.tl1`, ALLRIS 4 gr020
 * `table.dataTable`) → OrganizationMember[]. Label-based (DESIGN.md habit 3): the columns are found by
 * their header text, never by position. Pure.
 *
 * Kept out of a record (CONTRACTS.md record rules, ALLRIS-NOTES pitfall 10):
 * - rows whose name cell is empty (the person hid the name: ALLRIS still links the kp020 page);
 * - placeholders for a vacant seat ("N. N.");
 * - administration staff listed with the committee (Art der Mitarbeit "Verwaltung": Hamburg-Mitte
 *   Jugendhilfeausschuss) — staff names never go into a record.
 */
import type { AnyNode, Element } from 'domhandler';
import type { OrganizationMember } from '../records';
import { rowCells, tableRows } from '../html/table';
import { findAll, textContent } from '../html/dom';
import { cleanText, labelKey } from './text';

export type MemberColumn = 'name' | 'role' | 'group' | 'function';

/**
 * Header text → column, matched against labelKey(header) ("Art der Mitarbeit" → "artdermitarbeit").
 * "Funktion" is ambiguous: ALLRIS 3 au020/fr020 print the faction under it (Hamburg), so it is the
 * group unless the table also has a faction column; then it is the role if none was found.
 */
export const COLUMN_RULES: readonly { pattern: RegExp; column: MemberColumn }[] = [
  { pattern: /^(name|mitglied|person|vornamename|namevorname)$/, column: 'name' },
  { pattern: /^(artdermitarbeit|mitarbeit|mitgliedsart|artdermitgliedschaft|rolle)$/, column: 'role' },
  { pattern: /^(fraktion|funktionfraktion|fraktionfunktion|fraktiongruppe|partei|parteifraktion|gruppe)$/, column: 'group' },
  { pattern: /^funktion$/, column: 'function' },
];

/** Roles (Art der Mitarbeit) that mark administration staff, not members; matched against labelKey(role). */
export const STAFF_ROLES: readonly RegExp[] = [/^verwaltung$/, /^(schrift|protokoll)f(ü|ue)hr/];

/** Names that stand for a vacant seat, not a person; matched against the name without dots and spaces. */
const VACANT = /^(nn|nomennescio|unbesetzt|vakant)$/i;

export interface MemberColumns {
  name: number;
  role: number | null;
  group: number | null;
}

/** Which column holds what, from the header texts (one entry per grid column); null without a Name column. */
export function memberColumns(headers: (string | null)[]): MemberColumns | null {
  const found: Partial<Record<MemberColumn, number>> = {};
  headers.forEach((h, i) => {
    const key = labelKey(h);
    if (key === '') return;
    const rule = COLUMN_RULES.find((r) => r.pattern.test(key));
    if (rule && found[rule.column] === undefined) found[rule.column] = i;
  });
  if (found.name === undefined) return null;
  let role = found.role ?? null;
  let group = found.group ?? null;
  if (found.function !== undefined) {
    if (group === null) group = found.function;
    else if (role === null) role = found.function;
  }
  return { name: found.name, role, group };
}

/** One member, or null for a hidden name, a vacant seat or administration staff. */
export function toMember(name: string | null, role: string | null, group: string | null): OrganizationMember | null {
  if (!name || VACANT.test(name.replace(/[.\s]/g, ''))) return null;
  const roleKey = labelKey(role);
  if (STAFF_ROLES.some((re) => re.test(roleKey))) return null;
  return { name, role, group };
}

function colspan(cell: Element): number {
  const n = Number.parseInt(cell.attribs.colspan ?? '1', 10);
  return Number.isFinite(n) && n > 0 ? n : 1;
}

/** A header row: th cells (or the thead's cells), spread over the grid columns they span. */
function headerTexts(cells: Element[]): (string | null)[] {
  const out: (string | null)[] = [];
  for (const cell of cells) {
    const text = cleanText(textContent(cell));
    for (let k = 0; k < colspan(cell); k++) out.push(k === 0 ? text : null);
  }
  return out;
}

function inThead(row: Element): boolean {
  const parent = row.parent as Element | null;
  return parent?.type === 'tag' && parent.name === 'thead';
}

export interface MemberTable {
  table: Element;
  columns: MemberColumns;
  /** grid width of the header */
  width: number;
  /** the rows after the header row */
  rows: Element[];
}

/** The first table under `root` (passing `accept`, e.g. `table.tl1`) with a header row that names a Name column; null if there is none. */
export function findMemberTable(root: AnyNode, accept: (table: Element) => boolean = () => true): MemberTable | null {
  for (const table of findAll(root, (el) => el.name === 'table' && accept(el))) {
    const rows = tableRows(table);
    for (let i = 0; i < rows.length; i++) {
      const cells = rowCells(rows[i]);
      if (cells.length === 0 || !(cells.every((c) => c.name === 'th') || inThead(rows[i]))) continue;
      const headers = headerTexts(cells);
      const columns = memberColumns(headers);
      if (columns) return { table, columns, width: headers.length, rows: rows.slice(i + 1) };
    }
  }
  return null;
}

/**
 * The members of a table found by findMemberTable, in page order. Member rows have one plain cell per
 * grid column, or more where a release adds unnamed cells after them (the name cell may be a
 * `th scope="row"`); separator rows (`<hr>`, spacer images, section rows with colspan) and repeated
 * header rows are skipped.
 */
export function readMembers(found: MemberTable): OrganizationMember[] {
  const members: OrganizationMember[] = [];
  const cellText = (cells: Element[], i: number | null) => (i === null ? null : cleanText(textContent(cells[i])));
  for (const row of found.rows) {
    const cells = rowCells(row);
    // fewer cells than the header: a separator or section row; more: a column the header does not name
    // (a release's icon or spacer column at the end) — the named columns stand where the header puts them
    if (cells.length < found.width || cells.some((c) => colspan(c) > 1)) continue;
    if (cells.every((c) => c.name === 'th')) continue; // a repeated header row
    const m = toMember(cellText(cells, found.columns.name), cellText(cells, found.columns.role), cellText(cells, found.columns.group));
    if (m) members.push(m);
  }
  return members;
}
