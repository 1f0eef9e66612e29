import path from 'node:path';
import { openDb } from '../../src/db/connection';
import { importPapers, importRecords } from '../../src/db/import';
import { paperKey } from '../../src/db/identity';
import type { AgendaItemRecord, ListRecord, MeetingRecord, PaperRecord, RisRecord } from '../../scrapers/records';
import { relink } from '../../src/db/link';
import { loadPaper } from '../../src/db/queries';
import { makeTmpDir } from '../helpers/tmp';
import { paper, station } from '../helpers/records';

const SOURCE = { key: 'test-city', name: 'Teststadt' };
const NOW = '2026-11-24T10:00:00Z';

describe('import', () => {
  const tmp = makeTmpDir();
  afterAll(tmp.cleanup);

  const record = paper({
    consultation: [
      station('Hauptausschuss', 'Vorberatung', [
        { date: '2026-10-01', name: 'Sitzung des Hauptausschusses', meetingSourceId: '11', agendaItemSourceId: '111', result: 'vertagt', resultCode: 'deferred' },
        { date: '2026-11-01', name: 'Sitzung des Hauptausschusses', meetingSourceId: '12', agendaItemSourceId: '121', result: 'empfohlen', resultCode: 'adopted' },
      ], 'Erledigt'),
      station('Rat', 'Entscheidung', [], 'Geplant'),
    ],
    files: [{ name: 'Vorlage', url: null }],
    text: [{ heading: 'Sachverhalt', text: 'Erste Zeile\nZweite Zeile' }],
  });

  test('inserting, re-importing and changing a paper are counted', () => {
    const { sqlite, close } = openDb(path.join(tmp.dir, 'import.sqlite'));
    try {
      const first = importPapers(sqlite, SOURCE, [record], NOW);
      expect([first.inserted, first.updated, first.unchanged]).toEqual([1, 0, 0]);
      const again = importPapers(sqlite, SOURCE, [record], '2026-11-25T10:00:00Z');
      expect([again.inserted, again.updated, again.unchanged]).toEqual([0, 0, 1]);
      const rowsBefore = sqlite.prepare('SELECT COUNT(*) FROM consultation_meetings').pluck().get();
      expect(rowsBefore).toBe(2);
      const changed = { ...record, consultation: [record.consultation[0]] };
      const third = importPapers(sqlite, SOURCE, [changed], '2026-11-26T10:00:00Z');
      expect([third.inserted, third.updated, third.unchanged]).toEqual([0, 1, 0]);
      expect(sqlite.prepare('SELECT COUNT(*) FROM consultations').pluck().get()).toBe(1);
      expect(sqlite.prepare('SELECT COUNT(*) FROM papers').pluck().get()).toBe(1);
    } finally {
      close();
    }
  });

  test('the same record with its keys in another order is unchanged, and a changed value in it is not', () => {
    const { sqlite, close } = openDb(path.join(tmp.dir, 'key-order.sqlite'));
    const reversed = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).reverse()) as T;
    try {
      importPapers(sqlite, SOURCE, [record], NOW);
      const stored = () => sqlite.prepare("SELECT record, updated_at AS updated FROM records WHERE kind = 'Paper'").get() as { record: string; updated: string };
      const before = stored();
      const shuffled = reversed({ ...record, consultation: record.consultation.map((c) => reversed({ ...c, meetings: c.meetings.map(reversed) })) });
      expect(JSON.stringify(shuffled)).not.toBe(before.record);
      const again = importPapers(sqlite, SOURCE, [shuffled], '2026-11-25T10:00:00Z');
      expect([again.inserted, again.updated, again.unchanged]).toEqual([0, 0, 1]);
      // stored as it came this time (so that the next comparison is the quick one), but not counted as a change
      expect(stored()).toEqual({ record: JSON.stringify(shuffled), updated: NOW });
      const third = importPapers(sqlite, SOURCE, [reversed({ ...record, name: 'Anderer Titel' })], '2026-11-26T10:00:00Z');
      expect([third.inserted, third.updated, third.unchanged]).toEqual([0, 1, 0]);
      expect(sqlite.prepare('SELECT name FROM papers').pluck().get()).toBe('Anderer Titel');
    } finally {
      close();
    }
  });

  test('a stored paper reads back as the same record', () => {
    const { sqlite, close } = openDb(path.join(tmp.dir, 'roundtrip.sqlite'));
    try {
      const res = importPapers(sqlite, SOURCE, [record], NOW);
      const stored = loadPaper(sqlite, res.papers[0].id);
      expect(stored?.record).toEqual(record);
      expect(stored?.meta).toMatchObject({ sourceKey: 'test-city', sourceName: 'Teststadt', isDemo: false, firstSeenAt: NOW });
    } finally {
      close();
    }
  });

  test('the same sourceId in two sources gives two papers', () => {
    const { sqlite, close } = openDb(path.join(tmp.dir, 'two-sources.sqlite'));
    try {
      importPapers(sqlite, SOURCE, [record], NOW);
      importPapers(sqlite, { key: 'other', name: 'Andere Stadt' }, [record], NOW);
      expect(sqlite.prepare('SELECT COUNT(*) FROM papers').pluck().get()).toBe(2);
    } finally {
      close();
    }
  });

  test('identity falls back to the reference; a record with neither is refused and nothing is written', () => {
    expect(paperKey(paper({ sourceId: null, reference: 'VII-A-00777' }))).toBe('ref:VII-A-00777');
    const { sqlite, close } = openDb(path.join(tmp.dir, 'refuse.sqlite'));
    try {
      const bad = paper({ sourceId: null, reference: null });
      expect(() => importPapers(sqlite, SOURCE, [record, bad], NOW)).toThrow(/neither a sourceId nor a reference/);
      // one transaction: the good record before the bad one is rolled back too
      expect(sqlite.prepare('SELECT COUNT(*) FROM papers').pluck().get()).toBe(0);
    } finally {
      close();
    }
  });

  test('papers written in one batch, changed and new, each get their own stations, meeting rows and files in order', () => {
    const { sqlite, close } = openDb(path.join(tmp.dir, 'children.sqlite'));
    try {
      const other = paper({
        sourceId: '2002', reference: 'VII-A-00002', name: 'Zweite Vorlage',
        consultation: [
          station('Rat', 'Entscheidung', [
            { date: '2026-12-03', name: 'Ratsversammlung', meetingSourceId: '31', agendaItemSourceId: '311', result: null, resultCode: 'open' },
          ], 'Geplant'),
          station('Jugendparlament', 'Anhörung', [], 'Geplant'),
        ],
        files: [{ name: 'Anlage 1', url: null }, { name: 'Anlage 2', url: 'https://ris.example/anlage2.pdf' }],
      });
      importPapers(sqlite, SOURCE, [record], NOW);
      // the stored paper changes (one station less, another file) and a new one comes, in one batch, the changed one first
      const changed = { ...record, consultation: [record.consultation[1], record.consultation[0]], files: [{ name: 'Neue Fassung', url: null }] };
      const res = importPapers(sqlite, SOURCE, [changed, other], '2026-11-25T10:00:00Z');
      expect(res.papers.map((p) => p.outcome)).toEqual(['updated', 'inserted']);
      expect(loadPaper(sqlite, res.papers[0].id)?.record).toEqual(changed);
      expect(loadPaper(sqlite, res.papers[1].id)?.record).toEqual(other);
      expect(sqlite.prepare('SELECT COUNT(*) FROM consultations').pluck().get()).toBe(4);
      expect(sqlite.prepare('SELECT COUNT(*) FROM files WHERE paper_id IS NOT NULL').pluck().get()).toBe(3);
      // both are found by their words
      expect(sqlite.prepare("SELECT COUNT(*) FROM papers_fts WHERE papers_fts MATCH 'name : zweite'").pluck().get()).toBe(1); // the title (the first paper's text sections say "zweite" too)
    } finally {
      close();
    }
  });

  test('a paper merged from the records of its batch is stored as a merge read back from the database gives it', () => {
    const { sqlite, close } = openDb(path.join(tmp.dir, 'merge-paths.sqlite'));
    try {
      importPapers(sqlite, SOURCE, [record], NOW);
      const before = sqlite.prepare('SELECT id, record_hash, updated_at FROM papers').get();
      // a list row of the same paper: a second facet, so the paper is merged again from what is stored, to the same row
      const list: ListRecord = { type: 'List', format: 1, system: 'allris3', systemVersion: '3.9.5', sourceId: null, url: null, itemType: 'Paper', items: [record], next: null };
      const res = importRecords(sqlite, SOURCE, [list], '2026-11-26T10:00:00Z');
      expect(res.byKind.Paper).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
      expect(sqlite.prepare('SELECT facet FROM records ORDER BY facet').pluck().all()).toEqual(['allris3', 'list']);
      expect(sqlite.prepare('SELECT id, record_hash, updated_at FROM papers').get()).toEqual(before);
    } finally {
      close();
    }
  });
});

