/** Stored paper + progress → what templates/pages/paper.hbs shows, and the JSON of /papers/:id.json. */
import type { FileDocumentState } from '../../db/documents';
import { toDocumentState } from './document-state';
import type { OriginatorContext } from '../../db/queries-originators';
import { foldName, originatorHeading, publicOriginators } from '../../domain/originators';
import type { StoredPaper } from '../../db/queries';
import type { PaperHistoryEntry } from '../../db/history';
import type { CaseCandidateRow } from '../../db/queries-paper-page';
import type { CaseMember } from '../../domain/case';
import type { Progress } from '../../domain/progress';
import { STATE_LABELS, isPaperState } from '../../domain/states';
import { comparePaths, splitPath, stationPathLabel, type PathMark } from '../../domain/path-diff';
import { deriveStationDays } from '../../domain/station-days';
import { calledOff, risStatusBeside } from '../../domain/stations';
import { undatedText } from '../../domain/explain';
import { agendaSourceText, awaitingText, committeeName, daysAgoText, daysText as daysPhrase, deadlineText } from '../../domain/step-texts';
import { DATA_MAX_AGE_DAYS, deriveDataAge, heldDates } from '../../domain/data-age';
import { committeeHref } from './committee-href';
import { decisionOf, itemOfRow, type DecisionItem } from '../../domain/decisions';
import type { RowLinks } from '../../db/queries-decisions';
import type { MinutesMention } from '../../db/queries-minutes';
import { minutesView } from './minutes-view';
import { isHttpUrl } from '../helpers/safe-url';

export const STATION_STATUS_LABELS: Record<string, string> = {
  done: 'erledigt',
  current: 'aktuell',
  planned: 'geplant',
  skipped: 'übersprungen',
  stopped: 'gestoppt',
};

/** A symbol per station status, so the visual does not rely on colour alone. */
export const STATION_STATUS_ICONS: Record<string, string> = {
  done: '✓',
  current: '●',
  planned: '○',
  skipped: '↷',
  stopped: '■',
};

export interface PaperLinks {
  /** [station][row] → meeting page id */
  meetings: (number | null)[][];
  /** [station] → committee page id */
  committees: (number | null)[];
}

export interface PaperPageExtras {
  links?: PaperLinks;
  /** the papers of its case (Vorgang), itself included; shown when there is more than itself */
  caseMembers?: CaseMember<CaseCandidateRow>[];
  /** when the page was last fetched or the source last synchronised, where known */
  lastChecked?: string | null;
  /** the paper's change log, newest first (src/db/history.ts) */
  history?: PaperHistoryEntry[];
  /** what became of each linked document (fetched and read, no text layer, failed …), by URL */
  documents?: FileDocumentState[];
  /** the agenda items naming the paper, with their votes and Beschluss texts */
  decisionItems?: DecisionItem[];
  /** [station][row] → the meeting and agenda item the row is linked to */
  rowLinks?: RowLinks;
  /** the source's factions and elected people, for the originators (src/db/queries-originators.ts) */
  originators?: OriginatorContext;
  /** meeting id → the pages of its minutes that name the paper (src/db/queries-minutes.ts) */
  minutes?: Map<number, MinutesMention[]>;
}

/**
 * The originators shown (factions, offices, elected persons; never staff): each linked to its faction's
 * page where the source has one, and to the list of its motions ("Anträge der Fraktion …").
 */
function originatorsView(stored: StoredPaper, ctx: OriginatorContext | undefined) {
  const names = publicOriginators(stored.record.originator ?? [], ctx?.elected ?? new Set());
  return names.map((name) => {
    const orgId = ctx?.factions.get(foldName(name)) ?? null;
    const q = new URLSearchParams({ thema: 'alle', stadt: stored.meta.sourceKey, fraktion: name });
    return { name, orgHref: orgId ? `/organizations/${orgId}` : null, listHref: `/?${q.toString()}`, listLabel: originatorHeading(name) };
  });
}

const PATH_MARK_LABELS: Record<PathMark, string> = { kept: '', moved: 'verschoben', dropped: 'entfallen', added: 'hinzugekommen' };
export const HISTORY_SHOWN = 50;

