/**
 * OParl Paper → PaperRecord (CONTRACTS.md section 2). Names come only from embedded objects (a bare
 * URL is no name); the originator is read from embedded originatorOrganization objects and vendor keys
 * such as Leipzig's `leipzig:originator`, never from originatorPerson (staff). OParl carries no text
 * sections and no status line; ratsradar's own server gives the status line, the names behind URLs and
 * whole stations of the Beratungsfolge as `ratsradar:` properties (ratsradar.ts). Pure.
 */
import type { ParseContext } from '../html/context';
import type { FileRef, PaperRecord } from '../records';
import { oparlBase } from './base';
import { mapConsultation } from './consultation';
import { oparlDate } from './datetime';
import { asList, embeddedList, fileUrl, names, oparlBoolean, oparlString, type OparlObject } from './quirks';
import { isPageStandIn, vendorBoolean, vendorStations, vendorString, vendorStrings } from './ratsradar';

/** Vendor extension keys that name the originator as text ("leipzig:originator"). */
const VENDOR_ORIGINATOR = /^[a-z][\w-]*:originator$/i;

function originators(p: OparlObject): string[] {
  const out = names(p.originatorOrganization);
  for (const [key, value] of Object.entries(p)) {
    if (!VENDOR_ORIGINATOR.test(key)) continue;
    for (const v of asList(value)) {
      const s = oparlString(v);
      if (s && !out.includes(s)) out.push(s);
    }
  }
  return out;
}

/** mainFile first, then the auxiliary files (one object or an array of them), embedded ones only. */
function files(p: OparlObject): FileRef[] {
  const out: FileRef[] = [];
  for (const f of [...embeddedList(p.mainFile), ...embeddedList(p.auxiliaryFile)]) {
    const url = isPageStandIn(f) ? null : fileUrl(f);
    const name = oparlString(f.name) ?? oparlString(f.fileName) ?? url;
    if (name) out.push({ name, url });
  }
  return out;
}

/** Names from embedded objects, else those ratsradar's server gives as a vendor property. */
function orVendor(found: string[], p: OparlObject, name: string): string[] {
  return found.length ? found : vendorStrings(p, name);
}

export function mapPaper(p: OparlObject, ctx: ParseContext): PaperRecord {
  return {
    ...oparlBase(p, 'Paper', ctx),
    reference: oparlString(p.reference),
    name: oparlString(p.name),
    paperType: oparlString(p.paperType),
    public: oparlBoolean(p.public) ?? vendorBoolean(p, 'public'),
    statusText: vendorString(p, 'statusText'),
    originator: originators(p),
    underDirectionOf: orVendor(names(p.underDirectionOf), p, 'underDirectionOf'),
    date: oparlDate(p.date),
    relatedReferences: orVendor(names(p.relatedPaper, 'reference'), p, 'relatedReferences'),
    consultation: vendorStations(embeddedList(p.consultation)) ?? embeddedList(p.consultation).map(mapConsultation),
    files: files(p),
    text: [],
  };
}
