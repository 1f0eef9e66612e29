/** decisions.ts: table-driven — the vote as one line, the Beschluss text of an item's sections, and the agenda item of a meeting row. */
import type { TextSection, Vote } from '../../scrapers/records';
import { decisionOf, decisionTextOf, formatVote, itemOfRow, type DecisionItem } from '../../src/domain/decisions';

const vote = (yes: number | null, no: number | null, abstain: number | null, text: string): Vote => ({ yes, no, abstain, text });

test.each<[string, Vote | null, string | null]>([
  ['all three counts (Taunusstein)', vote(25, 8, 0, 'Dafür: 25 Dagegen: 8 Enthaltungen: 0'), 'Dafür 25, Dagegen 8, Enthaltungen 0'],
  ['counts partly known: the statement as given (Hildesheim)', vote(null, 0, 2, 'einstimmig mit zwei Enthaltungen'), 'einstimmig mit zwei Enthaltungen'],
  ['"einstimmig" alone', vote(null, 0, null, 'einstimmig'), 'einstimmig'],
  ['no vote', null, null],
  ['an empty statement', vote(null, null, null, '  '), null],
])('formatVote: %s', (_name, v, expected) => {
  expect(formatVote(v)).toBe(expected);
});

const s = (heading: string | null, text: string): TextSection => ({ heading, text });

test.each<[string, TextSection[], boolean, string | null]>([
  ['the Beschluss section, not the protocol', [s('Wortprotokoll', 'Frau N. referierte die Vorlage.'), s('Beschluss', 'Der Annahme wird zugestimmt.'), s('Abstimmungsergebnis', 'einstimmig')], false, 'Der Annahme wird zugestimmt.'],
  ['"Beschluss:" with its colon and "Beschlusstext"', [s('Beschluss:', 'A.'), s('Beschlusstext', 'B.')], false, 'A.\n\nB.'],
  ['a proposal is no decision', [s('Beschlussvorschlag', 'Es wird vorgeschlagen …'), s('Beschlussempfehlung', 'X')], false, null],
  ['a protocol alone (Hamburg) gives none', [s('Protokoll', 'Die Bezirksversammlung beschließt …')], false, null],
  ['an OParl resolutionText (no heading) is the decision', [s(null, 'Der Rat beschließt.')], true, 'Der Rat beschließt.'],
  ['a section without heading on an HTML page is not', [s(null, 'Irgendein Text')], false, null],
  ['an empty Beschluss section gives none', [s('Beschluss', '  ')], false, null],
  ['the procedure before a "Beschluss:" line is left out (Taunusstein: who asked for the vote)',
    [s('Beschluss', 'Stadtverordnetenvorsteher Löser bittet um Abstimmung.\nBeschluss:\n1. Der Entwurf wird beschlossen.\n2. Weiter.')], false, '1. Der Entwurf wird beschlossen.\n2. Weiter.'],
  ['two decisions in one section (Taunusstein: the committee\'s proposal, then the whole budget): what each vote was on stays, who asked for it not',
    [s('Beschluss', 'V. bittet um Abstimmung, zunächst über den Vorschlag des Ausschusses.\nBeschluss:\n1. A.\nAbstimmung: | Dafür: | 25 | Dagegen: | 8 | Enthaltungen: | 0\nStadtverordnetenvorsteher Löser bittet daraufhin um Abstimmung über den Gesamtbeschluss:\nBeschluss:\n1. B.')], false,
    'Abstimmung, zunächst über den Vorschlag des Ausschusses.\nBeschluss:\n1. A.\nAbstimmung: Dafür 25, Dagegen 8, Enthaltungen 0\nAbstimmung über den Gesamtbeschluss:\nBeschluss:\n1. B.'],
  ['two decisions, a vote called without saying on what: that line goes',
    [s('Beschluss', 'Die Vorsitzende lässt abstimmen.\nBeschluss:\nA.\nV. bittet um Abstimmung.\nBeschluss:\nB.')], false, 'Beschluss:\nA.\nBeschluss:\nB.'],
  ['two decisions: speakers before the first and between a vote and the next call are left out',
    [s('Beschluss', 'Herr Müller (Fachbereich 3) erläutert die Vorlage.\nFrau Schmidt (SPD) beantragt getrennte Abstimmung.\nV. bittet um Abstimmung über Ziffer 1:\nBeschluss:\n1. A.\nAbstimmung: 20 dafür\nHerr X erklärt sich für befangen.\nDie Vorsitzende lässt über Ziffer 2 abstimmen:\nBeschluss:\n2. B.')], false,
    'Abstimmung über Ziffer 1:\nBeschluss:\n1. A.\nAbstimmung: 20 dafür\nAbstimmung über Ziffer 2:\nBeschluss:\n2. B.'],
  ['two decisions, the section starting with "Beschluss:": the second call said without who called it',
    [s('Beschluss', 'Beschluss:\nA.\nAbstimmung: einstimmig\nStadtverordnetenvorsteher Löser bittet um Abstimmung über den Gesamtbeschluss:\nBeschluss:\nB.')], false,
    'Beschluss:\nA.\nAbstimmung: einstimmig\nAbstimmung über den Gesamtbeschluss:\nBeschluss:\nB.'],
  ['a vote given as a table\'s cells reads as words',
    [s('Beschluss', 'Der Antrag wird angenommen.\nAbstimmung: | einstimmig bei einer Enthaltung\nAbstimmungsergebnis: | Ja-Stimmen: | 10 | Nein: | 2')], false,
    'Der Antrag wird angenommen.\nAbstimmung: einstimmig bei einer Enthaltung\nAbstimmungsergebnis: Ja-Stimmen 10, Nein 2'],
  ['a decision\'s own "in Abstimmung mit" stays (a line calling a vote goes only right before a "Beschluss:" line)',
    [s('Beschluss', 'Die Vorsitzende lässt abstimmen.\nBeschluss:\nDer Regionalausschuss bittet die Verwaltung, in Abstimmung mit dem Bezirksamt zu prüfen.\nDie Kosten trägt der Bezirk.')], false,
    'Der Regionalausschuss bittet die Verwaltung, in Abstimmung mit dem Bezirksamt zu prüfen.\nDie Kosten trägt der Bezirk.'],
  ['a "Beschluss:" line first, or with nothing after it, leaves the text as it is',
    [s('Beschluss', 'Beschluss:\nA.'), s('Beschluss', 'Vorlauf.\nBeschluss:')], false, 'Beschluss:\nA.\n\nVorlauf.\nBeschluss:'],
])('decisionTextOf: %s', (_name, sections, oparl, expected) => {
  expect(decisionTextOf(sections, oparl)).toBe(expected);
});

