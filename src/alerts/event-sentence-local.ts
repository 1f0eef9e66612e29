/**
 * LOCAL STAND-IN, TO BE REPLACED at merge by eventSentence(event) of src/domain/event-text.ts (written
 * in parallel with the events themselves): the German sentence of a change event, from its kind, day,
 * committee and payload. Pure. Returns plain text; the mail templates escape it.
 */
import type { AlertEvent } from '../db/alerts-events';

const KIND_TEXT: Record<string, string> = {
  new: 'Neu erfasst',
  station_added: 'Neue Station in der Beratungsfolge',
  date_set: 'Termin festgelegt',
  date_moved: 'Termin verschoben',
  on_agenda: 'Auf der Tagesordnung',
  result: 'Ergebnis',
  state: 'Stand geändert',
  document: 'Neues Dokument',
  consultation_changed: 'Beratungsfolge geändert',
};

function dayDe(iso: string | null): string | null {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  return m ? `${m[3]}.${m[2]}.${m[1]}` : null;
}

function text(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

/** "Ergebnis im Hauptausschuss am 03.12.2026: ungeändert beschlossen (einstimmig)". */
export function localEventSentence(e: Pick<AlertEvent, 'kind' | 'committee' | 'happenedOn' | 'payload'>): string {
  const head = KIND_TEXT[e.kind] ?? 'Änderung';
  const where = e.committee ? ` im Gremium „${e.committee}“` : '';
  const day = dayDe(e.happenedOn);
  const when = day ? ` am ${day}` : '';
  const detail = text(e.payload.result) ?? text(e.payload.resultText) ?? text(e.payload.state) ?? text(e.payload.name) ?? null;
  const vote = text(e.payload.vote);
  return `${head}${where}${when}${detail ? `: ${detail}` : ''}${vote ? ` (${vote})` : ''}`;
}
