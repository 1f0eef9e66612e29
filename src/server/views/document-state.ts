/**
 * What the motion and meeting pages say about each document link (pure): read with N pages, no text layer (a scan:
 * no OCR), unreadable, fetch failed (tried again), or left as a link — nothing where it was not fetched yet.
 */
import type { FileDocumentState } from '../../db/documents';
import { isHttpUrl } from '../helpers/safe-url';

export interface DocumentStateView {
  /** German, short: shown beside the link */
  label: string;
  /** for styling and tests: "read", "no-text", "unreadable", "failed", "link" */
  kind: 'read' | 'no-text' | 'unreadable' | 'failed' | 'link';
}

const UNREADABLE: Record<string, string> = {
  encrypted: 'verschlüsselt, nicht lesbar',
  broken: 'beschädigt, nicht lesbar',
  timeout: 'nicht lesbar (zu aufwendig)',
  too_large: 'nicht lesbar (zu groß)',
  unsupported: 'Format nicht lesbar',
};

/** A document link's fetch and reading, as a motion's (FileDocumentState) or a meeting's row gives them (absent: not known). */
type DocumentFacts = { [K in 'fetchState' | 'status' | 'pageCount']?: FileDocumentState[K] };

export function toDocumentState(s: DocumentFacts | undefined): DocumentStateView | null {
  if (!s || !s.fetchState) return null;
  if (s.fetchState === 'failed') return { label: 'Abruf fehlgeschlagen, wird erneut versucht', kind: 'failed' };
  if (s.fetchState === 'skipped') return { label: 'nur als Link', kind: 'link' };
  if (s.status === 'ok') return { label: s.pageCount === 1 ? '1 Seite' : `${s.pageCount ?? '?'} Seiten`, kind: 'read' };
  if (s.status === 'no_text') return { label: 'ohne Textebene (keine Texterkennung)', kind: 'no-text' };
  if (s.status && UNREADABLE[s.status]) return { label: UNREADABLE[s.status], kind: 'unreadable' };
  return null;
}

/** A document row as a page lists it: its address where it is http(s) (else null: shown as "nur im RIS abrufbar") and its state. */
export function linkedDocument<T extends DocumentFacts & { url: string | null }>(d: T): Omit<T, 'url'> & { url: string | null; state: DocumentStateView | null } {
  const http = isHttpUrl(d.url);
  return { ...d, url: http ? d.url : null, state: http ? toDocumentState(d) : null };
}
