/**
 * The JSON of a motion (OpenAPI schema Paper): GET /papers/:id.json (or Accept: application/json).
 * The stored record and its full progress as before (views/paper-view.ts toPaperJson), with the
 * motion's links and, at the top as on every list, its derived state, explanation and next step; where the
 * minutes of its meetings name it (minutes, by meeting in the order of its Beratungsfolge).
 */
import type { StoredPaper } from '../../db/queries';
import type { MinutesMention } from '../../db/queries-minutes';
import type { Progress } from '../../domain/progress';
import { toPaperJson } from '../views/paper-view';
import type { JsonLinks } from './links';
import { minutesJson } from './minutes-json';
import { toDerivedJson } from './motion-json';

/** The motion's meetings (ids, in order) and the minutes of those that name it, by meeting id. */
export interface PaperMinutes {
  meetingIds: readonly number[];
  minutes: ReadonlyMap<number, MinutesMention[]>;
}

export function toPaperJsonView(stored: StoredPaper, pr: Progress, today: string, links: JsonLinks, named: PaperMinutes) {
  const id = stored.meta.id;
  return {
    type: 'Paper' as const,
    ...toPaperJson(stored, pr, today),
    links: { ...links.paper(id), feed: links.url(`/papers/${id}/feed.atom`), calendar: links.url(`/papers/${id}/calendar.ics`) },
    reference: stored.record.reference,
    name: stored.record.name,
    ...toDerivedJson(pr),
    minutes: named.meetingIds.filter((m) => named.minutes.has(m)).map((m) => ({
      meeting: { id: m, links: links.meeting(m) },
      documents: minutesJson(named.minutes.get(m)),
    })),
  };
}
