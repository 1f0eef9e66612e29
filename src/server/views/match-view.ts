/**
 * Where a search matched, as the search page shows it (partials/match-places.hbs): "im Titel",
 * "im Text: …", "in Dokument 'Beschlussvorlage', Seite 3: …" with a link to the document's page.
 * An excerpt comes as parts (text, marked or not); the template escapes each part and puts the marked
 * ones in <mark>, so no HTML from the index ever reaches the page. Staff persons named in a document's
 * text (Bearbeiter/-in, Sachbearbeiter/-in, Verfasser/-in, Ansprechpartner/-in) are cut from the excerpt.
 * PURE.
 */
import { MARK_END, MARK_START, type MatchPlaces, type MeetingDocumentRow } from '../../db/queries-search';
import { formatGermanDate } from '../../domain/german-format';
import { safeUrl } from '../helpers/safe-url';

export interface SnippetPart {
  text: string;
  mark: boolean;
}

export interface DocumentPlaceView {
  name: string;
  page: number;
  /** further matching pages of the same document */
  morePages: number;
  href: string | null;
  parts: SnippetPart[];
}

export interface MatchPlacesView {
  title: boolean;
  reference: boolean;
  text: SnippetPart[] | null;
  documents: DocumentPlaceView[];
  moreDocuments: number;
}

const STAFF = /\b((?:Sach)?[Bb]earbeiter|Verfasser|Ansprechpartner|Ansprechperson|Berichterstatter)(\/-?in|In|in|innen)?(\s*:?)[^\n]*/g;

/** The text with the rest of every staff label's line (a person's name, phone, mail) replaced by "…". */
export function redactStaff(text: string): string {
  return text.replace(STAFF, (_all, label: string, suffix: string | undefined, colon: string) => `${label}${suffix ?? ''}${colon.trim() || ':'} …`);
}

/** An excerpt with marks (MARK_START … MARK_END) → its parts, white space runs folded to one space. */
export function toSnippetParts(raw: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const text = redactStaff(raw).replace(/\s+/g, ' ').trim();
  let mark = false;
  let current = '';
  for (const ch of text) {
    if (ch === MARK_START || ch === MARK_END) {
      if (current) parts.push({ text: current, mark });
      current = '';
      mark = ch === MARK_START;
    } else current += ch;
  }
  if (current) parts.push({ text: current, mark });
  return parts;
}

/** The document link for a page: the file's own (http/https) address with #page=N, which PDF viewers open at. */
export function documentPageHref(url: string | null, page: number): string | null {
  const safe = safeUrl(url);
  return safe ? `${safe.replace(/#.*$/, '')}#page=${page}` : null;
}

export function toMatchPlacesView(p: MatchPlaces): MatchPlacesView {
  return {
    title: p.title !== null && p.title.includes(MARK_START),
    reference: p.referenceMatched,
    text: p.text ? toSnippetParts(p.text) : null,
    documents: p.documents.map((d) => ({
      name: d.name?.trim() || 'ohne Namen',
      page: d.page,
      morePages: d.pages - 1,
      href: documentPageHref(d.url, d.page),
      parts: toSnippetParts(d.snippet),
    })),
    moreDocuments: p.moreDocuments,
  };
}

/** A meeting's document where a search matched: the meeting (linked), the document at its first matching page (no excerpt). */
export interface MeetingDocumentPlaceView extends Omit<DocumentPlaceView, 'parts'> {
  meetingHref: string;
  /** its committee, else its name as the RIS writes it */
  meeting: string;
  date: string | null;
  sourceName: string;
}

export function toMeetingDocumentPlaceView(d: MeetingDocumentRow): MeetingDocumentPlaceView {
  return {
    meetingHref: `/meetings/${d.meetingId}`,
    meeting: d.committee?.trim() || d.meetingName?.trim() || 'Sitzung',
    date: d.date ? formatGermanDate(d.date) : null,
    sourceName: d.sourceName,
    name: d.name.trim() || 'ohne Namen',
    page: d.page,
    morePages: d.pages - 1,
    href: documentPageHref(d.url, d.page),
  };
}