/** The first recorded Beratungsfolge beside today's, when the change log shows it changed; else null. */
function pathView(history: readonly PaperHistoryEntry[], stations: readonly { organization: string | null; role: string | null }[]) {
  const changes = history.filter((h) => h.field === 'consultation');
  if (!changes.length) return null;
  const first = changes[changes.length - 1];
  const cmp = comparePaths(splitPath(first.oldValue === '–' ? null : first.oldValue), stations.map(stationPathLabel));
  if (!cmp.changed) return null;
  const steps = (list: typeof cmp.planned) => list.map((s) => ({ ...s, markLabel: PATH_MARK_LABELS[s.mark] }));
  return { since: first.seenAt, sinceText: first.seenAtText, planned: steps(cmp.planned), actual: steps(cmp.actual) };
}

function daysText(days: number | null, running: boolean): string | null {
  return days == null ? null : daysPhrase(days, running);
}

export function toPaperView(stored: StoredPaper, pr: Progress, today: string, extras: PaperPageExtras = {}) {
  const p = stored.record;
  const links = extras.links ?? { meetings: [], committees: [] };
  // durations run to the day the data is known up to (pr.countTo), not to today (domain/data-age.ts)
  const days = deriveStationDays(pr.stations, p.date, pr.countTo);
  const stations = pr.stations.map((s, i) => {
    const d = days.stations[i];
    const isCurrent = pr.currentStation === i;
    return {
      ...s,
      number: i + 1,
      organizationLabel: committeeName(s.organization),
      statusLabel: STATION_STATUS_LABELS[s.status] ?? s.status,
      // ● marks the current station, as the legend says, whatever its status
      icon: isCurrent ? STATION_STATUS_ICONS.current : (STATION_STATUS_ICONS[s.status] ?? ''),
      isCurrent,
      awaitingText: s.awaitingResult && s.lastDate ? awaitingText({ date: s.lastDate }) : null,
      // the RIS's word beside ratsradar's where they differ: "erledigt (im RIS: Geplant)"
      risStatus: risStatusBeside(s),
      deadlineText: pr.deadlines.filter((d) => d.stationIndex === i).map(deadlineText)[0] ?? null,
      organizationId: links.committees[i] ?? null,
      committeeHref: committeeHref(stored.meta.sourceKey, s.organization, links.committees[i] ?? null),
      days: d.days,
      daysText: daysText(d.days, d.running),
      meetings: s.meetings.map((m, j) => {
        const meetingId = links.meetings[i]?.[j] ?? m.agenda?.meetingId ?? null;
        const item = itemOfRow({ ...m, meetingId, agendaItemId: extras.rowLinks?.[i]?.[j]?.agendaItemId ?? null }, s.organization, extras.decisionItems ?? []);
        // a row at a cancelled meeting that counts as no step (stations.ts flagMeeting): "Sitzung abgesagt"
        return {
          ...m, meetingId, calledOff: calledOff(m), agendaText: agendaSourceText(m.agenda), ...decisionOf(item),
          minutes: minutesView(meetingId != null ? extras.minutes?.get(meetingId) : null),
        };
      }),
    };
  });
  const summary = stations
    .map((s) => `Station ${s.number} von ${stations.length}: ${s.organizationLabel}${s.role ? ` (${s.role})` : ''}, ${s.statusLabel}${s.isCurrent ? ', aktuelle Station' : ''}${s.daysText ? `, ${s.daysText}` : ''}.`)
    .join(' ');

  let next = null;
  if (pr.next) {
    const st = stations[pr.next.stationIndex];
    const row = st?.meetings.find((m) => m.future && m.date === pr.next?.date) ?? null;
    next = {
      ...pr.next,
      organizationLabel: committeeName(pr.next.organization),
      meetingId: row?.meetingId ?? null,
      meetingName: row?.name ?? null,
      committeeHref: st?.committeeHref ?? null,
      agendaText: agendaSourceText(pr.next.agenda),
      // "noch ohne Termin", or "noch ohne neuen Termin (Sitzung am … abgesagt)"
      undatedText: undatedText(pr.next),
    };
  }
  const awaiting = pr.awaiting
    ? { ...pr.awaiting, organizationLabel: committeeName(pr.awaiting.organization), text: awaitingText(pr.awaiting), committeeHref: stations[pr.awaiting.stationIndex]?.committeeHref ?? null }
    : null;
  const members = extras.caseMembers ?? [];
  return {
    title: [p.reference, p.name].filter(Boolean).join(' – ') || 'Vorlage',
    today,
    meta: stored.meta,
    paper: p,
    originators: originatorsView(stored, extras.originators),
    state: pr.state,
    stateLabel: pr.label,
    explanation: pr.explanation,
    deferralCount: pr.deferralCount,
    referralCount: pr.referralCount,
    next,
    awaiting,
    decision: pr.decision ? { ...pr.decision, voteText: stations[pr.decision.stationIndex]?.meetings[pr.decision.meetingIndex]?.voteText ?? null } : null,
    stations,
    trackSummary: summary,
    // "Dauer" only where there is a start and an end; a running count says since when — "in Beratung" once a
    // committee has dealt with it, "vorgelegt" while it has not (the state "eingereicht": "noch nicht beraten")
    totalDaysText: days.total != null
      ? (days.totalRunning
        ? (pr.state === 'submitted' ? `Vorgelegt ${daysAgoText(days.total)}` : `In Beratung ${daysPhrase(days.total, true)}`)
        : `Dauer: ${daysPhrase(days.total, false)} ${days.totalFrom === 'paper' ? 'von der Vorlage' : 'von der ersten'} bis zur letzten Sitzung`)
      : null,
    caseMembers: members.length > 1
      ? members.map((m) => ({
          id: m.paper.id,
          reference: m.paper.reference,
          name: m.paper.name,
          label: m.label,
          isSelf: m.isSelf,
          state: m.paper.state,
          stateLabel: isPaperState(m.paper.state) ? STATE_LABELS[m.paper.state] : null,
        }))
      : [],
    originalUrl: isHttpUrl(p.url) ? p.url : null,
    /** its Beratungsfolge is known from agendas only ('agenda') or not at all ('unknown'): the page says so (domain/paper.ts) */
    sequenceFromAgendas: p.sequence === 'agenda',
    sequenceUnknown: p.sequence === 'unknown',
    files: p.files.map((f) => ({
      name: f.name, url: isHttpUrl(f.url) ? f.url : null, state: toDocumentState(extras.documents?.find((d) => d.url === f.url)),
    })),
    text: p.text,
    hasText: p.text.length > 0,
    lastChecked: extras.lastChecked ?? null,
    dataAge: dataAgeView(stored, pr, today),
    path: pathView(extras.history ?? [], pr.stations),
    history: (extras.history ?? []).slice(0, HISTORY_SHOWN),
    historyMore: Math.max(0, (extras.history ?? []).length - HISTORY_SHOWN),
  };
}

