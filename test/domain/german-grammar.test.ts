/**
 * German that reads right: every state × situation sentence of the domain (progress()'s explanation,
 * the next-step, agenda, deadline, awaiting and day phrases of step-texts.ts, the agenda check's
 * messages), rendered from a table of situations and checked against the grammar rules:
 *  - "seit 46 Tagen" (dative plural), "seit 1 Tag"; never "seit 46 Tage";
 *  - no space before a comma, semicolon, full stop or closing bracket; no double spaces or commas;
 *  - no "undefined", "null", "NaN", no empty brackets or quotes;
 *  - an unknown committee is "Gremium nicht bekannt", never an empty name;
 *  - a sentence starts with its state's label and ends with a full stop.
 */
import type { ConsultationMeetingRecord, ConsultationRecord } from '../../scrapers/records';
import type { ResultCode, RoleCode } from '../../scrapers/shared/codes';
import { checkAgendaItem } from '../../src/domain/agenda-check';
import type { PaperAgendaItem } from '../../src/domain/agenda-steps';
import { PAPER_STATES, progress, STATE_LABELS, type PaperState } from '../../src/domain/progress';
import { capitalise } from '../../src/domain/states';
import { agendaSourceText, awaitingText, daysText, deadlineText, nextStepText } from '../../src/domain/step-texts';

const TODAY = '2026-11-24';
const row = (date: string | null, resultCode: ResultCode = 'open', result: string | null = null): ConsultationMeetingRecord =>
  ({ date, name: null, meetingSourceId: null, agendaItemSourceId: null, result, resultCode });
const st = (organization: string | null, role: string | null, roleCode: RoleCode | null, meetings: ConsultationMeetingRecord[] = [], stationStatus: string | null = null): ConsultationRecord =>
  ({ organization, role, roleCode, stationStatus, meetings });
const agendaItem = (organization: string | null, date: string): PaperAgendaItem =>
  ({ date, organization, meetingName: null, meetingId: 1, meetingSourceId: null, agendaItemSourceId: null, number: '1', result: null, resultCode: null });

/** Situations: [name, consultation, paper date, agenda items]; each is rendered with the committees named and unnamed. */
type Situation = [string, (org: (name: string) => string | null) => ConsultationRecord[], string | null, ((org: (name: string) => string | null) => PaperAgendaItem[])?];

