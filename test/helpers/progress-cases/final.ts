/** progress() cases of final states (decided, amended, noted, rejected, stopped, withdrawn) and of the station status words the RIS shows beside the rows. */
import { HA, LAATZEN_2026_245, RAT, row, station, type Case } from './consultations';

export const FINAL_CASES: Case[] = [
  // ---- final states --------------------------------------------------------------------------------
  {
    name: 'decided at the decision station',
    consultation: [
      station('FA Wirtschaft, Arbeit und Digitales', 'Entscheidung', 'decision', [row('2020-02-11', 'ungeändert beschlossen', 'adopted')]),
    ],
    today: '2026-11-24',
    state: 'decided',
    currentStation: null,
    next: null,
    decision: { stationIndex: 0, resultCode: 'adopted', date: '2020-02-11' },
    explanation: 'Beschlossen: FA Wirtschaft, Arbeit und Digitales hat am 11.02.2020 „ungeändert beschlossen“ (Entscheidung).',
    explanationEn: 'Adopted: FA Wirtschaft, Arbeit und Digitales resolved “ungeändert beschlossen” on 2020-02-11 (Entscheidung).',
  },
  {
    name: 'decided with amendments',
    consultation: [HA([row('2026-02-01', 'ungeändert beschlossen', 'adopted')]), RAT([row('2026-03-12', 'geändert beschlossen', 'adopted-amended')])],
    today: '2026-11-24',
    state: 'decided-amended',
    explanation: 'Mit Änderungen beschlossen: Rat der Stadt hat am 12.03.2026 „geändert beschlossen“ (Entscheidung).',
  },
  {
    name: 'rejected at the decision station',
    consultation: [HA([row('2026-02-01', 'nicht empfohlen', 'rejected')]), RAT([row('2026-03-12', 'abgelehnt', 'rejected')])],
    today: '2026-11-24',
    state: 'rejected',
    explanation: 'Abgelehnt: Rat der Stadt hat am 12.03.2026 „abgelehnt“ (Entscheidung).',
  },
  {
    name: 'rejected in a Vorberatung only does not end it',
    consultation: [HA([row('2026-10-01', 'abgelehnt', 'rejected')]), RAT([row('2026-12-03')])],
    today: '2026-11-24',
    state: 'scheduled',
    decision: null,
  },
  {
    name: 'noted: a Mitteilungsvorlage taken note of at its last Kenntnisnahme station',
    consultation: [
      station('Ausschuss für Stadtentwicklung, Umwelt und Mobilität', 'Information', 'notice', [row('2023-06-14', 'zur Kenntnis genommen', 'noted')]),
      station('Ortsrat Stadtmitte/Neustadt', 'Information', 'notice', [row('2023-06-21', 'zur Kenntnis genommen', 'noted')]),
    ],
    today: '2026-11-24',
    state: 'noted',
    decision: { stationIndex: 1, resultCode: 'noted', date: '2023-06-21' },
    explanation: 'Zur Kenntnis genommen: Ortsrat Stadtmitte/Neustadt hat am 21.06.2023 „zur Kenntnis genommen“ (Information).',
  },
  {
    name: 'closed: every station "Erledigt" in the RIS, the deciding one without a result — not "beschlossen"',
    consultation: [
      station('Hauptausschuss', 'Vorberatung', 'preliminary', [row('2026-09-03', 'ungeändert beschlossen', 'adopted')], 'Erledigt'),
      station('Rat der Stadt', 'Entscheidung', 'decision', [row('2026-09-28')], 'Erledigt'),
    ],
    today: '2026-11-24',
    state: 'closed',
    decision: { stationIndex: 1, resultCode: 'open', date: '2026-09-28' },
    explanation: 'Erledigt: alle Stationen sind im RIS als „Erledigt“ markiert, zuletzt Rat der Stadt (Entscheidung) am 28.09.2026; ein Ergebnis ist nicht angegeben.',
  },
  {
    name: 'not yet noted while the last Kenntnisnahme station is still open',
    consultation: [
      station('Hauptausschuss', 'Kenntnisnahme', 'notice', [row('2026-07-23', 'zur Kenntnis genommen', 'noted')]),
      station('Bezirksversammlung', 'Kenntnisnahme', 'notice'),
    ],
    today: '2026-11-24',
    state: 'in-deliberation',
    next: { stationIndex: 1, date: null },
  },
  {
    name: 'withdrawn anywhere ends it, even before the decision station met',
    consultation: [HA([row('2026-04-14', 'zurückgezogen', 'withdrawn')]), RAT([row('2026-12-10')])],
    today: '2026-11-24',
    state: 'withdrawn',
    currentStation: null,
    decision: { stationIndex: 0, resultCode: 'withdrawn', date: '2026-04-14' },
    explanation: 'Zurückgezogen: in der Sitzung am 14.04.2026 (Hauptausschuss, Vorberatung) als „zurückgezogen“ vermerkt.',
    explanationEn: 'Withdrawn: recorded as “zurückgezogen” at the meeting on 2026-04-14 (Hauptausschuss, Vorberatung).',
  },
  {
    name: 'settled ("für erledigt erklärt") at the decision station → closed ("erledigt", not "gestoppt"), with its decision row',
    consultation: [RAT([row('2026-05-07', 'für erledigt erklärt', 'settled')])],
    today: '2026-11-24',
    state: 'closed',
    decision: { stationIndex: 0, resultCode: 'settled', date: '2026-05-07' },
    explanation: 'Erledigt: Rat der Stadt hat am 07.05.2026 „für erledigt erklärt“ (Entscheidung); die Beratung ist damit beendet.',
  },
  {
    name: 'Laatzen 2026-245 (ALLRIS 4): Rat and a second Schulausschuss "Gestoppt" → stopped',
    consultation: LAATZEN_2026_245,
    today: '2026-11-24',
    state: 'stopped',
    stations: ['done', 'done', 'done', 'done', 'stopped', 'stopped'],
    currentStation: null,
    next: null,
    decision: null,
    deferralCount: 1,
    lastActivity: '2026-09-03',
    explanation:
      'Gestoppt: die Station „Rat der Stadt Laatzen“ (Entscheidung, Sitzung am 03.09.2026) ist als „Gestoppt“ markiert; danach ist nichts mehr geschehen oder geplant.',
  },
  {
    name: 'a stopped station followed by a later station that went on is not the end',
    consultation: [HA([], 'Gestoppt'), station('Finanzausschuss', 'Vorberatung', 'preliminary', [row('2026-10-01', 'ungeändert beschlossen', 'adopted')]), RAT()],
    today: '2026-11-24',
    state: 'in-deliberation',
    stations: ['stopped', 'done', 'planned'],
  },

  // ---- station status: shown word vs rows, skipped ----------------------------------------------------------
  {
    name: 'ALLRIS 4 words: "Erledigt" without rows is done, "Geplant" with a past row is done, "Bereit" is planned',
    consultation: [
      station('Ortsrat', 'Anhörung', 'hearing', [row('2026-08-25')], 'Geplant'),
      station('Verwaltungsausschuss', 'Vorberatung', 'preliminary', [], 'Erledigt'),
      RAT([], 'Bereit'),
    ],
    today: '2026-11-24',
    state: 'in-deliberation',
    stations: ['done', 'done', 'planned'],
    currentStation: 2,
  },
  {
    name: 'skipped: an earlier station never met while a later one decided',
    consultation: [
      station('Jugendhilfeausschuss', 'Vorberatung', 'preliminary'),
      HA([row('2026-03-03', 'ungeändert beschlossen', 'adopted')]),
      RAT([row('2026-03-26', 'ungeändert beschlossen', 'adopted')]),
    ],
    today: '2026-11-24',
    state: 'decided',
    stations: ['skipped', 'done', 'done'],
  },
  {
    name: 'several decision stations (ALLRIS 4 Potsdam): an earlier decision is not final while a later one is scheduled',
    consultation: [
      station('Hauptausschuss', 'Entscheidung', 'decision', [row('2026-11-04', 'ungeändert beschlossen', 'adopted')]),
      station('Stadtverordnetenversammlung', 'Entscheidung', 'decision', [row('2026-12-02')]),
    ],
    today: '2026-11-24',
    state: 'scheduled',
    decision: null,
    next: { stationIndex: 1, date: '2026-12-02' },
  },
  {
    name: 'no decision role: the last station decides (Regensburg-like, roles not shown)',
    consultation: [
      station('Ausschuss für Stadtplanung, Verkehr und Wohnungsfragen', null, null, [row('2026-09-22', 'ungeändert beschlossen', 'adopted')]),
      station('Ausschuss für Umweltfragen, Natur- und Klimaschutz', null, null, [row('2026-09-24', 'ungeändert beschlossen', 'adopted')]),
    ],
    today: '2026-11-24',
    state: 'decided',
    decision: { stationIndex: 1, resultCode: 'adopted', date: '2026-09-24' },
    explanation: 'Beschlossen: Ausschuss für Umweltfragen, Natur- und Klimaschutz hat am 24.09.2026 „ungeändert beschlossen“.',
  },
  {
    name: 'OParl without dates: an undated row with a result counts as past',
    consultation: [station('Stadtrat', 'Beschlussfassung', 'decision', [row(null, 'mehrheitlich zugestimmt', 'adopted')])],
    today: '2026-11-24',
    state: 'decided',
    lastActivity: null,
    explanation: 'Beschlossen: Stadtrat hat „mehrheitlich zugestimmt“ (Beschlussfassung).',
  },
];
