/**
 * The JSON of a motion (OpenAPI schema Paper): GET /papers/:id.json (or Accept: application/json).
 * The stored record and its full progress as before (views/paper-view.ts toPaperJson), with the
 * motion's links and, at the top as on every list, its derived state, explanation and next step.
 */
import type { StoredPaper } from '../../db/queries';
import type { Progress } from '../../domain/progress';
import { toPaperJson } from '../views/paper-view';
import type { JsonLinks } from './links';
import { toDerivedJson } from './motion-json';

export function toPaperJsonView(stored: StoredPaper, pr: Progress, today: string, links: JsonLinks) {
  const id = stored.meta.id;
  return {
    type: 'Paper' as const,
    ...toPaperJson(stored, pr, today),
    links: { ...links.paper(id), feed: links.url(`/papers/${id}/feed.atom`), calendar: links.url(`/papers/${id}/calendar.ics`) },
    reference: stored.record.reference,
    name: stored.record.name,
    ...toDerivedJson(pr),
  };
}
