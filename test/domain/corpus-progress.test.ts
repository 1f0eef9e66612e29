/**
 * progress() on every vo020 page of the corpus, as parsed: the state, each station's status, the
 * next step, the decision and the explanation, on a fixed day (and on a day before a planned meeting).
 */
import fs from 'node:fs';
import { parsePage } from '../../scrapers/parse';
import type { PaperRecord } from '../../scrapers/records';
import { progress, type PaperState, type StationState } from '../../src/domain/progress';
import { VO020_CASES, corpusPath } from '../helpers/vo020-cases';

interface Row {
  page: string;
  today: string;
  state: PaperState;
  stations: StationState[];
  next: { organization: string; date: string | null } | null;
  decision: { result: string | null; date: string } | null;
  deferrals: number;
  explanation: string;
}

const TABLE: Row[] = [
  // the committee met and its result is not published: that meeting is not a next step
  { page: 'allris3/hamburg-altona/vo020-1018473.html', today: '2026-11-24', state: 'in-deliberation', stations: ['current'],
    next: null, decision: null, deferrals: 0,
    explanation: 'In Beratung: Hauptausschuss, Sitzung am 09.07.2026, Ergebnis noch nicht veröffentlicht.' },
  { page: 'allris3/hamburg-altona/vo020-1018473.html', today: '2026-07-01', state: 'scheduled', stations: ['planned'],
    next: { organization: 'Hauptausschuss', date: '2026-07-09' }, decision: null, deferrals: 0,
    explanation: 'Terminiert: Hauptausschuss am 09.07.2026.' },
  { page: 'allris3/hamburg-bergedorf/vo020-1009833.html', today: '2026-11-24', state: 'submitted', stations: ['planned'],
    next: { organization: 'Bezirksversammlung Bergedorf', date: null }, decision: null, deferrals: 0,
    explanation: 'Eingereicht: noch nicht beraten; als Nächstes Bezirksversammlung Bergedorf, noch ohne Termin.' },
  // both Kenntnisnahmen "Geplant" with a past meeting and no result: each awaits its result (the page does not say
  // they are done), the one that met last is named; the Bezirksversammlung ("Bereit") comes next
  { page: 'allris3/hamburg-eimsbuettel/vo020-1011853.html', today: '2026-11-24', state: 'in-deliberation', stations: ['current', 'current', 'planned'],
    next: { organization: 'Bezirksversammlung', date: null }, decision: null, deferrals: 0,
    explanation: 'In Beratung: Regionalausschuss Lokstedt/Niendorf/Schnelsen (Kenntnisnahme), Sitzung am 31.08.2026, Ergebnis noch nicht veröffentlicht; danach Bezirksversammlung (Kenntnisnahme), noch ohne Termin.' },
  // the committee met and its result is not published: that meeting is not a next step
  { page: 'allris3/hamburg-mitte/vo020-1020365.html', today: '2026-11-24', state: 'in-deliberation', stations: ['current'],
    next: null, decision: null, deferrals: 0,
    explanation: 'In Beratung: Hauptausschuss, Sitzung am 07.07.2026, Ergebnis noch nicht veröffentlicht.' },
  // the committee met and its result is not published: that meeting is not a next step
  { page: 'allris3/hamburg-nord/vo020-1016851.html', today: '2026-11-24', state: 'in-deliberation', stations: ['current'],
    next: null, decision: null, deferrals: 0,
    explanation: 'In Beratung: Hauptausschuss, Sitzung am 07.07.2026, Ergebnis noch nicht veröffentlicht.' },
  { page: 'allris3/hildesheim/vo020-8000.html', today: '2026-11-24', state: 'noted', stations: ['done', 'done'],
    next: null, decision: { result: 'zur Kenntnis genommen', date: '2023-06-21' }, deferrals: 0,
    explanation: 'Zur Kenntnis genommen: Ortsrat Stadtmitte/Neustadt hat am 21.06.2023 „zur Kenntnis genommen“ (Information).' },
  { page: 'allris3/regensburg/vo020-VO-26-23343-D2-excerpt.html', today: '2026-11-24', state: 'decided', stations: ['done', 'done'],
    next: null, decision: { result: 'ungeändert beschlossen', date: '2026-09-24' }, deferrals: 0,
    explanation: 'Beschlossen: Ausschuss für Umweltfragen, Natur- und Klimaschutz hat am 24.09.2026 „ungeändert beschlossen“.' },
  // every station "Erledigt" in the RIS, the deciding one included: done, though no result is given
  { page: 'allris3/landkreis-osnabrueck/vo020r-4010-excerpt.html', today: '2026-11-24', state: 'closed', stations: ['done', 'done', 'done'],
    next: null, decision: { result: null, date: '2026-09-28' }, deferrals: 0,
    explanation: 'Erledigt: alle Stationen sind im RIS als „Erledigt“ markiert, zuletzt Kreistag des Landkreises Osnabrück (Entscheidung) am 28.09.2026; ein Ergebnis ist nicht angegeben.' },
  { page: 'allris4/laatzen/vo020-1000238.html', today: '2026-11-24', state: 'stopped', stations: ['done', 'done', 'done', 'done', 'stopped', 'stopped'],
    next: null, decision: null, deferrals: 1,
    explanation: 'Gestoppt: die Station „Rat der Stadt Laatzen“ (Entscheidung, Sitzung am 03.09.2026) ist als „Gestoppt“ markiert; danach ist nichts mehr geschehen oder geplant.' },
];

function record(page: string): PaperRecord {
  const c = VO020_CASES.find((x) => x.page === page)!;
  return parsePage(fs.readFileSync(corpusPath(c)), c.url) as PaperRecord;
}

describe('progress on the corpus vo020 pages', () => {
  test('every vo020 page of the corpus is in the table', () => {
    expect([...new Set(TABLE.map((r) => r.page))].sort()).toEqual(VO020_CASES.map((c) => c.page).sort());
  });

  test.each(TABLE.map((r) => [`${r.page} on ${r.today}`, r]))('%s', (_name, row) => {
    const p = progress(record(row.page), row.today);
    expect(p.state).toBe(row.state);
    expect(p.stations.map((s) => s.status)).toEqual(row.stations);
    expect(p.next ? { organization: p.next.organization, date: p.next.date } : null).toEqual(row.next);
    expect(p.decision ? { result: p.decision.result, date: p.decision.date } : null).toEqual(row.decision);
    expect(p.deferralCount).toBe(row.deferrals);
    expect(p.explanation).toBe(row.explanation);
  });
});
