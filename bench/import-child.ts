/**
 * Section 5 (memory of the import), in a child process of its own (forked by bench/memory-import.ts):
 * generated motions through the real import path (importRecords in batches, one city in memory at a
 * time, then refreshDerived) into a fresh database; reports its peak RSS (VmHWM). Stops after
 * `maxSeconds` and says how far it got, so that a slow import cannot blow the bench's time budget;
 * after every batch it reports its progress, so that the parent can stop it in the middle of a slow
 * batch and still know its peak RSS so far.
 */
import { openDb } from '../src/db/connection';
import { refreshDerived } from '../src/db/derive';
import { importRecords } from '../src/db/import';
import { generateWorld } from './generate';
import { recordsOf } from './import';
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

const [file, motionsText, seedText, today, batchText, maxText] = process.argv.slice(2);
if (!process.send || !file) {
  process.stderr.write('usage: forked by bench/memory-import.ts\n');
  process.exit(2);
}

const motions = Number(motionsText);
const batch = Number(batchText);
const maxSeconds = Number(maxText);
const { sqlite, close } = openDb(file);
const t0 = process.hrtime.bigint();
const elapsed = () => Number(process.hrtime.bigint() - t0) / 1e9;
let imported = 0;
let records = 0;
let complete = true;
outer: for (const city of generateWorld({ seed: Number(seedText), motions, today })) {
  // the records are let go of as they are imported (the city keeps none of them), so that the bench
  // holds only what is still to come of one city — also while the next city is generated, since a
  // loop's variables keep their last values until they are assigned again
  const list = recordsOf(city);
  city.organizations = [];
  city.papers = [];
  city.meetings = [];
  while (list.length > 0) {
    if (elapsed() > maxSeconds) {
      complete = false;
      break outer;
    }
    const part = list.splice(0, batch);
    importRecords(sqlite, city.source, part, `${today}T00:00:00Z`);
    records += part.length;
    imported += part.filter((r) => r.type === 'Paper').length;
    process.send!(report('progress', false, 0));
  }
}
const importSeconds = elapsed();
const d0 = process.hrtime.bigint();
refreshDerived(sqlite, today);
const deriveSeconds = Number(process.hrtime.bigint() - d0) / 1e9;
close();
process.send(report('done', complete, deriveSeconds, importSeconds), () => process.exit(0));

function report(type: ImportChildResult['type'], done: boolean, deriveSeconds: number, seconds = elapsed()): ImportChildResult {
  return {
    type, motionsPlanned: motions, motionsImported: imported, records, seconds, deriveSeconds, complete: done,
    peakMb: memoryOfSelf().peakMb,
  };
}
