/**
 * Label-based reading of the ALLRIS 3 classic vo020 head table (ALLRIS-NOTES §4.1, pitfall 3):
 * every `td.kb1` label cell starts a field, the following value cells up to the next label (or the
 * row's end) belong to it. Labels we ignore (Verfasser, Bearbeiter/-in, …) still end the previous
 * field. Label set and order differ per city, so nothing here is positional. Pure.
 */
import type { Element } from 'domhandler';
import { hasClass } from '../html/dom';
import { labelKey } from '../shared/text';
import { ROWS, textLines, textValue } from '../html/text';
import { rowCells, tableRows } from '../html/table';

export type PaperField =
  | 'name' | 'status' | 'paperType' | 'originator' | 'underDirectionOf' | 'relatedReferences' | 'date'
  | 'consultation' | 'author';

/**
 * Label → record field, in order; matched against labelKey(label) (lower case, no colon, spaces,
 * hyphens or slashes: "Bearbeiter/-in:" → "bearbeiterin"). A label no rule names is ignored.
 * Staff persons (Bearbeiter/-in, Berichterstatter/in) are deliberately not read; Verfasser is read as
 * 'author' and only its organisation entries (factions, offices) reach the record as originators.
 */
export const LABEL_RULES: readonly { name: string; pattern: RegExp; field: PaperField | null }[] = [
  { name: 'betreff', pattern: /^betreff$/, field: 'name' },
  { name: 'status', pattern: /^status$/, field: 'status' },
  { name: 'art', pattern: /^(vorlage|vorlagen|drucksache|drucksachen)art$/, field: 'paperType' },
  { name: 'einreicher', pattern: /^(einreicher|antragsteller)/, field: 'originator' },
  { name: 'federfuehrend', pattern: /^federf(ü|ue)hrend/, field: 'underDirectionOf' },
  { name: 'bezug', pattern: /^(bez(ü|ue)glich|bezug)/, field: 'relatedReferences' },
  { name: 'datum', pattern: /^(datum|vorlagedatum|drucksachedatum|datumdervorlage|erstelltam)$/, field: 'date' },
  { name: 'beratungsfolge', pattern: /^beratungsfolge$/, field: 'consultation' },
  { name: 'verfasser', pattern: /^verfasser/, field: 'author' },
  { name: 'staff', pattern: /^(bearbeiter|berichterstatter|sachbearbeiter)/, field: null },
];

export function fieldForLabel(label: string | null): PaperField | null {
  const key = labelKey(label);
  if (key === '') return null;
  for (const rule of LABEL_RULES) if (rule.pattern.test(key)) return rule.field;
  return null;
}

export interface LabelledField {
  /** The label as shown, without its colon ("Drucksache-Art"); null for an empty label cell. */
  label: string | null;
  field: PaperField | null;
  /** The value cells that follow the label up to the next label or the end of the row. */
  cells: Element[];
  /** The row the label stands in (the Beratungsfolge table is in the row after it). */
  row: Element;
}

function isLabelCell(cell: Element): boolean {
  return hasClass(cell, 'kb1');
}

/** Reads the label/value fields of the head table, in page order. */
export function readLabelledFields(table: Element): LabelledField[] {
  const fields: LabelledField[] = [];
  for (const row of tableRows(table)) {
    let current: LabelledField | null = null;
    for (const cell of rowCells(row)) {
      if (isLabelCell(cell)) {
        const shown = textValue([cell], ROWS);
        current = { label: shown ? shown.replace(/\s*:\s*$/, '') : null, field: fieldForLabel(shown), cells: [], row };
        fields.push(current);
      } else if (current) {
        current.cells.push(cell);
      }
    }
  }
  return fields;
}

/** The paper's type and lead office among labelled fields ("Vorlage-Art" / "Drucksache-Art", "Federführend": one entry per line). */
export function labelledPaperFacts(fields: readonly LabelledField[]): { paperType: string | null; underDirectionOf: string[] } {
  const type = fields.find((f) => f.field === 'paperType');
  return {
    paperType: type ? textValue(type.cells, ROWS) : null,
    underDirectionOf: fields.filter((f) => f.field === 'underDirectionOf').flatMap((f) => textLines(f.cells, ROWS)),
  };
}
