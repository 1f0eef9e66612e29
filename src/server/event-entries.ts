/**
 * Change events (src/db/queries-events.ts) as Atom entries: one entry per event, its id from the
 * event's stable key (a new result is a new entry, a feed reader shows it as new), its time when
 * ratsradar learned it, its title the event's German sentence (src/domain/event-text.ts). In a feed of
 * many motions, the events of one meeting's change that each of its motions got (a cancellation, a new
 * document) are one entry.
 */
import crypto from 'node:crypto';
import type { LoadedEvent } from '../db/queries-events';
import { eventSentence } from '../domain/event-text';
import { ATOM_TAG, clipText, newest, type AtomEntry } from './atom';
import { toDate } from './to-date';

/** "DS/2026/0123 – Teilnahme der Stadt …" (clipped): what an entry says its motion is. */
export function paperLabel(e: Pick<LoadedEvent, 'reference' | 'paperName'>): string {
  return clipText([e.reference, e.paperName].filter(Boolean).join(' – ') || 'Vorlage', 300);
}

/** Events about a meeting that are written for each of its motions: one entry for them all in a feed of many motions. */
const MEETING_KINDS: ReadonlySet<string> = new Set(['meeting_cancelled', 'meeting_document']);
/** Motions a grouped entry names by reference. */
const GROUP_REFERENCES_SHOWN = 10;

/** What makes events of one meeting one change: the kind, the city, the meeting (committee or name, day) and the document. */
function meetingGroupKey(e: LoadedEvent): string | null {
  if (!MEETING_KINDS.has(e.kind)) return null;
  const p = e.payload ?? {};
  return JSON.stringify([e.kind, e.sourceKey, e.committee ?? p.meeting ?? null, p.date ?? e.happenedOn ?? null, p.file ?? null]);
}

/**
 * One entry for the events of one meeting's change (a cancellation, a new document) that every motion of the
 * meeting got: the sentence, how many motions, their references (the first ten). Its id comes from the change,
 * not from the motions, so a motion joining it later does not make it a new entry.
 */
function groupedEntry(group: LoadedEvent[], key: string, base: string): AtomEntry {
  const first = group[0];
  const sentence = eventSentence(first);
  const papers = [...new Map(group.map((e) => [e.paperId, e.reference ?? 'Vorlage'])).values()];
  const shown = papers.slice(0, GROUP_REFERENCES_SHOWN).join(', ');
  const more = papers.length > GROUP_REFERENCES_SHOWN ? ` und ${papers.length - GROUP_REFERENCES_SHOWN} weitere` : '';
  const times = group.map((e) => toDate(e.learnedAt) ?? new Date(0));
  return {
    id: `${ATOM_TAG}meeting-event/${crypto.createHash('sha1').update(key).digest('hex')}`,
    title: `${sentence} – ${papers.length} Vorlagen`,
    link: `${base}/papers/${first.paperId}`,
    updated: newest(times, new Date(0)),
    published: new Date(Math.min(...times.map((t) => t.getTime()))),
    summary: clipText(`${sentence}. Betrifft ${papers.length} Vorlagen: ${shown}${more}. ${first.sourceName}.`),
  };
}

/**
 * The entries of these events. `withPaper`: the title starts with the motion's reference (feeds of
 * many motions), and the events of one meeting's change that each of its motions got (a cancellation, a
 * new document) are one entry; a motion's own feed says only what happened.
 */
export function eventEntries(events: LoadedEvent[], base: string, withPaper: boolean): AtomEntry[] {
  if (!withPaper) return events.map((e) => eventEntry(e, base, false));
  const keys = events.map(meetingGroupKey);
  const groups = new Map<string, LoadedEvent[]>();
  events.forEach((e, i) => {
    const key = keys[i];
    if (!key) return;
    const group = groups.get(key);
    if (group) group.push(e);
    else groups.set(key, [e]);
  });
  // a group of one is the event's own entry; a larger one is one entry, where its first event stands
  const done = new Set<string>();
  return events.flatMap((e, i) => {
    const key = keys[i];
    const group = key ? groups.get(key)! : [e];
    if (!key || group.length < 2) return [eventEntry(e, base, true)];
    if (done.has(key)) return [];
    done.add(key);
    return [groupedEntry(group, key, base)];
  });
}

/** One event's entry. */
function eventEntry(e: LoadedEvent, base: string, withPaper: boolean): AtomEntry {
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
}

/** When a feed of these events was last updated: its newest event, else `fallback`. */
export function eventsUpdated(events: LoadedEvent[], fallback: Date): Date {
  return newest(events.map((e) => toDate(e.learnedAt)), fallback);
}