const SITUATIONS: Situation[] = [
  ['no Beratungsfolge', () => [], '2026-11-01'],
  ['no Beratungsfolge, no date', () => [], null],
  ['submitted, planned stations', (o) => [st(o('Hauptausschuss'), 'Vorberatung', 'preliminary'), st(o('Rat'), 'Entscheidung', 'decision')], '2026-11-01'],
  ['submitted without a date or role', (o) => [st(o('Rat'), null, null)], null],
  ['scheduled', (o) => [st(o('Hauptausschuss'), 'Vorberatung', 'preliminary', [row('2026-12-03')]), st(o('Rat'), 'Entscheidung', 'decision')], null],
  ['scheduled after a decision elsewhere', (o) => [st(o('Hauptausschuss'), 'Vorberatung', 'preliminary', [row('2026-10-03', 'adopted', 'beschlossen')]), st(o('Rat'), 'Entscheidung', 'decision', [row('2026-12-17')])], null],
  ['scheduled by an agenda, with a deadline', (o) => [st(o('Digitalausschuss'), 'Vorberatung', 'preliminary'), st(o('Rat'), 'Entscheidung', 'decision')], '2026-11-10', (o) => [agendaItem(o('Rat'), '2026-12-17')]],
  ['scheduled by an agenda at a committee not listed', (o) => [st(o('Rat'), 'Entscheidung', 'decision')], null, (o) => [agendaItem(o('Jugendbeirat'), '2026-12-10')]],
  ['in deliberation, next without a date', (o) => [st(o('Hauptausschuss'), 'Vorberatung', 'preliminary', [row('2026-10-03', 'adopted', 'beschlossen')]), st(o('Rat'), 'Entscheidung', 'decision')], null],
  ['in deliberation, deferred recently', (o) => [st(o('Hauptausschuss'), 'Vorberatung', 'preliminary', [row('2026-11-03', 'deferred', 'vertagt')])], null],
  ['in deliberation, met without a published result', (o) => [st(o('Hauptausschuss'), null, null, [row('2026-07-07')], 'Geplant')], null],
  ['in deliberation, met without a result, a later station open', (o) => [st(o('Hauptausschuss'), 'Vorberatung', 'preliminary', [row('2026-11-03')], 'Geplant'), st(o('Rat'), 'Entscheidung', 'decision')], null],
  ['in deliberation, undated rows only', (o) => [st(o('Hauptausschuss'), 'Vorberatung', 'preliminary', [row(null, 'adopted', 'beschlossen')]), st(o('Rat'), 'Entscheidung', 'decision')], null],
  ['in deliberation, done without meetings', (o) => [st(o('Hauptausschuss'), 'Vorberatung', 'preliminary', [], 'Erledigt'), st(o('Rat'), 'Entscheidung', 'decision')], null],
  ['in deliberation, nothing further listed', (o) => [st(o('Hauptausschuss'), 'Vorberatung', 'preliminary', [row('2026-10-03', 'adopted', 'beschlossen')])], null],
  ['stalled since the paper\'s date', (o) => [st(o('Hauptausschuss'), 'Vorberatung', 'preliminary')], '2025-01-10'],
  ['stalled since a meeting', (o) => [st(o('Hauptausschuss'), 'Vorberatung', 'preliminary', [row('2025-06-01', 'adopted', 'beschlossen')]), st(o('Rat'), 'Entscheidung', 'decision')], null],
  ['resting after a deferral', (o) => [st(o('Hauptausschuss'), 'Vorberatung', 'preliminary', [row('2026-06-01', 'deferred', 'vertagt')]), st(o('Rat'), 'Entscheidung', 'decision')], null],
  ['resting after a referral, nothing open', (o) => [st(o('Rat'), 'Beratung', 'preliminary', [row('2026-06-01', 'referred', 'verwiesen')])], null],
  ['decided', (o) => [st(o('Rat'), 'Entscheidung', 'decision', [row('2026-10-01', 'adopted', 'ungeändert beschlossen')])], null],
  ['decided without a role or date', (o) => [st(o('Rat'), null, null, [row(null, 'adopted', 'beschlossen')])], null],
  ['decided with amendments', (o) => [st(o('Rat'), 'Entscheidung', 'decision', [row('2026-10-01', 'adopted-amended', 'geändert beschlossen')])], null],
  ['rejected', (o) => [st(o('Rat'), 'Entscheidung', 'decision', [row('2026-10-01', 'rejected', 'abgelehnt')])], null],
  ['noted', (o) => [st(o('Rat'), 'Kenntnisnahme', 'decision', [row('2026-10-01', 'noted', 'zur Kenntnis genommen')])], null],
  ['withdrawn', (o) => [st(o('Rat'), 'Entscheidung', 'decision', [row('2026-10-01', 'withdrawn', 'zurückgezogen')])], null],
  ['withdrawn, no role, no date', (o) => [st(o('Rat'), null, null, [row(null, 'withdrawn', 'zurückgezogen')])], null],
  ['settled ("für erledigt erklärt")', (o) => [st(o('Rat'), 'Entscheidung', 'decision', [row('2026-10-01', 'settled', 'für erledigt erklärt')])], null],
  ['stopped ("Gestoppt")', (o) => [st(o('Bauausschuss'), 'Vorberatung', 'preliminary', [row('2026-10-01')], 'Gestoppt'), st(o('Rat'), 'Entscheidung', 'decision', [], 'Gestoppt')], null],
  ['stopped without a meeting', (o) => [st(o('Bauausschuss'), null, null, [], 'Gestoppt')], null],
  ['every station "Erledigt", no result', (o) => [st(o('Kreisausschuss'), 'Beratung', 'preliminary', [row('2026-09-21')], 'Erledigt'), st(o('Kreistag'), 'Entscheidung', 'decision', [row('2026-09-28')], 'Erledigt')], null],
  ['every station "Erledigt", a result', (o) => [st(o('Kreistag'), 'Entscheidung', 'decision', [row('2026-09-28', 'unclassified', 'erledigt')], 'Erledigt')], null],
];

