/** eventSentence: one German sentence per event kind, table-tested (src/domain/event-text.ts). */
import { eventSentence, inCommittee, voteText } from '../../src/domain/event-text';
import type { EventDraft } from '../../src/domain/paper-event';

type E = Pick<EventDraft, 'kind' | 'happenedOn' | 'committee' | 'payload'>;
const e = (kind: E['kind'], committee: string | null, payload: E['payload'], happenedOn: string | null = null): E => ({ kind, committee, payload, happenedOn });

describe('eventSentence', () => {
  test.each<[string, E, string]>([
    ['new, with the paper date', e('new', null, { date: '2026-09-22' }, '2026-09-22'), 'Neu erfasst (Vorlage vom 22.09.2026)'],
    ['new, without a date', e('new', null, { date: null }), 'Neu erfasst'],
    ['station added', e('station_added', 'Rat der Stadt Musterstadt', { role: 'decision' }), 'Neue Station in der Beratungsfolge: Rat der Stadt Musterstadt (Entscheidung)'],
    ['station added, role other', e('station_added', 'Seniorenbeirat', { role: 'other' }), 'Neue Station in der Beratungsfolge: Seniorenbeirat'],
    ['station added, committee unknown', e('station_added', null, { role: null }), 'Neue Station in der Beratungsfolge: Gremium nicht bekannt'],
    ['date set', e('date_set', 'Hauptausschuss', { date: '2026-12-03', role: 'preliminary' }, '2026-12-03'), 'Termin im Hauptausschuss: 03.12.2026 (Vorberatung)'],
    ['date removed', e('date_set', 'Hauptausschuss', { date: null }), 'Termin im Hauptausschuss gestrichen'],
    ['date moved', e('date_moved', 'Hauptausschuss', { from: '2026-12-03', to: '2026-12-10' }, '2026-12-10'), 'Termin im Hauptausschuss verschoben: vom 03.12.2026 auf den 10.12.2026'],
    ['date moved, feminine committee', e('date_moved', 'Bezirksversammlung Altona', { from: '2026-12-03', to: '2026-12-10' }), 'Termin in der Bezirksversammlung Altona verschoben: vom 03.12.2026 auf den 10.12.2026'],
    ['on an agenda', e('on_agenda', 'Rat der Stadt Musterstadt', { date: '2026-12-17' }, '2026-12-17'), 'Auf der Tagesordnung: Rat der Stadt Musterstadt am 17.12.2026'],
    ['off an agenda', e('off_agenda', 'Hauptausschuss', { date: '2026-12-03' }, '2026-12-03'), 'Von der Tagesordnung genommen: Hauptausschuss am 03.12.2026'],
    ['result, unanimous', e('result', 'Hauptausschuss', { date: '2026-12-03', result: 'adopted', vote: { yes: null, no: 0, abstain: 0 } }, '2026-12-03'), 'Ergebnis im Hauptausschuss am 03.12.2026: ungeändert beschlossen (einstimmig)'],
    ['result, counted', e('result', 'Rat der Stadt Musterstadt', { date: '2026-12-17', result: 'rejected', vote: { yes: 12, no: 25, abstain: 1 } }), 'Ergebnis im Rat der Stadt Musterstadt am 17.12.2026: abgelehnt (12 dafür, 25 dagegen, 1 Enthaltung)'],
    ['result, no vote known', e('result', 'Ausschuss für Digitalisierung und Smart City', { date: '2026-10-14', result: 'adopted-amended', vote: null }), 'Ergebnis im Ausschuss für Digitalisierung und Smart City am 14.10.2026: mit Änderungen beschlossen'],
    ['result, unclassified text', e('result', null, { date: null, result: 'unclassified' }), 'Ergebnis: veröffentlicht'],
    ['state', e('state', 'Hauptausschuss', { status: 'stopped', previousStatus: 'planned' }), 'Stand im Hauptausschuss: gestoppt'],
    ['document', e('document', null, { file: 'Beschlussvorlage.pdf' }), 'Neues Dokument: Beschlussvorlage.pdf'],
    ['Beratungsfolge changed', e('consultation_changed', null, { stations: 3, previousStations: 1 }), 'Beratungsfolge geändert: jetzt 3 Stationen (vorher 1)'],
    ['Beratungsfolge changed to one', e('consultation_changed', null, { stations: 1, previousStations: 2 }), 'Beratungsfolge geändert: jetzt 1 Station (vorher 2)'],
    ['a meeting cancelled', e('meeting_cancelled', 'Hauptausschuss', { date: '2026-12-03' }, '2026-12-03'), 'Sitzung abgesagt: Hauptausschuss am 03.12.2026'],
    ['a meeting of no known committee cancelled', e('meeting_cancelled', null, { date: '2026-12-03', meeting: 'Sitzung des Haushaltsausschusses' }, '2026-12-03'), 'Sitzung abgesagt: Sitzung des Haushaltsausschusses am 03.12.2026'],
    ['a meeting\'s new document', e('meeting_document', 'Bezirksversammlung', { date: '2025-12-11', file: 'Niederschrift öffent. Teil' }, '2025-12-11'), 'Neues Dokument zur Sitzung: Niederschrift öffent. Teil (Bezirksversammlung am 11.12.2025)'],
    ['a document of a meeting of no known committee', e('meeting_document', null, { date: '2026-12-03', meeting: 'Sitzung des Haushaltsausschusses', file: 'Einladung' }, '2026-12-03'), 'Neues Dokument zur Sitzung: Einladung (Sitzung des Haushaltsausschusses am 03.12.2026)'],
  ])('%s', (_name, event, sentence) => {
    expect(eventSentence(event)).toBe(sentence);
  });

  test.each<[Parameters<typeof voteText>[0], string | null]>([
    [null, null],
    [{ yes: 30, no: 0, abstain: 2 }, 'einstimmig bei 2 Enthaltungen'],
    [{ yes: null, no: 0, abstain: 1 }, 'einstimmig bei 1 Enthaltung'],
    [{ yes: 0, no: 0, abstain: 5 }, '0 dafür, 0 dagegen, 5 Enthaltungen'],
    [{ yes: null, no: null, abstain: null }, null],
  ])('voteText(%j) → %j', (vote, text) => {
    expect(voteText(vote)).toBe(text);
  });

  test.each<[string | null, string]>([
    ['Hauptausschuss', ' im Hauptausschuss'],
    ['Stadtverordnetenversammlung', ' in der Stadtverordnetenversammlung'],
    ['Regionalkonferenz Nord', ' in der Regionalkonferenz Nord'],
    [null, ''],
  ])('inCommittee(%j) → %j', (name, text) => {
    expect(inCommittee(name)).toBe(text);
  });
});
