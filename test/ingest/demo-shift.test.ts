/**
 * The demo does not age (src/ingest/demo-shift.ts): loaded on any day, its Musterstadt story sits around
 * that day — the same states and next steps, every date moved by whole weeks — and a database holding it
 * with another week's shift gets it loaded again, demo rows only.
 */
import path from 'node:path';
import { openDb, type OpenedDb } from '../../src/db/connection';
import { loadPaper } from '../../src/db/queries';
import { loadPaperAgendas } from '../../src/db/queries-agenda';
import { addDays } from '../../src/domain/dates';
import { progress } from '../../src/domain/progress';
import { loadDemo, readDemoRecords, reloadDemoIfShifted } from '../../src/ingest/demo';
import { DEMO_STORY_DAY, demoShiftDays, shiftDates } from '../../src/ingest/demo-shift';
import { importSavedPages } from '../../src/ingest/saved-pages';
import { CORPUS, makeTmpDir } from '../helpers/tmp';

const NOW = '2026-11-24T09:00:00Z';

describe('demoShiftDays: whole weeks that put the story day on today or the six days before', () => {
  const cases: [string, number][] = [
    ['2026-11-24', 0],
    ['2026-11-30', 0],
    ['2026-12-01', 7],
    ['2026-12-29', 35],
    ['2026-11-23', -7],
    ['2027-11-24', 364],
  ];
  test.each(cases)('on %s: %i days', (today, days) => {
    const shift = demoShiftDays(today);
    expect(shift).toBe(days);
    expect(Math.abs(shift % 7)).toBe(0);
    const storyDay = addDays(DEMO_STORY_DAY, shift);
    expect(storyDay <= today && addDays(storyDay, 6) >= today).toBe(true);
    // weekdays stay
    expect(new Date(`${storyDay}T12:00:00Z`).getUTCDay()).toBe(new Date(`${DEMO_STORY_DAY}T12:00:00Z`).getUTCDay());
  });
});

describe('shiftDates', () => {
  test('days and German dates in texts move; references, years in names, times, ids and URLs stay', () => {
    const shifted = shiftDates({
      reference: 'DS/2026/0123', name: 'Digitaltag 2027 am 17.12.2026', date: '2026-11-24', start: '17:00', sourceId: '4101',
      url: 'https://musterstadt.example/bi/to010.asp?SILFDNR=4101&DATUM=2026-11-24',
      text: [{ heading: null, text: 'bis zum 31.03.2027 vorstellen, nicht am 31.02.2027' }], public: true, meetings: [{ date: null }],
    }, 35);
    expect(shifted).toEqual({
      reference: 'DS/2026/0123', name: 'Digitaltag 2027 am 21.01.2027', date: '2026-12-29', start: '17:00', sourceId: '4101',
      url: 'https://musterstadt.example/bi/to010.asp?SILFDNR=4101&DATUM=2026-11-24',
      text: [{ heading: null, text: 'bis zum 05.05.2027 vorstellen, nicht am 31.02.2027' }], public: true, meetings: [{ date: null }],
    });
  });
});

