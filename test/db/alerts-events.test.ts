/**
 * Which change events each kind of subscription is told about (src/db/alerts-events.ts, alerts' own
 * reading of paper_events): one event per demo motion, then
 * each filter's motions. Real SQLite file, the demo data set.
 */
import path from 'node:path';
import { loadAlertEvents, type Subscription as EventFilter } from '../../src/db/alerts-events';
import { lastEventId } from '../../src/db/queries-events';
import { openDb, type OpenedDb } from '../../src/db/connection';
import { loadDemo } from '../../src/ingest/demo';
import { loadTopics } from '../../src/server/topics-file';
import { insertEvent } from '../helpers/alerts';
import { makeTmpDir } from '../helpers/tmp';

describe('loadAlertEvents', () => {
  const tmp = makeTmpDir();
  let opened: OpenedDb;
  const topics = loadTopics();
  const refs = (f: EventFilter, after = 0) => loadAlertEvents(opened.sqlite, f, topics, after).map((e) => e.reference);

  beforeAll(() => {
    opened = openDb(path.join(tmp.dir, 'events.sqlite'));
    loadDemo(opened.sqlite, '2026-11-24T09:00:00Z', '2026-11-24');
    // the demo's import wrote one "new" event per motion; this test counts exactly the events it inserts
    opened.sqlite.prepare('DELETE FROM paper_events').run();
    for (const id of opened.sqlite.prepare('SELECT id FROM papers ORDER BY id').pluck().all() as number[]) insertEvent(opened, { paperId: id, kind: 'state' });
  });
  afterAll(() => {
    opened.close();
    tmp.cleanup();
  });

  test('a motion: its own events', () => {
    const id = opened.sqlite.prepare("SELECT id FROM papers WHERE reference = 'DS/2026/0123'").pluck().get() as number;
    expect(refs({ kind: 'paper', target: String(id), city: null })).toEqual(['DS/2026/0123']);
    expect(refs({ kind: 'paper', target: 'x', city: null })).toEqual([]);
  });

  test('a faction: the motions it submitted (alone or with others), in the chosen city', () => {
    expect(refs({ kind: 'faction', target: 'SPD-Fraktion', city: null })).toEqual(['DS/2026/0123', 'DS/2026/0254']);
    expect(refs({ kind: 'faction', target: 'Fraktion DIE LINKE', city: null })).toEqual(['VII-A-00777', 'DS/2026/0155']);
    expect(refs({ kind: 'faction', target: 'Fraktion DIE LINKE', city: 'demo-musterstadt' })).toEqual(['DS/2026/0155']);
  });

  test('a topic in a city: the motions its index query finds there; an unknown topic nothing', () => {
    expect(refs({ kind: 'topic', target: 'digitalisierung', city: 'demo-leipzig' })).toEqual(['VII-A-00777']);
    expect(refs({ kind: 'topic', target: 'digitalisierung', city: 'demo-musterstadt' })).toHaveLength(12);
    expect(refs({ kind: 'topic', target: 'klima', city: null })).toEqual([]);
    expect(refs({ kind: 'topic', target: 'nope', city: null })).toEqual([]);
  });

  test('a search: the motions it finds; a search without words nothing', () => {
    expect(refs({ kind: 'search', target: 'Digitaltag', city: null })).toEqual(['VII-A-00777', 'DS/2026/0123']);
    expect(refs({ kind: 'search', target: '  --  ', city: null })).toEqual([]);
  });

  test('a committee: events of motions with a station there', () => {
    expect(refs({ kind: 'committee', target: 'Hauptausschuss', city: 'demo-musterstadt' })).toEqual(['DS/2024/0611', 'DS/2026/0078', 'DS/2026/0123', 'DS/2026/0254']);
  });

  test('the cursor: only events after it', () => {
    const last = lastEventId(opened.sqlite);
    expect(refs({ kind: 'faction', target: 'SPD-Fraktion', city: null }, last)).toEqual([]);
    const id = opened.sqlite.prepare("SELECT id FROM papers WHERE reference = 'DS/2026/0254'").pluck().get() as number;
    insertEvent(opened, { paperId: id, kind: 'result', committee: 'Rat der Stadt Musterstadt' });
    expect(refs({ kind: 'faction', target: 'SPD-Fraktion', city: null }, last)).toEqual(['DS/2026/0254']);
    expect(refs({ kind: 'committee', target: 'Rat der Stadt Musterstadt', city: null }, last)).toEqual(['DS/2026/0254']);
  });
});
