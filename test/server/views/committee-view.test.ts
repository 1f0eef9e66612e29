/**
 * loadCommitteeModel, the committee page's view model, read directly (no HTTP, no template) for the
 * demo's Rat der Stadt Musterstadt in the web tests' database on 2026-11-24: queue, coming agendas, flags.
 */
import { committeeOfOrganization } from '../../../src/db/queries-committee';
import { loadCommitteeModel } from '../../../src/server/views/committee-view';
import * as cheerio from 'cheerio';
import { createRenderer } from '../../../src/server/render';
import { RAT } from '../../helpers/web-db';
import { buildFixtureApp, TODAY, type FixtureApp } from '../fixture-app';

describe('loadCommitteeModel (Rat der Stadt Musterstadt on 2026-11-24)', () => {
  let f: FixtureApp;
  let model: ReturnType<typeof loadCommitteeModel>;
  const meetingOf = (sid: string) => f.opened.sqlite.prepare(`SELECT m.id FROM meetings m JOIN sources s ON s.id = m.source_id
    WHERE s.key = 'demo-musterstadt' AND m.external_id = ?`).pluck().get(sid) as number;

  beforeAll(() => {
    f = buildFixtureApp();
    const rat = f.opened.sqlite.prepare('SELECT id FROM organizations WHERE name = ?').pluck().get(RAT) as number;
    model = loadCommitteeModel(f.opened.sqlite, committeeOfOrganization(f.opened.sqlite, rat)!, TODAY);
  });
  afterAll(() => f.cleanup());

  test('the queue: the two motions of its published agenda of 17.12.2026, each with its earlier stations and check', () => {
    expect([model.queueTotal, model.queuePage, model.queuePages, model.queueCount]).toEqual([2, 1, 1, '2 Vorlagen in der Warteschlange']);
    expect(model.queue.map((q) => [q.reference, q.roleCode, q.date, q.agendaText, q.stateLabel, q.earlier, q.check?.label])).toEqual([
      ['DS/2026/0301', 'decision', '2026-12-17', 'laut Tagesordnung der Sitzung vom 17.12.2026', 'terminiert', '3 von 3 erledigt', 'bereit'],
      ['DS/2026/0342', 'decision', '2026-12-17', 'laut Tagesordnung der Sitzung vom 17.12.2026', 'terminiert', '0 von 1 erledigt', 'Vorstation offen'],
    ]);
    expect(model.queue[1].check?.messages).toEqual([
      'Vorberatung (Ausschuss für Digitalisierung und Smart City): geplant, kein Termin vor dieser Sitzung; muss vor dem 17.12.2026 beraten werden — Rat der Stadt Musterstadt',
    ]);
    // the motion's own progress rides along for the JSON view
    expect(model.queue.map((q) => q.progress.state)).toEqual(['scheduled', 'scheduled']);
  });

  test('coming agendas: the published one of 17.12.2026 with two flagged items, then the Rat meeting of 04.02.2027 without a published agenda, holding the planned row of DS/2026/0388', () => {
    expect(model.coming.map((a) => [a.anchor, a.date, a.start, a.published, a.flagged, a.blocking, a.hidden])).toEqual([
      [`sitzung-${meetingOf('4103')}`, '2026-12-17', '17:00', true, 2, true, 0],
      [`sitzung-${meetingOf('4124')}`, '2027-02-04', '17:00', false, 1, false, 0],
    ]);
    expect(model.coming[0].items.map((i) => [i.reference, i.plannedOnly, i.check?.flagged ?? null])).toEqual([
      [null, false, null], ['DS/2026/0123', false, true], ['DS/2026/0301', false, false], ['DS/2026/0342', false, true], [null, false, null],
    ]);
    expect(model.coming[1].items.map((i) => [i.reference, i.plannedOnly])).toEqual([['DS/2026/0388', true]]);
    expect([model.flaggedCount, model.flags.map((x) => [x.reference, x.date])]).toEqual([
      3, [['DS/2026/0123', '2026-12-17'], ['DS/2026/0342', '2026-12-17'], ['DS/2026/0388', '2027-02-04']],
    ]);
  });
});

describe('a planned row on the committee page says what is known of the meeting\'s agenda', () => {
  const render = createRenderer();
  const row = (reference: string) => ({ number: null, name: 'Vorlage', paperId: 1, reference, plannedOnly: true, nonPublic: false, check: null });
  const block = (anchor: string, published: boolean, meetingId: number | null, reference: string) => ({
    anchor, date: '2027-02-04', start: null, name: null, room: null, meetingId, published, items: [row(reference)], flagged: 0, blocking: false, hidden: 0, cancelled: false,
  });
  const html = render('organization', {
    title: 'Rat', today: '2026-11-24', committee: { name: 'Rat', sourceName: 'Musterstadt', organizationId: null }, kindLabel: 'Gremium',
    staff: { queue: [], coming: [block('a', true, 7, 'A/1'), block('b', false, 8, 'B/1'), block('c', false, null, 'C/1')], flags: [], flaggedCount: 0 },
    past: [], members: [],
  });
  const $ = cheerio.load(html);
  const said = (anchor: string) => $(`#${anchor} td[data-label="Betreff"] small`).text();

  test('a published agenda without the motion: "noch nicht auf der veröffentlichten Tagesordnung"', () => {
    expect(said('a')).toBe('laut Beratungsfolge, noch nicht auf der veröffentlichten Tagesordnung');
  });

  test('a meeting whose agenda ratsradar has not read, or a date without a meeting page: only where the row comes from', () => {
    expect(said('b')).toBe('laut Beratungsfolge');
    expect(said('c')).toBe('laut Beratungsfolge');
  });
});