/**
 * A paper known first only by its reference (an agenda row without its id: the placeholder "ref:<reference>")
 * is adopted by the paper with its id. Its facets move there; one the paper already has (the same agenda item,
 * seen once with and once without the paper's id, or before and after the paper's reference changed and
 * changed back) is kept once, as last seen — the batch must not fail on the records' unique key.
 */
describe('adopting a paper known only by its reference', () => {
  const tmp = makeTmpDir();
  afterAll(tmp.cleanup);

  const page = (reference: string) => paper({ sourceId: '6300', reference, url: 'https://ris.example/bi/vo020.asp?VOLFDNR=6300' });
  const meeting = (paperSourceId: string | null, paperReference: string): MeetingRecord => ({
    type: 'Meeting', format: 1, system: 'allris3', systemVersion: '3.9.5', sourceId: '901', url: null,
    name: 'Sitzung der Bezirksversammlung', organization: 'Bezirksversammlung', organizationSourceId: null,
    date: '2026-10-01', start: '18:00', end: null, room: null, location: null, statusText: null,
    agendaItem: [{ number: '5', public: true, sourceId: '7100', name: 'Antrag', paperReference, paperSourceId, result: null, resultCode: 'open' }],
  });
  /** the agenda item's own page, which may lack the paper's id that the meeting's agenda has */
  const itemPage = (paperSourceId: string | null, paperReference: string): AgendaItemRecord => ({
    type: 'AgendaItem', format: 1, system: 'allris3', systemVersion: '3.9.5', sourceId: '7100', url: null, number: '5', public: true,
    name: 'Antrag', meetingSourceId: '901', meetingName: 'Sitzung der Bezirksversammlung', organization: 'Bezirksversammlung',
    date: '2026-10-01', paperReference, paperSourceId, result: null, resultCode: 'open', text: [],
  });

  function state(sqlite: import('better-sqlite3').Database) {
    return {
      papers: sqlite.prepare('SELECT entity_key AS key, reference, name FROM papers ORDER BY id').all(),
      facets: sqlite.prepare("SELECT entity_key AS key, facet FROM records WHERE kind = 'Paper' ORDER BY entity_key, facet").all(),
      items: sqlite.prepare(`SELECT a.entity_key AS item, p.entity_key AS paper FROM agenda_items a LEFT JOIN papers p ON p.id = a.paper_id
        ORDER BY a.entity_key`).all(),
      stations: sqlite.prepare('SELECT COUNT(*) FROM consultations').pluck().get(),
      search: sqlite.prepare('SELECT COUNT(*) FROM papers_fts').pluck().get(),
    };
  }

  /**
   * [name, batches, reference the paper has in the end, the paper id the agenda facet holds in the end: as last seen;
   * of two seen in one earlier batch, the paper's own]
   */
  const orders: [string, RisRecord[][], string, string | null][] = [
    ['agenda without the id → with it → paper page', [[meeting(null, '22-5000')], [meeting('6300', '22-5000')], [page('22-5000')]], '22-5000', '6300'],
    ['agenda without the id → with it → paper page, in one batch', [[meeting(null, '22-5000'), meeting('6300', '22-5000'), page('22-5000')]], '22-5000', '6300'],
    ['agenda with the id and item page without it in one batch → paper page', [[meeting('6300', '22-5000'), itemPage(null, '22-5000')], [page('22-5000')]], '22-5000', '6300'],
    ['item page without the id → agenda with it, in one batch → paper page', [[itemPage(null, '22-5000'), meeting('6300', '22-5000')], [page('22-5000')]], '22-5000', '6300'],
    ['agenda with the id → without it → paper page, in one batch', [[meeting('6300', '22-5000'), meeting(null, '22-5000'), page('22-5000')]], '22-5000', null],
    ['agenda with the id → without it → paper page', [[meeting('6300', '22-5000')], [meeting(null, '22-5000')], [page('22-5000')]], '22-5000', null],
    ['paper page → agenda without the id → with it', [[page('22-5000')], [meeting(null, '22-5000')], [meeting('6300', '22-5000')]], '22-5000', '6300'],
    ['paper page → agenda with the id → without it', [[page('22-5000')], [meeting('6300', '22-5000')], [meeting(null, '22-5000')]], '22-5000', null],
    ['reference A → B → A, the agenda without the id', [[page('22-A')], [meeting(null, '22-A')], [page('22-B')], [meeting(null, '22-A')], [page('22-A')]], '22-A', null],
    ['reference A → B → A, the agenda re-crawled after', [[page('22-A')], [meeting(null, '22-A')], [page('22-B')], [meeting(null, '22-A')], [page('22-A')], [meeting(null, '22-A')]], '22-A', null],
    ['reference A → B → A, then the agenda with the id', [[page('22-A')], [meeting(null, '22-A')], [page('22-B')], [meeting(null, '22-A')], [page('22-A')], [meeting('6300', '22-A')]], '22-A', '6300'],
  ];

  test.each(orders)('%s: one paper, its facets merged, the item linked to it, idempotent', (name, batches, reference, agendaPaperId) => {
    const { sqlite, close } = openDb(path.join(tmp.dir, `${name.replace(/\W+/g, '-')}.sqlite`));
    try {
      batches.forEach((batch, i) => importRecords(sqlite, SOURCE, batch, `2026-11-${10 + i}T10:00:00Z`));
      const expected = {
        papers: [{ key: '6300', reference, name: 'Testvorlage' }],
        facets: [{ key: '6300', facet: 'agenda:7100' }, { key: '6300', facet: 'allris3' }],
        items: [{ item: '7100', paper: '6300' }],
        stations: 1,
        search: 1,
      };
      expect(state(sqlite)).toEqual(expected);
      // nothing lost: the agenda appearance is kept as last seen
      const agendaFacet = JSON.parse(sqlite.prepare("SELECT record FROM records WHERE kind = 'Paper' AND facet = 'agenda:7100'").pluck().get() as string) as PaperRecord;
      expect(agendaFacet).toMatchObject({ sourceId: agendaPaperId, reference, consultation: [{ organization: 'Bezirksversammlung' }] });
      // the links are as relinking the whole source makes them
      const sourceId = sqlite.prepare('SELECT id FROM sources WHERE key = ?').pluck().get(SOURCE.key) as number;
      const links = () => sqlite.prepare('SELECT id, meeting_id, paper_id FROM agenda_items ORDER BY id').raw().all();
      const linked = links();
      relink(sqlite, sourceId);
      expect(links()).toEqual(linked);
      // the last batch again changes nothing (a batch that has one record twice, as it was and as it is, passes through
      // what it was again, and ends where it ended)
      const paperRow = () => sqlite.prepare('SELECT id, record_hash, provenance FROM papers').all();
      const row = paperRow();
      const last = batches[batches.length - 1];
      const again = importRecords(sqlite, SOURCE, last, '2026-12-01T10:00:00Z');
      if (new Set(last.map((r) => `${r.type}:${r.sourceId}`)).size === last.length) expect([again.inserted, again.updated]).toEqual([0, 0]);
      expect(paperRow()).toEqual(row);
      expect(state(sqlite)).toEqual(expected);
      // and all of them again end where they ended
      batches.forEach((batch) => importRecords(sqlite, SOURCE, batch, '2026-12-02T10:00:00Z'));
      expect(state(sqlite)).toEqual(expected);
    } finally {
      close();
    }
  });

  test('a page without its id and one with it in one batch: both report the one paper they became', () => {
    const { sqlite, close } = openDb(path.join(tmp.dir, 'two-pages.sqlite'));
    try {
      const res = importRecords(sqlite, SOURCE, [{ ...page('22-8000'), sourceId: null, name: 'Alt' }, page('22-8000')], NOW);
      const id = sqlite.prepare('SELECT id FROM papers').pluck().all();
      expect(id).toHaveLength(1);
      expect(res.papers.map((p) => p.id)).toEqual([id[0], id[0]]);
      expect(res.byKind.Paper).toEqual({ inserted: 1, updated: 0, unchanged: 0 });
      // the page with its id is the newer, and the paper's own
      expect(sqlite.prepare("SELECT entity_key, facet FROM records WHERE kind = 'Paper'").raw().all()).toEqual([['6300', 'allris3']]);
      expect(sqlite.prepare('SELECT name FROM papers').pluck().get()).toBe('Testvorlage');
    } finally {
      close();
    }
  });

  test('a placeholder and a paper that both hold the same facet already (stored before the fix) are merged on the next import', () => {
    const { sqlite, close } = openDb(path.join(tmp.dir, 'legacy.sqlite'));
    try {
      importRecords(sqlite, SOURCE, [page('22-6000')], '2026-11-10T10:00:00Z');
      importRecords(sqlite, SOURCE, [meeting('6300', '22-6000')], '2026-11-11T10:00:00Z');
      // as the old code left it: the same agenda facet under the placeholder as well, the newer one
      const stored = sqlite.prepare("SELECT * FROM records WHERE kind = 'Paper' AND facet = 'agenda:7100'").get() as Record<string, unknown>;
      const newer = { ...JSON.parse(stored.record as string), name: 'Antrag (neu)', sourceId: null };
      sqlite.prepare(`INSERT INTO records (source_id, kind, entity_key, facet, record, record_hash, first_seen_at, updated_at)
        VALUES (?, 'Paper', 'ref:22-6000', 'agenda:7100', ?, 'x', '2026-11-12T10:00:00Z', '2026-11-12T10:00:00Z')`).run(stored.source_id, JSON.stringify(newer));
      const res = importRecords(sqlite, SOURCE, [page('22-6000')], '2026-11-13T10:00:00Z');
      expect(res.byKind.Paper).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
      expect(res.papers).toHaveLength(1);
      expect(sqlite.prepare("SELECT entity_key, facet, first_seen_at FROM records WHERE kind = 'Paper' ORDER BY facet").raw().all()).toEqual([
        ['6300', 'agenda:7100', '2026-11-11T10:00:00Z'], ['6300', 'allris3', '2026-11-10T10:00:00Z'],
      ]);
      const kept = JSON.parse(sqlite.prepare("SELECT record FROM records WHERE facet = 'agenda:7100'").pluck().get() as string) as PaperRecord;
      expect(kept.name).toBe('Antrag (neu)');
      expect(sqlite.prepare('SELECT entity_key FROM papers').pluck().all()).toEqual(['6300']);
    } finally {
      close();
    }
  });
});