describe('loading the demo on another day', () => {
  const tmp = makeTmpDir();
  afterAll(() => tmp.cleanup());
  const open = (name: string): OpenedDb => openDb(path.join(tmp.dir, name));

  /** Every demo paper: reference → state, next step and its date, decision date, and its meeting dates, as of `today`. */
  function story(o: OpenedDb, today: string) {
    const ids = o.sqlite.prepare("SELECT p.id FROM papers p JOIN sources s ON s.id = p.source_id WHERE s.is_demo = 1 ORDER BY p.reference").pluck().all() as number[];
    return ids.map((id) => {
      const stored = loadPaper(o.sqlite, id)!;
      const pr = progress(stored.record, today, { agenda: loadPaperAgendas(o.sqlite, [id]).get(id) ?? [] });
      return {
        source: stored.meta.sourceKey,
        reference: stored.record.reference,
        state: pr.state,
        next: pr.next && { organization: pr.next.organization, date: pr.next.date },
        decisionDate: pr.decisionDate,
        dates: stored.record.consultation.flatMap((c) => c.meetings.map((m) => m.date)),
        paperDate: stored.record.date,
        stored: o.sqlite.prepare('SELECT state, next_date AS nextDate FROM papers WHERE id = ?').get(id),
        dataAsOf: stored.meta.dataAsOf,
      };
    });
  }

  test('five weeks later: the same states and next steps, every Musterstadt date 35 days later, Leipzig\'s real dates kept', () => {
    const base = open('base.sqlite');
    const later = open('later.sqlite');
    try {
      loadDemo(base.sqlite, NOW, DEMO_STORY_DAY);
      loadDemo(later.sqlite, NOW, '2026-12-29');
      const a = story(base, DEMO_STORY_DAY);
      const b = story(later, '2026-12-29');
      expect(b.map((p) => p.reference)).toEqual(a.map((p) => p.reference));
      expect(a).toHaveLength(13);
      const move = (d: string | null, days: number) => (d == null ? null : addDays(d, days));
      for (const [i, p] of a.entries()) {
        const days = p.source === 'demo-musterstadt' ? 35 : 0;
        expect(b[i]).toEqual({
          ...p,
          next: p.next && { organization: p.next.organization, date: move(p.next.date, days) },
          decisionDate: move(p.decisionDate, days),
          dates: p.dates.map((d) => move(d, days)),
          paperDate: move(p.paperDate, days),
          stored: { state: p.state, nextDate: move((p.stored as { nextDate: string | null }).nextDate, days) },
          dataAsOf: p.source === 'demo-musterstadt' ? '2026-12-29T08:00:00Z' : null,
        });
      }
      // what the README promises on the story day: DS/2026/0123 scheduled for the Hauptausschuss on 03.12.2026 …
      const ds0123 = (s: ReturnType<typeof story>) => s.find((p) => p.reference === 'DS/2026/0123')!;
      expect(ds0123(a)).toMatchObject({ state: 'scheduled', next: { organization: 'Hauptausschuss', date: '2026-12-03' }, dataAsOf: '2026-11-24T08:00:00Z' });
      // … and five weeks later on 07.01.2027, a Thursday as well
      expect(ds0123(b)).toMatchObject({ state: 'scheduled', next: { organization: 'Hauptausschuss', date: '2027-01-07' } });
      // the meetings and the dates in the texts moved with them
      const rat = later.sqlite.prepare("SELECT date FROM meetings WHERE external_id = '4103'").pluck().get();
      expect(rat).toBe('2027-01-21');
      const text = JSON.stringify(loadPaper(later.sqlite, later.sqlite.prepare("SELECT id FROM papers WHERE reference = 'DS/2026/0123'").pluck().get() as number)!.record.text);
      expect(text).toContain('bis zum 05.05.2027');
      expect(text).not.toContain('31.03.2027');
    } finally {
      base.close();
      later.close();
    }
  });

  test('a database loaded in another week gets the demo again with today\'s shift — demo rows only, a real source stays as it was', () => {
    const o = open('reload.sqlite');
    try {
      loadDemo(o.sqlite, NOW, DEMO_STORY_DAY);
      importSavedPages(o.sqlite, [path.join(CORPUS, 'allris3', 'hamburg-nord')], { now: NOW, today: DEMO_STORY_DAY });
      const real = () => o.sqlite.prepare("SELECT p.id, p.reference, p.updated_at, p.data_as_of FROM papers p JOIN sources s ON s.id = p.source_id WHERE s.key = 'hamburg-nord' ORDER BY p.id").all();
      const realBefore = real();
      const demoIds = () => o.sqlite.prepare("SELECT p.id || ' ' || p.reference FROM papers p JOIN sources s ON s.id = p.source_id WHERE s.is_demo = 1 ORDER BY p.id").pluck().all();
      const idsBefore = demoIds();
      expect(realBefore.length).toBeGreaterThan(0);
      // same week: nothing to do
      expect(reloadDemoIfShifted(o.sqlite, NOW, '2026-11-30')).toBeNull();
      // a week later: loaded again, shifted by 7 days
      expect(reloadDemoIfShifted(o.sqlite, '2026-12-01T09:00:00Z', '2026-12-01')).toBe(7);
      const after = story(o, '2026-12-01');
      expect(after).toHaveLength(13);
      expect(after.find((p) => p.reference === 'DS/2026/0123')).toMatchObject({ state: 'scheduled', next: { organization: 'Hauptausschuss', date: '2026-12-10' } });
      expect(o.sqlite.prepare("SELECT demo_shift_days FROM sources WHERE key = 'demo-musterstadt'").pluck().get()).toBe(7);
      expect(real()).toEqual(realBefore);
      // loaded over its own rows: the same ids (links to a demo motion stay valid), nothing twice, nothing of the old dates left
      expect(demoIds()).toEqual(idsBefore);
      expect(o.sqlite.prepare("SELECT COUNT(*) FROM papers p JOIN sources s ON s.id = p.source_id WHERE s.is_demo = 1").pluck().get()).toBe(13);
      expect(o.sqlite.prepare('SELECT COUNT(*) FROM papers_fts WHERE rowid NOT IN (SELECT id FROM papers)').pluck().get()).toBe(0);
      expect(o.sqlite.prepare("SELECT COUNT(*) FROM meetings WHERE date = '2026-12-03'").pluck().get()).toBe(0);
      expect(o.sqlite.prepare("SELECT COUNT(*) FROM consultation_meetings WHERE date = '2026-12-03'").pluck().get()).toBe(0);
      expect(o.sqlite.prepare("SELECT COUNT(*) FROM consultation_meetings WHERE date = '2026-12-10' AND meeting_id IS NOT NULL").pluck().get()).toBeGreaterThan(0);
      // and back again (a day pinned earlier): the story's read day moves back with it
      expect(reloadDemoIfShifted(o.sqlite, NOW, DEMO_STORY_DAY)).toBe(0);
      expect(o.sqlite.prepare("SELECT DISTINCT data_as_of FROM papers p JOIN sources s ON s.id = p.source_id WHERE s.key = 'demo-musterstadt'").pluck().all()).toEqual(['2026-11-24T08:00:00Z']);
      expect(demoIds()).toEqual(idsBefore);
      expect(reloadDemoIfShifted(o.sqlite, NOW, '2026-12-01')).toBe(7);
      // the same again: nothing to do
      expect(reloadDemoIfShifted(o.sqlite, NOW, '2026-12-02')).toBeNull();
    } finally {
      o.close();
    }
  });

  test('a database without the demo gets none', () => {
    const o = open('nodemo.sqlite');
    try {
      expect(reloadDemoIfShifted(o.sqlite, NOW, '2026-12-29')).toBeNull();
      expect(o.sqlite.prepare('SELECT COUNT(*) FROM papers').pluck().get()).toBe(0);
    } finally {
      o.close();
    }
  });

  test('the demo files themselves hold the story as written (the shift happens on loading)', () => {
    const ds0123 = readDemoRecords().find((d) => d.record.type === 'Paper' && d.record.reference === 'DS/2026/0123')!.record;
    expect(JSON.stringify(ds0123)).toContain('31.03.2027');
  });
});
