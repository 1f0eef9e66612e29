/**
 * Section 5 (memory of the import), in a child process of its own (forked by bench/memory-import.ts):
 * records through the real import path (importRecords, one call per batch the parent sends) into a
 * fresh database, then refreshDerived; reports its peak RSS (VmHWM). The parent generates the motions
 * and hands them over batch by batch, as a crawler hands over what it parsed, so that what is measured
 * is the importer, not the generator holding a whole city. After every batch the child reports its
 * progress (that is also the parent's signal to send more), so that the parent can stop it in the
 * middle of a slow batch and still know its peak RSS so far.
 */
import { openDb } from '../src/db/connection';
import { refreshDerived } from '../src/db/derive';
import { importRecords, type SourceSpec } from '../src/db/import';
import type { RisRecord } from '../scrapers/records';
import { memoryOfSelf } from './memory';

export interface ImportChildResult {
  type: 'done' | 'progress';
  motionsPlanned: number;
  motionsImported: number;
  records: number;
  seconds: number;
  deriveSeconds: number;
  complete: boolean;
  peakMb: number;
}

/** What the parent sends: a batch to import, or the end (complete: every planned motion was sent). */
export type ImportChildMessage =
  | { type: 'batch'; source: SourceSpec; records: RisRecord[] }
  | { type: 'end'; complete: boolean };

const [file, motionsText, today] = process.argv.slice(2);
if (!process.send || !file) {
  process.stderr.write('usage: forked by bench/memory-import.ts\n');
  process.exit(2);
}

const motions = Number(motionsText);
const now = `${today}T00:00:00Z`;
const { sqlite, close } = openDb(file);
const t0 = process.hrtime.bigint();
const elapsed = () => Number(process.hrtime.bigint() - t0) / 1e9;
let imported = 0;
let records = 0;

process.on('message', (m: ImportChildMessage) => {
  if (m.type === 'batch') {
    importRecords(sqlite, m.source, m.records, now);
    records += m.records.length;
    for (const r of m.records) if (r.type === 'Paper') imported++;
    process.send!(report('progress', false, 0));
    return;
  }
  const importSeconds = elapsed();
  const d0 = process.hrtime.bigint();
  refreshDerived(sqlite, today);
  const deriveSeconds = Number(process.hrtime.bigint() - d0) / 1e9;
  close();
  process.send!(report('done', m.complete, deriveSeconds, importSeconds), () => process.exit(0));
});

function report(type: ImportChildResult['type'], done: boolean, deriveSeconds: number, seconds = elapsed()): ImportChildResult {
  return {
    type, motionsPlanned: motions, motionsImported: imported, records, seconds, deriveSeconds, complete: done,
    peakMb: memoryOfSelf().peakMb,
  };
}