function grammarErrors(text: string): string[] {
  const errors: string[] = [];
  const rules: [RegExp, string][] = [
    [/seit (?:[02-9]|\d{2,}) Tage\b/, '"seit N Tage" instead of "seit N Tagen"'],
    [/seit 1 Tagen/, '"seit 1 Tagen"'],
    [/\s[,;.)“]/, 'space before punctuation'],
    [/ {2}/, 'double space'],
    [/,,|;;|\.\.(?!\.)|, \.|; \./, 'doubled punctuation'],
    [/\b(?:undefined|null|NaN)\b/, 'a missing value printed'],
    [/\(\s*\)|„\s*“/, 'empty brackets or quotes'],
    [/unbekanntes Gremium/, 'an unknown committee not named "Gremium nicht bekannt"'],
    [/(?:^|[:;,] |\()(?:,| am| \()/, 'a name left empty'],
  ];
  for (const [re, what] of rules) if (re.test(text)) errors.push(`${what}: ${text}`);
  return errors;
}

const named = (name: string) => name;
const unnamed = () => null;

describe('German that reads right: every state × situation sentence', () => {
  const rendered: { name: string; state: PaperState; de: string; phrases: string[] }[] = [];
  for (const [name, build, date, agenda] of SITUATIONS) {
    for (const [variant, org] of [['named', named], ['committees unknown', unnamed]] as const) {
      for (const today of [TODAY, '2027-02-01']) {
        const pr = progress({ consultation: build(org), date }, today, { agenda: agenda?.(org) ?? [] });
        const phrases = [
          ...(pr.next ? [nextStepText(pr.next), agendaSourceText(pr.next.agenda) ?? ''] : []),
          ...(pr.awaiting ? [awaitingText(pr.awaiting)] : []),
          ...pr.deadlines.map(deadlineText),
          ...(pr.next?.date ? checkAgendaItem(pr, { organization: pr.next.organization ?? '', date: pr.next.date }).issues.map((i) => i.message) : []),
        ].filter((p) => p !== '');
        rendered.push({ name: `${name} (${variant}, ${today})`, state: pr.state, de: pr.explanation, phrases });
      }
    }
  }

  test('the situations reach every state', () => {
    expect([...new Set(rendered.map((r) => r.state))].sort()).toEqual([...PAPER_STATES].sort());
  });

  test('every sentence starts with its state\'s label, ends with a full stop and keeps the grammar rules', () => {
    const errors: string[] = [];
    for (const r of rendered) {
      if (!r.de.startsWith(`${capitalise(STATE_LABELS[r.state])}:`)) errors.push(`${r.name}: does not start with its label: ${r.de}`);
      if (!r.de.endsWith('.')) errors.push(`${r.name}: no full stop: ${r.de}`);
      errors.push(...grammarErrors(r.de).map((e) => `${r.name}: ${e}`));
      for (const p of r.phrases) errors.push(...grammarErrors(p).map((e) => `${r.name}: ${e}`));
    }
    expect(errors).toEqual([]);
  });

  test('an unknown committee is named "Gremium nicht bekannt" in the sentence and the phrases', () => {
    const pr = progress({ consultation: [st(null, 'Vorberatung', 'preliminary'), st(null, 'Entscheidung', 'decision')] }, TODAY, { agenda: [agendaItem(null, '2026-12-17')] });
    expect(pr.explanation).toContain('Gremium nicht bekannt');
    expect(nextStepText({ organization: null, role: null, date: '2026-12-17' })).toBe('Gremium nicht bekannt am 17.12.2026');
    expect(deadlineText({ before: '2026-12-17', nextOrganization: null })).toBe('muss vor dem 17.12.2026 beraten werden — Gremium nicht bekannt');
  });

  test.each([
    [1, true, 'seit 1 Tag'], [2, true, 'seit 2 Tagen'], [46, true, 'seit 46 Tagen'], [0, true, 'seit 0 Tagen'],
    [1, false, '1 Tag'], [46, false, '46 Tage'],
  ])('%i days, running %s → "%s"', (days, running, text) => {
    expect(daysText(days, running)).toBe(text);
    expect(grammarErrors(text)).toEqual([]);
  });

  test('the phrases of the next step', () => {
    expect(nextStepText({ organization: 'Rat der Stadt Musterstadt', role: 'Entscheidung', date: '2026-12-17' })).toBe('Rat der Stadt Musterstadt am 17.12.2026 (Entscheidung)');
    expect(nextStepText({ organization: 'Hauptausschuss', role: null, date: null })).toBe('Hauptausschuss, noch ohne Termin');
    expect(agendaSourceText({ date: '2026-12-17' })).toBe('laut Tagesordnung der Sitzung vom 17.12.2026');
    expect(awaitingText({ date: '2026-07-07' })).toBe('Sitzung am 07.07.2026, Ergebnis noch nicht veröffentlicht');
    expect(deadlineText({ before: '2026-12-17', nextOrganization: 'Rat der Stadt Musterstadt' })).toBe('muss vor dem 17.12.2026 beraten werden — Rat der Stadt Musterstadt');
  });

  test('the rules catch what they are for', () => {
    expect(grammarErrors('seit 46 Tage').length).toBe(1);
    expect(grammarErrors('Rat , am 1.').length).toBe(1);
    expect(grammarErrors('Nächster Schritt: , noch ohne Termin.').length).toBeGreaterThan(0);
    expect(grammarErrors('zuletzt  Rat.').length).toBe(1);
    expect(grammarErrors('als Nächstes null.').length).toBe(1);
  });
});
