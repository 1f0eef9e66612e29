/**
 * ALLRIS 4 names a station with its publicity ("Verwaltungsausschuss (nicht-öffentlich)", ALLRIS-NOTES
 * §7.7); its meetings, agendas and committee page name the committee without it. The station rows carry
 * the committee's name (the record keeps what the page shows), so that the committee has one page and one
 * queue; migration 0028 renames the rows written before. Laatzen's real vo020 page of the corpus, and a
 * hand-made motion waiting for the Verwaltungsausschuss.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import request from 'supertest';
import type { OrganizationRecord } from '../../scrapers/records';
import { parsePage } from '../../scrapers/parse';
import { openDb } from '../../src/db/connection';
import { checkDatabase } from '../../src/db/check';
import { refreshDerived } from '../../src/db/derive';
import { importRecords } from '../../src/db/import';
import { createApp } from '../../src/server/app';
import { takeBackFrom } from '../helpers/migrations-before';
import { paper, station } from '../helpers/records';
import { CORPUS, makeTmpDir } from '../helpers/tmp';

const tmp = makeTmpDir();
afterAll(() => tmp.cleanup());
const TODAY = '2026-11-24';
const NOW = '2026-11-24T09:00:00Z';
const VA = 'Verwaltungsausschuss';
const SRC = { key: 'laatzen', name: 'Stadt Laatzen', system: 'allris4' };

const committee: OrganizationRecord = {
  type: 'Organization', format: 1, system: 'allris4', systemVersion: null, sourceId: '7', url: 'https://ratsinfo.laatzen.de/public/gr020?GRLFDNR=7',
  name: VA, members: [],
};
const waiting = paper({
  system: 'allris4', sourceId: '900', url: 'https://ratsinfo.laatzen.de/public/vo020?VOLFDNR=900', reference: '2026/300', name: 'Digitaltag 2026', date: '2026-11-02',
  consultation: [station(`${VA} (nicht-öffentlich)`, 'Vorberatung'), station('Rat der Stadt Laatzen', 'Entscheidung')],
});
const stations = (sqlite: Database.Database) => sqlite.prepare(`SELECT p.reference, c.position, c.organization FROM consultations c JOIN papers p ON p.id = c.paper_id
  ORDER BY p.reference, c.position`).all();

test('the rows name the committee without the publicity, the record keeps it; the committee page has the motion in its queue', async () => {
  const { sqlite, close } = openDb(path.join(tmp.dir, 'publicity.sqlite'));
  try {
    const page = parsePage(fs.readFileSync(path.join(CORPUS, 'allris4/laatzen/vo020-1000238.html')), 'https://ratsinfo.laatzen.de/public/vo020?VOLFDNR=1000238');
    importRecords(sqlite, SRC, [committee, page, waiting], NOW);
    refreshDerived(sqlite, TODAY);
    expect(stations(sqlite)).toEqual([
      { reference: '2026/245', position: 0, organization: 'Ortsrat Laatzen' },
      { reference: '2026/245', position: 1, organization: 'Ausschuss für nachhaltige Stadtentwicklung und Feuerschutz' },
      { reference: '2026/245', position: 2, organization: 'Schulausschuss' },
      { reference: '2026/245', position: 3, organization: VA },
      { reference: '2026/245', position: 4, organization: 'Rat der Stadt Laatzen' },
      { reference: '2026/245', position: 5, organization: 'Schulausschuss' },
      { reference: '2026/300', position: 0, organization: VA },
      { reference: '2026/300', position: 1, organization: 'Rat der Stadt Laatzen' },
    ]);
    const record = JSON.parse(sqlite.prepare("SELECT record FROM records WHERE kind = 'Paper' AND entity_key = '1000238'").pluck().get() as string);
    expect(record.consultation[3].organization).toBe(`${VA} (nicht-öffentlich)`);
    // the same page again: nothing changes, no event
    const again = importRecords(sqlite, SRC, [page, waiting], '2026-11-25T09:00:00Z');
    expect(again.byKind.Paper).toMatchObject({ updated: 0, unchanged: 2 });
    expect(sqlite.prepare("SELECT kind FROM paper_events WHERE kind <> 'new'").pluck().all()).toEqual([]);

    const app = createApp(sqlite, { today: () => TODAY });
    const id = sqlite.prepare('SELECT id FROM organizations WHERE name = ?').pluck().get(VA) as number;
    const json = (await request(app).get(`/organizations/${id}.json`).expect(200)).body as { queue: { items: { reference: string }[] } };
    expect(json.queue.items.map((q) => q.reference)).toEqual(['2026/300']);
    const list = (await request(app).get('/gremien.json?stadt=laatzen').expect(200)).body as { groups: { committees: { name: string }[] }[] };
    expect(list.groups.flatMap((g) => g.committees.map((c) => c.name)).filter((n) => n.startsWith(VA))).toEqual([VA]);
    expect(checkDatabase(sqlite).problems).toEqual([]);
  } finally {
    close();
  }
});

test('0028 renames the stations written before it, their meeting rows\' copies too, and marks their motions for deriving', () => {
  const file = path.join(tmp.dir, 'before-0028.sqlite');
  const written = openDb(file);
  importRecords(written.sqlite, SRC, [committee, {
    ...waiting,
    consultation: [station(`${VA} (nicht-öffentlich)`, 'Vorberatung', [{ date: '2026-12-01', name: null, meetingSourceId: null, agendaItemSourceId: null, result: null, resultCode: 'open' }]),
      station('Rat der Stadt Laatzen', 'Entscheidung')],
  }], NOW);
  refreshDerived(written.sqlite, TODAY);
  written.close();

  // the schema before 0028, with the rows an import before it wrote: the name as the page shows it
  const old = new Database(file);
  takeBackFrom(old, '0028_station_publicity');
  old.prepare("UPDATE consultations SET organization = ? WHERE organization = ?").run(`${VA} (nicht-öffentlich)`, VA);
  old.prepare("UPDATE papers SET next_organization = ?, derived_on = ?").run(`${VA} (nicht-öffentlich)`, TODAY);
  expect(old.prepare('SELECT DISTINCT organization FROM consultation_meetings').pluck().all()).toEqual([`${VA} (nicht-öffentlich)`]);
  old.close();

  const upgraded = openDb(file);
  try {
    expect(stations(upgraded.sqlite)).toEqual([
      { reference: '2026/300', position: 0, organization: VA },
      { reference: '2026/300', position: 1, organization: 'Rat der Stadt Laatzen' },
    ]);
    expect(upgraded.sqlite.prepare('SELECT DISTINCT organization FROM consultation_meetings').pluck().all()).toEqual([VA]);
    expect(upgraded.sqlite.prepare('SELECT derived_on FROM papers').pluck().get()).toBeNull();
    refreshDerived(upgraded.sqlite, TODAY);
    expect(upgraded.sqlite.prepare('SELECT next_organization, next_date FROM papers').get()).toEqual({ next_organization: VA, next_date: '2026-12-01' });
    expect(checkDatabase(upgraded.sqlite).problems).toEqual([]);
  } finally {
    upgraded.close();
  }
});
