/**
 * The German sentence of a change event, rendered from its kind, committee, day and payload codes —
 * the one wording every feed, mail and page uses. Pure; table-tested (test/domain/event-text.test.ts).
 *   new:                  "Neu erfasst (Vorlage vom 22.09.2026)"
 *   station_added:        "Neue Station in der Beratungsfolge: Rat der Stadt Musterstadt (Entscheidung)"
 *   date_set:             "Termin im Hauptausschuss: 03.12.2026 (Vorberatung)"
 *   date_moved:           "Termin im Hauptausschuss verschoben: vom 03.12.2026 auf den 10.12.2026"
 *   on_agenda:            "Auf der Tagesordnung: Hauptausschuss am 03.12.2026"
 *   off_agenda:           "Von der Tagesordnung genommen: Hauptausschuss am 03.12.2026"
 *   result:               "Ergebnis im Hauptausschuss am 03.12.2026: ungeändert beschlossen (einstimmig)"
 *   state:                "Stand im Hauptausschuss: gestoppt"
 *   document:             "Neues Dokument: Vorlage"
 *   consultation_changed: "Beratungsfolge geändert: jetzt 3 Stationen (vorher 2)"
 *   meeting_cancelled:    "Sitzung abgesagt: Hauptausschuss am 03.12.2026"
 *   meeting_document:     "Neues Dokument zur Sitzung: Niederschrift (Hauptausschuss am 03.12.2026)"
 */
import type { ResultCode, RoleCode } from '../../scrapers/shared/codes';
import { formatGermanDate } from './german-format';
import type { EventDraft, EventVote, StationStatusCode } from './paper-event';

export const ROLE_LABELS: Readonly<Record<RoleCode, string | null>> = {
  referral: 'Verweisung',
  preliminary: 'Vorberatung',
  reading: 'Lesung',
  decision: 'Entscheidung',
  notice: 'Kenntnisnahme',
  hearing: 'Anhörung',
  other: null,
};

export const RESULT_LABELS: Readonly<Record<ResultCode, string>> = {
  adopted: 'ungeändert beschlossen',
  'adopted-amended': 'mit Änderungen beschlossen',
  rejected: 'abgelehnt',
  noted: 'zur Kenntnis genommen',
  deferred: 'vertagt',
  referred: 'verwiesen',
  withdrawn: 'zurückgezogen',
  settled: 'erledigt',
  'not-dealt': 'nicht behandelt',
  open: 'noch offen',
  unclassified: 'veröffentlicht',
};

export const STATION_STATUS_LABELS: Readonly<Record<StationStatusCode, string>> = {
  done: 'erledigt',
  planned: 'geplant',
  ready: 'bereit',
  stopped: 'gestoppt',
  other: 'geändert',
  none: 'ohne Angabe',
};

/** Committee names whose head noun is feminine take "in der" ("in der Bezirksversammlung"), all others "im". */
const FEMININE_HEAD = /^(die\s+)?\S*(versammlung|vertretung|kommission|konferenz|runde|kammer|deputation|sitzung|gruppe|fraktion)\b/i;

/** "im Hauptausschuss", "in der Bezirksversammlung Altona"; "" when the committee is not known. */
export function inCommittee(committee: string | null | undefined): string {
  if (!committee) return '';
  return FEMININE_HEAD.test(committee) ? ` in der ${committee.replace(/^die\s+/i, '')}` : ` im ${committee}`;
}

/** "einstimmig", "einstimmig bei 2 Enthaltungen", "25 dafür, 8 dagegen, 1 Enthaltung"; null when nothing is known. */
export function voteText(v: EventVote | null | undefined): string | null {
  if (!v) return null;
  const abstain = v.abstain ? ` bei ${v.abstain} ${v.abstain === 1 ? 'Enthaltung' : 'Enthaltungen'}` : '';
  if (v.no === 0 && (v.yes === null || v.yes > 0)) return `einstimmig${abstain}`;
  const parts: string[] = [];
  if (v.yes !== null) parts.push(`${v.yes} dafür`);
  if (v.no !== null) parts.push(`${v.no} dagegen`);
  if (v.abstain !== null) parts.push(`${v.abstain} ${v.abstain === 1 ? 'Enthaltung' : 'Enthaltungen'}`);
  return parts.length ? parts.join(', ') : null;
}

const roleSuffix = (role: RoleCode | null | undefined) => (role && ROLE_LABELS[role] ? ` (${ROLE_LABELS[role]})` : '');
const on = (date: string | null | undefined) => (date ? ` am ${formatGermanDate(date)}` : '');

/** The event's sentence (without the motion it belongs to; callers put its reference before it). */
export function eventSentence(event: Pick<EventDraft, 'kind' | 'happenedOn' | 'committee' | 'payload'>): string {
  const p = event.payload ?? {};
  const committee = event.committee;
  switch (event.kind) {
    case 'new':
      return p.date ? `Neu erfasst (Vorlage vom ${formatGermanDate(p.date)})` : 'Neu erfasst';
    case 'station_added':
      return `Neue Station in der Beratungsfolge: ${committee ?? 'Gremium nicht bekannt'}${roleSuffix(p.role)}`;
    case 'date_set':
      return p.date ? `Termin${inCommittee(committee)}: ${formatGermanDate(p.date)}${roleSuffix(p.role)}` : `Termin${inCommittee(committee)} gestrichen`;
    case 'date_moved':
      return `Termin${inCommittee(committee)} verschoben: vom ${formatGermanDate(p.from)} auf den ${formatGermanDate(p.to)}`;
    case 'on_agenda':
      return `Auf der Tagesordnung: ${committee ?? 'Sitzung'}${on(p.date ?? event.happenedOn)}`;
    case 'off_agenda':
      return `Von der Tagesordnung genommen: ${committee ?? 'Sitzung'}${on(p.date ?? event.happenedOn)}`;
    case 'result': {
      const vote = voteText(p.vote);
      return `Ergebnis${inCommittee(committee)}${on(p.date ?? event.happenedOn)}: ${RESULT_LABELS[p.result ?? 'unclassified'] ?? RESULT_LABELS.unclassified}${vote ? ` (${vote})` : ''}`;
    }
    case 'state':
      return `Stand${inCommittee(committee)}: ${STATION_STATUS_LABELS[p.status ?? 'other'] ?? STATION_STATUS_LABELS.other}`;
    case 'document':
      return p.file ? `Neues Dokument: ${p.file}` : 'Neues Dokument';
    case 'consultation_changed':
      return p.stations === undefined
        ? 'Beratungsfolge geändert'
        : `Beratungsfolge geändert: jetzt ${p.stations} ${p.stations === 1 ? 'Station' : 'Stationen'}${p.previousStations === undefined ? '' : ` (vorher ${p.previousStations})`}`;
    case 'meeting_cancelled':
      return `Sitzung abgesagt: ${committee ?? p.meeting ?? 'Sitzung'}${on(p.date ?? event.happenedOn)}`;
    case 'meeting_document':
      return `Neues Dokument zur Sitzung: ${p.file ?? 'Dokument'} (${committee ?? p.meeting ?? 'Sitzung'}${on(p.date ?? event.happenedOn)})`;
    default:
      return 'Geändert';
  }
}
