/** Finding a list table's header row by its labels, so columns are read by name, not position. Pure. */
import type { Element } from 'domhandler';
import { rowCells } from '../html/table';
import { cleanText } from './text';
import { text } from '../html/text';

/**
 * The first row of th cells whose columns (colspans expanded, each cell's label mapped by `columnOf`)
 * pass `accept`: its index and the column kind of every cell position.
 */
export function findHeaderColumns<C>(
  rows: Element[],
  columnOf: (label: string) => C,
  accept: (columns: C[]) => boolean,
): { index: number; columns: C[] } | null {
  for (let i = 0; i < rows.length; i++) {
    const cells = rowCells(rows[i]);
    if (!cells.some((c) => c.name === 'th')) continue;
    const columns: C[] = [];
    for (const c of cells) {
      const span = Math.max(1, Number(c.attribs.colspan) || 1);
      const kind = columnOf(cleanText(text(c, { visibleOnly: true })) ?? '');
      for (let s = 0; s < span; s++) columns.push(kind);
    }
    if (accept(columns)) return { index: i, columns };
  }
  return null;
}
