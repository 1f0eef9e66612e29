/**
 * Who a record is inside its source: the entity key that joins an HTML record and an OParl record of
 * the same object (ALLRIS's OParl ids carry the same numbers as VOLFDNR / SILFDNR / TOLFDNR / GRLFDNR),
 * and the facet it contributes. Pure.
 */
import type { MeetingRecord, OrganizationRecord, PaperRecord, RecordBase } from '../../scrapers/records';

/** The number an OParl id URL ends in: "…/papers?id=1001737" / "…/papers/2002747" / "…/papers.asp?id=12" → "1001737". */
export function oparlNumber(id: string | null | undefined): string | null {
  if (!id) return null;
  const m = /[?&]id=(\d+)(?:&|#|$)/.exec(id) ?? /\/(\d+)\/?(?:[?#]|$)/.exec(id);
  return m ? m[1] : null;
}

type Identified = Pick<RecordBase, 'system' | 'sourceId'>;

function isOparl(r: Identified): boolean {
  return r.system === 'oparl';
}

/** The id a record has inside its source: the page id, or for OParl the number of its id URL (else the URL). */
function ownId(r: Identified): string | null {
  if (!r.sourceId) return null;
  return isOparl(r) ? (oparlNumber(r.sourceId) ?? r.sourceId) : r.sourceId;
}

export function paperKey(p: PaperRecord): string | null {
  const id = ownId(p);
  if (id) return id;
  return p.reference ? `ref:${p.reference}` : null;
}

export function meetingKey(m: Pick<MeetingRecord, 'system' | 'sourceId' | 'date' | 'start' | 'name'>): string | null {
  const id = ownId(m);
  if (id) return id;
  if (!m.date && !m.name) return null;
  return `cal:${m.date ?? ''}:${m.start ?? ''}:${m.name ?? ''}`;
}

/** An agenda item seen in a meeting's agenda: its TOLFDNR (or OParl number), else meeting + position. */
export function agendaEntryKey(system: string, sourceId: string | null, meeting: string, position: number): string {
  if (sourceId) return system === 'oparl' ? (oparlNumber(sourceId) ?? sourceId) : sourceId;
  return `${meeting}#${position}`;
}

const ORG_PARAMS: [RegExp, string][] = [
  [/[?&]AULFDNR=(\d+)/i, 'au'],
  [/[?&]GRLFDNR=(\d+)/i, 'gr'],
  [/[?&]FRLFDNR=(\d+)/i, 'fr'],
  [/[?&]PALFDNR=(\d+)/i, 'pa'],
  [/organizations\?(?:[^#]*&)?typ=(\w+)&(?:[^#]*&)?id=(\d+)/i, ''],
  [/organizations\/(\w+)\/(\d+)/i, ''],
];

/** "au:235" (ALLRIS 3 committee), "gr:160" (ALLRIS 4 / OParl gremium), "fr:1121", "pa:1", else "org:<id>" or "name:<name>". */
export function organizationKey(o: Pick<OrganizationRecord, 'system' | 'sourceId' | 'url' | 'name'>): string | null {
  for (const candidate of [o.url, o.sourceId]) {
    if (!candidate) continue;
    for (const [re, prefix] of ORG_PARAMS) {
      const m = re.exec(candidate);
      if (m) return prefix ? `${prefix}:${m[1]}` : `${m[1].toLowerCase()}:${m[2]}`;
    }
  }
  const id = ownId(o);
  if (id) return `org:${id}`;
  return o.name ? `name:${o.name}` : null;
}