const item = (id: number, over: Partial<DecisionItem> = {}): DecisionItem => ({
  id, externalId: null, meetingId: null, date: null, organization: null, vote: null, status: null, text: [], oparlText: false, ...over,
});
const ITEMS = [
  item(1, { externalId: '76127', meetingId: 27, date: '2025-03-31', organization: 'Rat' }),
  item(2, { externalId: '500', meetingId: 30, date: '2025-04-02', organization: 'Hauptausschuss' }),
  item(3, { externalId: '501', meetingId: null, date: '2025-04-10', organization: 'Bauausschuss' }),
  item(4, { externalId: '502', meetingId: 31, date: '2025-05-01', organization: 'Rat' }),
  item(5, { externalId: '503', meetingId: 31, date: '2025-05-01', organization: 'Rat' }),
];

test.each<[string, Parameters<typeof itemOfRow>[0], string | null, number | null]>([
  ['the linked item first', { date: '2025-04-10', agendaItemSourceId: '500', agendaItemId: 1 }, 'Rat', 1],
  ['then by TOLFDNR', { date: null, agendaItemSourceId: '500' }, null, 2],
  ['then the one item of the linked meeting', { date: null, agendaItemSourceId: null, meetingId: 27 }, null, 1],
  ['two items of the meeting: no guess by meeting', { date: null, agendaItemSourceId: null, meetingId: 31 }, 'Rat', null],
  ['then the one item of day and committee', { date: '2025-04-10', agendaItemSourceId: null }, 'Bauausschuss', 3],
  ['same day, other committee: none', { date: '2025-04-10', agendaItemSourceId: null }, 'Rat', null],
  ['two items that day: none', { date: '2025-05-01', agendaItemSourceId: null }, 'Rat', null],
  ['an undated row without links: none', { date: null, agendaItemSourceId: null }, 'Rat', null],
  ['a link to an item not in the list falls through to the TOLFDNR', { date: null, agendaItemSourceId: '501', agendaItemId: 99 }, null, 3],
])('itemOfRow: %s', (_name, row, organization, expected) => {
  expect(itemOfRow(row, organization, ITEMS)?.id ?? null).toBe(expected);
});

test.each([
  ['a status with its day', { text: 'Beschlussumsetzung erwünscht', date: '2025-12-22' }, 'Beschlussumsetzung erwünscht (22.12.2025)'],
  ['a status without a day', { text: 'in Bearbeitung', date: null }, 'in Bearbeitung'],
  ['none', null, null],
])('decisionOf: the RIS\'s status of the decision, %s', (_name, status, expected) => {
  expect(decisionOf(item(1, { status })).statusText).toBe(expected);
});
