/** Rows and cells of an HTML table, as the page's tree holds them. Pure. */
import type { Element } from 'domhandler';
import { childElements } from './dom';

/** The rows of a table, looking through <thead>/<tbody>/<tfoot> where a parser added them. */
export function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of childElements(table)) {
    if (child.name === 'tr') rows.push(child);
    else if (child.name === 'tbody' || child.name === 'thead' || child.name === 'tfoot') {
      rows.push(...childElements(child).filter((r) => r.name === 'tr'));
    }
  }
  return rows;
}

/** The cells of a row (td and th). */
export function rowCells(row: Element): Element[] {
  return childElements(row).filter((c) => c.name === 'td' || c.name === 'th');
}
