/**
 * OParl Paper → PaperRecord (CONTRACTS.md section 2). Names come only from embedded objects (a bare
 * URL is no name); the originator is read from embedded originatorOrganization objects and vendor keys
 * such as Leipzig's `leipzig:originator`, never from originatorPerson (staff). OParl carries no text
 * sections and no status line. Pure.
 */
import type { ParseContext } from '../parse';
import type { FileRef, PaperRecord } from '../records';
import { oparlBase } from './base';
import { mapConsultation } from './consultation';
import { oparlDate } from './datetime';
import { asList, embeddedList, fileUrl, names, oparlBoolean, oparlString, type OparlObject } from './quirks';

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
    const url = fileUrl(f);
    const name = oparlString(f.name) ?? oparlString(f.fileName) ?? url;
    if (name) out.push({ name, url });
  }
  return out;
}

export function mapPaper(p: OparlObject, ctx: ParseContext): PaperRecord {
  return {
    ...oparlBase(p, 'Paper', ctx),
    reference: oparlString(p.reference),
    name: oparlString(p.name),
    paperType: oparlString(p.paperType),
    public: oparlBoolean(p.public),
    statusText: null,
    originator: originators(p),
    underDirectionOf: names(p.underDirectionOf),
    date: oparlDate(p.date),
    relatedReferences: names(p.relatedPaper, 'reference'),
    consultation: embeddedList(p.consultation).map(mapConsultation),
    files: files(p),
    text: [],
  };
}
