import path from 'node:path';
import { openDb } from '../../src/db/connection';
import { importPapers, paperIdentity } from '../../src/db/import';
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
    expect(paperIdentity(paper({ sourceId: null, reference: 'VII-A-00777' }))).toBe('ref:VII-A-00777');
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
});
