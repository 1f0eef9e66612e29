/**
 * OParl AgendaItem → an agenda entry of a MeetingRecord, or an AgendaItemRecord of its own. The paper
 * is known only through an embedded Consultation (its `paper`, with the reference where that is
 * embedded too). Pure.
 */
import type { ParseContext } from '../html/context';
import type { AgendaItemEntry, AgendaItemRecord } from '../records';
import { classifyResult, cleanResultText } from '../shared/codes';
import { oparlBase } from './base';
import { oparlDate } from './datetime';
import { embedded, firstName, idOf, isObject, oparlBlock, oparlBoolean, oparlString, type OparlObject } from './quirks';
import { vendorString, vendorUrl } from './ratsradar';

function paperOf(item: OparlObject): { paperReference: string | null; paperSourceId: string | null } {
  const consultation = embedded(item.consultation);
  const paper = consultation?.paper;
  return {
    paperReference: (isObject(paper) ? oparlString(paper.reference) : null) ?? vendorString(item, 'paperReference'),
    paperSourceId: idOf(paper) ?? vendorUrl(item, 'paper'),
  };
}

function resultOf(item: OparlObject): { result: string | null; resultCode: AgendaItemEntry['resultCode'] } {
  const result = cleanResultText(oparlString(item.result));
  return { result, resultCode: classifyResult(result) };
}

export function agendaEntry(item: OparlObject): AgendaItemEntry {
  return {
    number: oparlString(item.number),
    public: oparlBoolean(item.public),
    sourceId: oparlString(item.id),
    name: oparlString(item.name),
    ...paperOf(item),
    ...resultOf(item),
  };
}

export function mapAgendaItem(item: OparlObject, ctx: ParseContext): AgendaItemRecord {
  const meeting = embedded(item.meeting);
  const resolution = oparlBlock(item.resolutionText);
  return {
    ...oparlBase(item, 'AgendaItem', ctx),
    number: oparlString(item.number),
    public: oparlBoolean(item.public),
    name: oparlString(item.name),
    meetingSourceId: idOf(item.meeting),
    meetingName: meeting ? oparlString(meeting.name) : null,
    organization: meeting ? firstName(meeting.organization) : null,
    date: oparlDate(item.start) ?? oparlDate(meeting?.start),
    ...paperOf(item),
    ...resultOf(item),
    text: resolution ? [{ heading: null, text: resolution }] : [],
  };
}
