/**
 * Change events (src/db/queries-events.ts) as Atom entries: one entry per event, its id from the
 * event's stable key (a new result is a new entry, a feed reader shows it as new), its time when
 * ratsradar learned it, its title the event's German sentence (src/domain/event-text.ts).
 */
import type { LoadedEvent } from '../db/queries-events';
import { eventSentence } from '../domain/event-text';
import { ATOM_TAG, clipText, newest, type AtomEntry } from './atom';
import { toDate } from './to-date';

/** "DS/2026/0123 – Teilnahme der Stadt …" (clipped): what an entry says its motion is. */
export function paperLabel(e: Pick<LoadedEvent, 'reference' | 'paperName'>): string {
  return clipText([e.reference, e.paperName].filter(Boolean).join(' – ') || 'Vorlage', 300);
}

/**
 * The entries of these events. `withPaper`: the title starts with the motion's reference (feeds of
 * many motions); a motion's own feed says only what happened.
 */
export function eventEntries(events: LoadedEvent[], base: string, withPaper: boolean): AtomEntry[] {
  return events.map((e) => {
    const sentence = eventSentence(e);
    const paper = paperLabel(e);
    const learned = toDate(e.learnedAt) ?? new Date(0);
    return {
      id: `${ATOM_TAG}event/${e.eventKey}`,
      title: withPaper ? `${e.reference ?? 'Vorlage'}: ${sentence}` : sentence,
      link: `${base}/papers/${e.paperId}`,
      updated: learned,
      published: learned,
      summary: `${sentence}. ${paper}, ${e.sourceName}${e.paperType ? `, ${e.paperType}` : ''}.`,
    };
  });
}

/** When a feed of these events was last updated: its newest event, else `fallback`. */
export function eventsUpdated(events: LoadedEvent[], fallback: Date): Date {
  return newest(events.map((e) => toDate(e.learnedAt)), fallback);
}
