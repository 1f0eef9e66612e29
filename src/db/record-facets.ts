/**
 * Which facets a record gives (import.ts): a paper its own, a meeting its own and one per agenda entry
 * (plus, for a paper named there, an 'agenda:<item>' facet), a list its rows, … — saved into the batch.
 */
import type {
  AgendaItemEntry, AgendaItemRecord, FileRecord, FileRef, MeetingListRecord, MeetingRecord, OrganizationRecord, PaperRecord,
  PersonRecord, RisRecord,
} from '../../scrapers/records';
import { classifyRole, type ResultCode } from '../../scrapers/shared/codes';
import { adoptReferencePlaceholder, keyByReference, type Batch } from './import-batch';
import { agendaEntryKey, meetingKey, oparlNumber, organizationKey, paperKey } from './identity';
import type { MergedAgendaItem } from './write-entities';
import { loadFacet } from './facets';
import { ITEM_FILES_FACET, ITEM_PAGE_FACET } from './merge';

function requireKey(key: string | null, what: string): string {
  if (!key) throw new Error(`the ${what} has neither a sourceId nor a reference, so it cannot be stored`);
  return key;
}

/**
 * A paper's key: its id; a page that names no id (only its reference) joins the paper of its source that
 * has that reference and an id (from an agenda), so one motion stays one row whatever way its pages came.
 */
function ownPaperKey(b: Batch, p: PaperRecord): string {
  const key = requireKey(paperKey(p), 'paper');
  if (!key.startsWith('ref:')) return key;
  const known = keyByReference(b, p.reference!);
  return known && !known.startsWith('ref:') ? known : key;
}

function addPaper(b: Batch, p: PaperRecord, fromList: boolean): void {
  const key = ownPaperKey(b, p);
  adoptReferencePlaceholder(b, key, p.reference);
  if (p.reference && !key.startsWith('ref:')) b.paperByReference.set(p.reference, key);
  const outcome = b.save('Paper', key, fromList && p.system !== 'oparl' ? 'list' : p.system, p);
  if (!fromList) b.papers.push({ key, outcome });
}

