/**
 * Migration 0026 on a database of the schema before it: every row kept, the stations' new committee-id
 * column empty (the stored records do not hold the id). Importing the same OParl pages again (what
 * `ratsradar import` or `reparse` does) fills it and names the stations, as a change of the record but
 * not of the motion: no change event. The papers are Braunschweig's real OParl list page of the corpus;
 * the Organizations hand-made OParl objects with the ids it names (the corpus has none of them).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDb } from '../../src/db/connection';
import { checkDatabase } from '../../src/db/check';
import { digest } from '../../src/db/facets';
import { importRecords } from '../../src/db/import';
import { parsePage } from '../../scrapers/parse';
import type { RisRecord } from '../../scrapers/records';
import { takeBackFrom } from '../helpers/migrations-before';
import { CORPUS, makeTmpDir } from '../helpers/tmp';

const tmp = makeTmpDir();
afterAll(() => tmp.cleanup());

const LIST = path.join(CORPUS, 'oparl/braunschweig/oparl1.1-paper-array-4papers.json');
const ORG = 'https://www.ratsinfo.braunschweig.sitzung-online.de/oparl/organizations/gr/';
const SOURCE = { key: 'braunschweig-oparl', name: 'Stadt Braunschweig (OParl)', system: 'oparl' };
const papers = (): RisRecord => parsePage(fs.readFileSync(LIST), 'https://www.ratsinfo.braunschweig.sitzung-online.de/oparl/papers?body=1');
const organization = (id: number, name: string): RisRecord =>
  parsePage(Buffer.from(JSON.stringify({ id: `${ORG}${id}`, type: 'https://schema.oparl.org/1.1/Organization', name })), `${ORG}${id}`);
const TABLES = ['papers', 'consultations', 'consultation_meetings', 'organizations', 'paper_events', 'records'];
const rowsOf = (sqlite: Database.Database, table: string) => sqlite.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all() as Record<string, unknown>[];

test('0026 keeps every row; the same pages imported again name the stations without a change event', () => {
  const file = path.join(tmp.dir, 'before-0026.sqlite');
  const written = openDb(file);
  importRecords(written.sqlite, SOURCE, [papers()], '2026-10-05T08:00:00Z');
  importRecords(written.sqlite, SOURCE, [organization(1123, 'Ausschuss für Soziales und Gesundheit'), organization(1, 'Rat der Stadt Braunschweig')], '2026-10-05T08:00:00Z');
  written.close();

  // the schema before 0026, with what an import before it wrote: stations without name or id, and each paper's
  // row hash of a record without the ids (another hash than today's)
  const old = new Database(file);
  takeBackFrom(old, '0026_station_organization_ids');
  old.exec("UPDATE consultations SET organization = NULL; UPDATE consultation_meetings SET organization = NULL; UPDATE papers SET record_hash = 'before-0026'");
  // … and the stored facets as the parser before wrote them: no organizationSourceId
  const facets = old.prepare("SELECT id, record FROM records WHERE kind = 'Paper'").all() as { id: number; record: string }[];
  for (const f of facets) {
    const r = JSON.parse(f.record) as { consultation: Record<string, unknown>[] };
    for (const c of r.consultation) delete c.organizationSourceId;
    const text = JSON.stringify(r);
    old.prepare('UPDATE records SET record = ?, record_hash = ? WHERE id = ?').run(text, digest(text), f.id);
  }
  const before = Object.fromEntries(TABLES.map((t) => [t, rowsOf(old, t)]));
  expect(before.paper_events.map((e) => e.kind)).toEqual(['new', 'new', 'new', 'new']);
  old.close();

  const upgraded = openDb(file);
  try {
    for (const t of TABLES) {
      // the columns later migrations add, empty (0037: organizations.end_date)
      const expected = t === 'consultations' ? before[t].map((r) => ({ ...r, organization_external_id: null }))
        : t === 'organizations' ? before[t].map((r) => ({ ...r, end_date: null })) : before[t];
      expect([t, rowsOf(upgraded.sqlite, t)]).toEqual([t, expected]);
    }
    const again = importRecords(upgraded.sqlite, SOURCE, [papers()], '2026-10-06T08:00:00Z');
    expect(again.byKind.Paper).toEqual({ inserted: 0, updated: 4, unchanged: 0 });
    const stations = upgraded.sqlite.prepare('SELECT organization, organization_external_id AS id FROM consultations ORDER BY paper_id, position').all() as { organization: string | null; id: string }[];
    expect(stations.map((s) => [s.id.slice(ORG.length), s.organization])).toEqual([
      ['1123', 'Ausschuss für Soziales und Gesundheit'], ['1123', 'Ausschuss für Soziales und Gesundheit'],
      ['3', null], ['1', 'Rat der Stadt Braunschweig'], ['1121', null],
      ['37', null], ['1123', 'Ausschuss für Soziales und Gesundheit'], ['3', null], ['1', 'Rat der Stadt Braunschweig'],
    ]);
    // a name learnt is not a new station: no event beyond the four "new" ones
    expect(rowsOf(upgraded.sqlite, 'paper_events')).toEqual(before.paper_events);
    expect(checkDatabase(upgraded.sqlite).problems).toEqual([]);
  } finally {
    upgraded.close();
  }
});
