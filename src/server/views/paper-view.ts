/** Stored paper + progress → what templates/pages/paper.hbs shows, and the JSON of /papers/:id.json. */
import type { StoredPaper } from '../../db/queries';
import type { Progress } from '../../domain/progress';

export const STATION_STATUS_LABELS: Record<string, string> = {
  done: 'erledigt',
  current: 'aktuell',
  planned: 'geplant',
  skipped: 'übersprungen',
  stopped: 'gestoppt',
};

function isHttp(url: string | null | undefined): url is string {
  return typeof url === 'string' && /^https?:\/\//i.test(url);
}

export interface PaperLinks {
  /** [station][row] → meeting page id */
  meetings: (number | null)[][];
  /** [station] → committee page id */
  committees: (number | null)[];
}

export function toPaperView(stored: StoredPaper, pr: Progress, today: string, links: PaperLinks = { meetings: [], committees: [] }) {
  const p = stored.record;
  return {
    title: [p.reference, p.name].filter(Boolean).join(' – ') || 'Vorlage',
    today,
    meta: stored.meta,
    paper: p,
    state: pr.state,
    stateLabel: pr.label,
    explanation: pr.explanation,
    deferralCount: pr.deferralCount,
    referralCount: pr.referralCount,
    next: pr.next,
    decision: pr.decision,
    stations: pr.stations.map((s, i) => ({
      ...s,
      number: i + 1,
      statusLabel: STATION_STATUS_LABELS[s.status] ?? s.status,
      isCurrent: pr.currentStation === i,
      organizationId: links.committees[i] ?? null,
      meetings: s.meetings.map((m, j) => ({ ...m, meetingId: links.meetings[i]?.[j] ?? null })),
    })),
    originalUrl: isHttp(p.url) ? p.url : null,
    files: p.files.map((f) => ({ name: f.name, url: isHttp(f.url) ? f.url : null })),
    text: p.text,
    hasText: p.text.length > 0,
  };
}

export function toPaperJson(stored: StoredPaper, pr: Progress, today: string) {
  return {
    id: stored.meta.id,
    source: { key: stored.meta.sourceKey, name: stored.meta.sourceName, demo: stored.meta.isDemo },
    firstSeenAt: stored.meta.firstSeenAt,
    updatedAt: stored.meta.updatedAt,
    today,
    record: stored.record,
    progress: pr,
  };
}
