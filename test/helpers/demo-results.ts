/**
 * The demo motion DS/2026/0123 as its pages read after its committees met (made from the demo's own file,
 * data/demo, not stored): for the tests that import a result into the demo (feeds, alerts).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AgendaItemRecord, PaperRecord } from '../../scrapers/records';
import { demoFolder } from '../../src/ingest/demo';

const DEMO_FILE = path.join(demoFolder(), 'musterstadt-ds-2026-0123-digitaltag-2027.json');

/** The motion with the results of its open rows: the Hauptausschuss's (`hauptausschuss`) and the Rat's. */
export function demoMotionWithResults(opts: { hauptausschuss?: boolean } = {}): PaperRecord {
  const p = JSON.parse(fs.readFileSync(DEMO_FILE, 'utf8')) as PaperRecord;
  if (opts.hauptausschuss !== false) p.consultation[1].meetings[0] = { ...p.consultation[1].meetings[0], result: 'ungeändert beschlossen', resultCode: 'adopted' };
  p.consultation[2].meetings[0] = { ...p.consultation[2].meetings[0], result: 'ungeändert beschlossen', resultCode: 'adopted' };
  return p;
}

/** The Rat's agenda item of the motion (TOLFDNR 72021, data/demo/musterstadt-sitzungen.json) as its page reads with the vote. */
export const DEMO_RAT_ITEM: AgendaItemRecord = {
  type: 'AgendaItem', format: 1, system: 'allris3', systemVersion: '3.9.5', sourceId: '72021',
  url: 'https://musterstadt.example/bi/to020.asp?TOLFDNR=72021', number: '2', public: true,
  name: 'Teilnahme der Stadt Musterstadt am bundesweiten Digitaltag 2027', meetingSourceId: '4103',
  meetingName: 'Sitzung des Rates der Stadt Musterstadt', organization: 'Rat der Stadt Musterstadt', date: '2026-12-17',
  paperReference: 'DS/2026/0123', paperSourceId: '9001', result: 'ungeändert beschlossen', resultCode: 'adopted', text: [],
  vote: { yes: 41, no: 0, abstain: 0, text: 'einstimmig' },
};