/** ALLRIS's agenda programs and the paper page each links: to010 / to020 (`.asp`, `_r.asp`, ALLRIS 4 without) → vo020 of the same kind. */
const AGENDA_PAGE = /\/to0[12]0(_r)?(\.asp)?\?[^#]*$/i;

/**
 * The address of another ALLRIS page beside the agenda page `url` (its kind kept: `.asp`, `_r.asp`, ALLRIS 4 without):
 * a paper's own page (`vo020.asp?VOLFDNR=…`) or a meeting's (`to010.asp?SILFDNR=…`); null for OParl, without a
 * numeric id or a known agenda program.
 */
function pageBesideAgenda(system: string, url: string | null, program: 'vo020' | 'to010', param: 'VOLFDNR' | 'SILFDNR', id: string | null): string | null {
  if (system === 'oparl' || !url || !id || !/^\d+$/.test(id) || !/^https?:\/\//i.test(url)) return null;
  return AGENDA_PAGE.test(url) ? url.replace(AGENDA_PAGE, (_m, r: string | undefined, asp: string | undefined) => `/${program}${r ?? ''}${asp ?? ''}?${param}=${id}`) : null;
}

/** The address of a paper's own page as the agenda page `url` links it. */
export const paperPageUrl = (system: string, url: string | null, paperSourceId: string | null) => pageBesideAgenda(system, url, 'vo020', 'VOLFDNR', paperSourceId);

/** The address of a meeting's own page (to010) beside an agenda item's page (to020). */
export const meetingPageUrl = (system: string, url: string | null, meetingSourceId: string | null) => pageBesideAgenda(system, url, 'to010', 'SILFDNR', meetingSourceId);

/**
 * A paper named by an agenda item is known to exist even before (or without) its own page: it is
 * stored as an 'agenda:<item>' facet with what the agenda says, and the meeting row it was dealt in.
 * Such facets rank below every real one; merge.ts rebuilds a Beratungsfolge from them only for a
 * paper that has none of its own.
 *
 * `fromItemPage`: the appearance is read on the agenda item's own page (to020), which does not say all its agenda
 * row says (the committee's role, the row's documents): it is saved only where the row's is not (else the row's
 * takes the page's result), and the page's documents in a facet of their own (ITEM_FILES_FACET), so that
 * neither order of reading loses anything.
 */
function addAgendaAppearance(b: Batch, itemKey: string, a: AgendaAppearance, fromItemPage = false): void {
  if (!a.paperSourceId && !a.paperReference) return;
  const paper: PaperRecord = {
    type: 'Paper', format: 1, system: a.system, systemVersion: a.systemVersion, sourceId: a.paperSourceId, url: paperPageUrl(a.system, a.url, a.paperSourceId),
    reference: a.paperReference, name: a.name, paperType: a.paperType ?? null, public: null, statusText: null, originator: [],
    underDirectionOf: a.paperUnderDirectionOf ?? [], date: null, relatedReferences: [],
    consultation: [{
      organization: a.organization, role: a.role ?? null, roleCode: classifyRole(a.role), stationStatus: null,
      meetings: [{ date: a.date, name: a.meetingName, meetingSourceId: a.meetingSourceId, agendaItemSourceId: a.sourceId, result: a.result, resultCode: a.resultCode }],
    }],
    // the documents the agenda row links (ALLRIS 4: the motion's Sammeldokument)
    files: a.files ?? [], text: [],
  };
  const key = a.paperSourceId ? paperKey(paper) : (keyByReference(b, a.paperReference!) ?? paperKey(paper));
  if (!key) return;
  // the agenda names the id of a paper known so far only by its reference: the placeholder joins it
  if (a.paperSourceId) adoptReferencePlaceholder(b, key, a.paperReference);
  if (!fromItemPage) {
    b.save('Paper', key, `agenda:${itemKey}`, paper);
    return;
  }
  // an item its meeting's page no longer lists (agenda-removal.ts): its own page does not put the motion back there
  const entry = loadFacet<{ removed?: boolean }>(b.sqlite, b.sourceId, 'AgendaItem', itemKey, 'entry');
  if (entry?.removed === true) return;
  const row = loadFacet<PaperRecord>(b.sqlite, b.sourceId, 'Paper', key, `agenda:${itemKey}`);
  // the appearance is what an agenda row would say; what the page says of the motion itself goes to the page's own facet below
  if (!row) b.save('Paper', key, `agenda:${itemKey}`, { ...paper, paperType: null, underDirectionOf: [], files: [] });
  else {
    // the row's appearance keeps what the row says (its role, its documents) and takes the page's result
    const was = row.consultation[0]?.meetings[0];
    if (was && a.result !== null && (was.result !== a.result || was.resultCode !== a.resultCode)) {
      const meetings = [{ ...was, result: a.result, resultCode: a.resultCode }];
      b.save('Paper', key, `agenda:${itemKey}`, { ...row, consultation: [{ ...row.consultation[0], meetings }] });
    }
  }
  // the item page's own facet: the documents it offers, the motion's type and lead office it names
  if (a.files?.length || paper.paperType || paper.underDirectionOf.length) {
    b.save('Paper', key, `${ITEM_FILES_FACET}${itemKey}`, { ...paper, consultation: [], files: a.files ?? [] });
  }
}


interface AgendaAppearance {
  system: PaperRecord['system'];
  /** the page the appearance was read on (the meeting's agenda, the agenda item's page) */
  url: string | null;
  systemVersion: string | null;
  sourceId: string | null;
  paperSourceId: string | null;
  paperReference: string | null;
  name: string | null;
  organization: string | null;
  date: string | null;
  meetingName: string | null;
  meetingSourceId: string | null;
  result: string | null;
  resultCode: ResultCode;
  /** the committee's role as the agenda states it (ALLRIS 4's "Zuständigkeit"), where it does */
  role?: string | null;
  /** the documents the agenda row links, where it does */
  files?: FileRef[];
  /** the motion's type and lead office, where the item's page names them */
  paperType?: string;
  paperUnderDirectionOf?: string[];
}

/**
 * `{ ...base, ...extra }` (the same keys in the same order, so the same JSON), without object spread: V8
 * (Node 20) can give every spread copy of a record a hidden class of its own (when the record was itself
 * made by spreading), allocated in old space and slow to make — 4 µs and ~2 kB of old-space garbage per
 * agenda item, which made a large import's heap (and peak RSS) grow by hundreds of MB between full GCs.
 * Object.assign onto a new object follows the shared transitions of `{}`.
 */
function withFields<T extends object, U extends object>(base: T, extra: U): Omit<T, keyof U> & U {
  return Object.assign(Object.assign({}, base), extra) as Omit<T, keyof U> & U;
}

function addMeeting(b: Batch, m: MeetingRecord): void {
  const key = requireKey(meetingKey(m), 'meeting');
  b.save('Meeting', key, m.system, withFields(m, { agendaItem: undefined }));
  m.agendaItem.forEach((entry: AgendaItemEntry, position) => {
    const itemKey = agendaEntryKey(m.system, entry.sourceId, key, position);
    const merged: MergedAgendaItem = withFields(entry, {
      system: m.system, position, meetingSourceId: m.sourceId ?? key, meetingName: m.name,
      organization: m.organization, date: m.date,
    });
    b.save('AgendaItem', itemKey, 'entry', merged);
    // only read (what the entry says, in the meeting's context), never stored as it is
    addAgendaAppearance(b, itemKey, {
      system: m.system, systemVersion: m.systemVersion, url: m.url, sourceId: entry.sourceId, paperSourceId: entry.paperSourceId,
      paperReference: entry.paperReference, name: entry.name, organization: m.organization, date: m.date,
      meetingName: m.name, meetingSourceId: m.sourceId, result: entry.result, resultCode: entry.resultCode, role: entry.role, files: entry.files,
    });
  });
}

function addAgendaItem(b: Batch, a: AgendaItemRecord): void {
  const key = a.sourceId
    ? agendaEntryKey(a.system, a.sourceId, '', 0)
    : `${requireKey(a.meetingSourceId, 'agenda item')}#${a.number ?? ''}`;
  b.save('AgendaItem', key, a.system, a);
  addAgendaAppearance(b, key, a, true);
  // the meeting the page names (its id, title, committee, day, time and place) is known even before its own page is read: an
  // 'item' facet, below every other (merge.ts), like a calendar row — the item is linked to it, the meeting's
  // agenda is not known (own_page 0)
  if (a.system !== 'oparl' && a.meetingSourceId && a.date) {
    const mKey = meetingKey({ system: a.system, sourceId: a.meetingSourceId, date: a.date, start: null, name: a.meetingName });
    if (mKey) {
      b.save('Meeting', mKey, ITEM_PAGE_FACET, {
        system: a.system, sourceId: a.meetingSourceId, name: a.meetingName, date: a.date, start: a.meetingStart ?? null,
        end: a.meetingEnd ?? null, room: a.meetingRoom ?? null, location: a.meetingLocation ?? null,
        organization: a.organization, url: meetingPageUrl(a.system, a.url, a.meetingSourceId),
      });
    }
  }
}

function addMeetingList(b: Batch, l: MeetingListRecord): void {
  for (const e of l.meetings) {
    const key = meetingKey({ system: l.system, sourceId: e.sourceId, date: e.date, start: e.start, name: e.name });
    if (key) b.save('Meeting', key, 'calendar', withFields(e, { system: l.system }));
  }
}

function addOrganization(b: Batch, o: OrganizationRecord, fromList: boolean): void {
  const key = requireKey(organizationKey(o), 'organization');
  b.save('Organization', key, fromList && o.system !== 'oparl' ? 'list' : o.system, o);
}

export function addRecord(b: Batch, r: RisRecord, fromList = false): void {
  switch (r.type) {
    case 'Paper': return addPaper(b, r, fromList);
    case 'Meeting': return addMeeting(b, r);
    case 'AgendaItem': return addAgendaItem(b, r);
    case 'MeetingList': return addMeetingList(b, r);
    case 'Organization': return addOrganization(b, r, fromList);
    case 'List':
      for (const item of r.items) addRecord(b, item, true);
      return;
    case 'Person': {
      const p = r as PersonRecord;
      if (p.name) b.save('Person', requireKey(oparlNumber(p.sourceId) ?? p.sourceId ?? p.name, 'person'), p.system, p);
      return;
    }
    case 'File': {
      const f = r as FileRecord;
      b.save('File', requireKey(oparlNumber(f.sourceId) ?? f.sourceId ?? f.accessUrl, 'file'), f.system, f);
      return;
    }
    default:
      // System and Body records: kept as they are (crawl planning reads them), no entity table.
      b.save('Other', `${r.type}:${r.sourceId ?? r.url ?? 'start'}`, r.system, r);
  }
}
