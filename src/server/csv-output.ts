/**
 * CSV downloads (csv-stringify): UTF-8 with BOM and ";" as separator, so that spreadsheet programs
 * set to German open them directly. Every cell that a spreadsheet could read as a formula (starting
 * with =, +, -, @, a tab or a carriage return) is prefixed with ' (CSV / formula injection); bidi
 * formatting and control characters are dropped (text-safety.ts).
 */
import type { Response } from 'express';
import { stringify } from 'csv-stringify/sync';
import { neutraliseText } from './text-safety';

export type CsvValue = string | number | boolean | null | undefined;

/** One cell, neutralised: never a formula, never a control character a spreadsheet would act on. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = neutraliseText(String(value));
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function toCsv(header: string[], rows: CsvValue[][]): string {
  return '\uFEFF' + stringify([header, ...rows.map((r) => r.map(csvCell))], { delimiter: ';', record_delimiter: '\r\n', quoted_match: /[\s;"]/ });
}

/** Sends a CSV download named `filename` (ASCII letters, digits, - and . only). */
export function sendCsv(res: Response, filename: string, header: string[], rows: CsvValue[][]): void {
  res.setHeader('Content-Disposition', `attachment; filename="${filename.replace(/[^A-Za-z0-9.-]/g, '-')}"`);
  res.type('text/csv; charset=utf-8').send(toCsv(header, rows));
}
