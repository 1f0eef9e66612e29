/**
 * A writer process for the data-safety and load tests: imports batches of generated papers, one
 * transaction per batch (importRecords), through the real import path, and prints "batch <i>" after
 * each commit. Batch i is the source "batch-<i>" with exactly BATCH_SIZE papers, so a reader can tell
 * a whole batch from a part of one.
 *
 *   node --require tsx/cjs test/helpers/batch-writer.ts DB FIRST COUNT [PAUSE_MS]
 * COUNT 0 writes until killed.
 */
import type { PaperRecord } from '../../scrapers/records';
import { openDb } from '../../src/db/connection';
import { importRecords } from '../../src/db/import';

export const BATCH_SIZE = 20;

/** The papers of batch i (deterministic): each with two stations and a meeting row. */
export function batchPapers(i: number): PaperRecord[] {
  return Array.from({ length: BATCH_SIZE }, (_, j): PaperRecord => ({
    type: 'Paper', format: 1, system: 'allris3', systemVersion: '3.9.5', sourceId: `${i * 1000 + j}`,
    url: `https://ris.example/bi/vo020.asp?VOLFDNR=${i * 1000 + j}`, reference: `B${i}/${j}`,
    name: `Antrag ${i}-${j}: Radweg an der Hauptstraße und Sanierung der Grundschule`, paperType: 'Antrag', public: true,
    statusText: 'öffentlich', originator: ['Fraktion A'], underDirectionOf: ['Amt 61'], date: '2026-03-01', relatedReferences: [],
    consultation: [
      { organization: 'Bauausschuss', role: 'Vorberatung', roleCode: 'preliminary', stationStatus: 'Erledigt',
        meetings: [{ date: '2026-04-01', name: 'Sitzung des Bauausschusses', meetingSourceId: `${i}1`, agendaItemSourceId: `${i}1${j}`, result: 'beschlossen', resultCode: 'adopted' }] },
      { organization: 'Rat', role: 'Entscheidung', roleCode: 'decision', stationStatus: 'Geplant', meetings: [] },
    ],
    files: [{ name: 'Vorlage', url: null }], text: [{ heading: 'Sachverhalt', text: `Text ${i}-${j}` }],
  }));
}

export function batchSource(i: number) {
  return { key: `batch-${i}`, name: `Batch ${i}`, system: 'allris3' };
}

if (require.main === module) {
  const [db, firstText, countText, pauseText] = process.argv.slice(2);
  const first = Number(firstText);
  const count = Number(countText);
  const pause = Number(pauseText ?? 0);
  if (!db || !Number.isInteger(first) || !Number.isInteger(count)) {
    process.stderr.write('usage: batch-writer DB FIRST COUNT [PAUSE_MS]\n');
    process.exit(2);
  }
  const { sqlite } = openDb(db);
  const sleep = new Int32Array(new SharedArrayBuffer(4));
  for (let i = first; count === 0 || i < first + count; i++) {
    importRecords(sqlite, batchSource(i), batchPapers(i), '2026-09-01T10:00:00Z');
    process.stdout.write(`batch ${i}\n`);
    if (pause > 0) Atomics.wait(sleep, 0, 0, pause);
  }
  sqlite.close();
}