function dataAgeOf(stored: StoredPaper, pr: Progress, today: string) {
  return deriveDataAge({ today, dataAsOf: stored.meta.dataAsOf, heldDates: heldDates(pr.stations) });
}

/** When the motion's data was read from the RIS, and whether it is too old to trust without a look at the RIS. */
function dataAgeView(stored: StoredPaper, pr: Progress, today: string) {
  return { ...dataAgeOf(stored, pr, today), dataAsOf: stored.meta.dataAsOf, risUrl: isHttpUrl(stored.record.url) ? stored.record.url : null };
}

/** The same for /papers/:id.json (the German sentences left to the page). */
function dataAgeJson(stored: StoredPaper, pr: Progress, today: string) {
  const { asOf, countTo, capped, ageDays, stale } = dataAgeOf(stored, pr, today);
  return { asOf, countTo, capped, ageDays, stale, maxAgeDays: DATA_MAX_AGE_DAYS };
}

export function toPaperJson(stored: StoredPaper, pr: Progress, today: string) {
  // where the Beratungsfolge is known from is no field of the record (CONTRACTS.md): beside it
  const { sequence, ...record } = stored.record;
  return {
    id: stored.meta.id,
    source: { key: stored.meta.sourceKey, name: stored.meta.sourceName, demo: stored.meta.isDemo },
    firstSeenAt: stored.meta.firstSeenAt,
    updatedAt: stored.meta.updatedAt,
    dataAsOf: stored.meta.dataAsOf,
    dataAge: dataAgeJson(stored, pr, today),
    today,
    sequence: sequence ?? null,
    record,
    progress: pr,
  };
}
