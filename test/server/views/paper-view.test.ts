/**
 * toPaperView, the motion page's view model, built directly (no HTTP, no template) from the demo
 * motion DS/2026/0123 in the web tests' database on 2026-11-24: its fields, not a regex over HTML.
 */
import { loadPaper } from '../../../src/db/queries';
import { loadPaperAgenda } from '../../../src/db/queries-agenda';
import { loadPaperLinks } from '../../../src/db/queries-meetings';
import { progress } from '../../../src/domain/progress';
import { toPaperView } from '../../../src/server/views/paper-view';
import { buildFixtureApp, TODAY, type FixtureApp } from '../fixture-app';

describe('toPaperView (DS/2026/0123 on 2026-11-24)', () => {
  let f: FixtureApp;
  let view: ReturnType<typeof toPaperView>;
  const idOf = (sql: string) => f.opened.sqlite.prepare(sql).pluck().get() as number;

  beforeAll(() => {
    f = buildFixtureApp();
    const id = f.idOf('DS/2026/0123');
    const stored = loadPaper(f.opened.sqlite, id)!;
    const pr = progress(stored.record, TODAY, { agenda: loadPaperAgenda(f.opened.sqlite, id) });
    const links = loadPaperLinks(f.opened.sqlite, id, stored.record.consultation.map((c) => c.organization));
    view = toPaperView(stored, pr, TODAY, { links });
  });
  afterAll(() => f.cleanup());

  test('a motion not dealt with yet counts its days as submitted, not as "in Beratung" (Braunschweig 26-29470)', () => {
    const id = f.idOf('26-29470');
    const stored = loadPaper(f.opened.sqlite, id)!;
    const pr = progress(stored.record, TODAY, { agenda: loadPaperAgenda(f.opened.sqlite, id) });
    const v = toPaperView(stored, pr, TODAY, {});
    expect([v.state, stored.record.date]).toEqual(['submitted', '2026-09-04']);
    expect(v.explanation).toMatch(/^Eingereicht: am 04\.09\.2026 vorgelegt, noch nicht beraten; als Nächstes /);
    // counted up to the day the data is known up to (pr.countTo)
    expect(v.totalDaysText).toBe(`Vorgelegt vor ${(Date.parse(pr.countTo) - Date.parse('2026-09-04')) / 86_400_000} Tagen`);
  });

  test('title, state and explanation', () => {
    expect(view.title).toBe('DS/2026/0123 – Teilnahme der Stadt Musterstadt am bundesweiten Digitaltag 2027');
    expect([view.state, view.stateLabel, view.deferralCount, view.referralCount]).toEqual(['scheduled', 'terminiert', 0, 0]);
    expect(view.explanation).toBe(
      'Terminiert: Hauptausschuss (Vorberatung) am 03.12.2026; zuletzt Ausschuss für Digitalisierung und Smart City am 14.10.2026 („ungeändert beschlossen“).',
    );
    expect([view.meta.sourceKey, view.meta.isDemo]).toEqual(['demo-musterstadt', true]);
  });

  test('stations: number, label, status word and icon (● marks the current one), days, committee link', () => {
    const [digital, ha, rat] = ['Ausschuss für Digitalisierung und Smart City', 'Hauptausschuss', 'Rat der Stadt Musterstadt'].map((name) =>
      idOf(`SELECT o.id FROM organizations o JOIN sources s ON s.id = o.source_id WHERE s.key = 'demo-musterstadt' AND o.name = '${name}'`));
    expect(view.stations.map((s) => ({ n: s.number, name: s.organizationLabel, role: s.role, status: s.statusLabel, icon: s.icon, current: s.isCurrent, days: s.daysText, href: s.committeeHref }))).toEqual([
      { n: 1, name: 'Ausschuss für Digitalisierung und Smart City', role: 'Vorberatung', status: 'erledigt', icon: '✓', current: false, days: '22 Tage', href: `/organizations/${digital}` },
      { n: 2, name: 'Hauptausschuss', role: 'Vorberatung', status: 'geplant', icon: '●', current: true, days: null, href: `/organizations/${ha}` },
      { n: 3, name: 'Rat der Stadt Musterstadt', role: 'Entscheidung', status: 'geplant', icon: '○', current: false, days: null, href: `/organizations/${rat}` },
    ]);
    expect(view.trackSummary).toBe(
      'Station 1 von 3: Ausschuss für Digitalisierung und Smart City (Vorberatung), erledigt, 22 Tage. ' +
        'Station 2 von 3: Hauptausschuss (Vorberatung), geplant, aktuelle Station. Station 3 von 3: Rat der Stadt Musterstadt (Entscheidung), geplant.',
    );
    expect(view.totalDaysText).toBe('In Beratung seit 63 Tagen');
  });

  test('the next step: the Hauptausschuss on 03.12.2026, its meeting page and committee page', () => {
    const meeting = idOf("SELECT id FROM meetings WHERE external_id = '4102'");
    expect(view.next && { organization: view.next.organizationLabel, date: view.next.date, station: view.next.stationIndex, meetingId: view.next.meetingId, href: view.next.committeeHref })
      .toEqual({ organization: 'Hauptausschuss', date: '2026-12-03', station: 1, meetingId: meeting, href: view.stations[1].committeeHref });
    expect(view.decision).toBeNull();
  });

  test('originators link to the faction\'s motions; only http(s) links leave the page; data age and the empty extras', () => {
    expect(view.originators).toEqual([
      { name: 'SPD-Fraktion', orgHref: null, listHref: '/?thema=alle&stadt=demo-musterstadt&fraktion=SPD-Fraktion', listLabel: 'Anträge der SPD-Fraktion' },
    ]);
    expect(view.originalUrl).toBe('https://musterstadt.example/bi/vo020.asp?VOLFDNR=9001');
    expect(view.files.every((file) => file.url === null || /^https?:\/\//.test(file.url))).toBe(true);
    expect([view.dataAge.asOf, view.dataAge.ageDays, view.dataAge.stale, view.dataAge.risUrl]).toEqual(['2026-11-24', 0, false, view.originalUrl]);
    expect([view.caseMembers, view.path, view.history, view.historyMore, view.lastChecked]).toEqual([[], null, [], 0, null]);
  });
});
