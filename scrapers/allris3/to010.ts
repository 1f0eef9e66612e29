/**
 * ALLRIS net 3.x classic and `_raw` to010 (Sitzung / Tagesordnung) → MeetingRecord (CONTRACTS.md §2
 * "Meeting", ALLRIS-NOTES §4.2). Head: `#risname(_raw) h1` "Tagesordnung - <Sitzungsname>" and the
 * `td.kb1` label rows (Bezeichnung, Gremium → au020 AULFDNR / pa020 PALFDNR, Datum, Status, Zeit,
 * Raum, Ort; Anlass/Zusatz ignored); agenda: `table.tl1` (to010-agenda.ts). Pure.
 *
 * Quirks with a home here (tests in test/scrapers/allris3/to010.test.ts):
 * - city portal wrappers (Hildesheim NOLIS): everything is read inside #rismain / #rismain_raw /
 *   #allriscontainer only, so portal navigation and footers cannot leak in;
 * - pages without a "Bezeichnung:" row (Regensburg): the name is the h1 without "Tagesordnung - ";
 * - the meeting's own SILFDNR without a URL: meta objectID, the si016/si017 forms or this agenda's
 *   TOP links — never the TO form / to010 link of an earlier meeting inside the agenda.
 */
import { load, type CheerioAPI } from 'cheerio/slim';
import type { AnyNode, Element } from 'domhandler';
import { LayoutChangedError } from '../errors';
import type { ParseContext } from '../parse';
import { RECORD_FORMAT, type MeetingRecord } from '../records';
import { idParam } from '../shared/agenda-entry';
import { nameFromTitle, readMeetingHead, type MeetingField } from '../shared/agenda-meeting-head';
import { elementText } from '../shared/head-fields';
import { cleanText, labelKey } from '../shared/text';
import { findAgendaTable, parseClassicAgenda } from './to010-agenda';
import { readLabelledFields } from './vo020-labels';

const SCOPES = ['#rismain', '#rismain_raw', '#allriscontainer', '#bomain'];

/** The ALLRIS content container; city portal wrappers around it (Hildesheim NOLIS) are never read. */
function findScope($: CheerioAPI): AnyNode {
  for (const sel of SCOPES) {
    const el = $(sel).first();
    if (el.length) return el[0];
  }
  return $('body').first()[0] ?? $.root()[0];
}

/** The label rows of the head table (the table around the first `td.kb1`), as label key → value cells. */
function headFields($: CheerioAPI, scope: AnyNode): MeetingField[] {
  const table = $(scope).find('td.kb1').first().closest('table').toArray().find((el): el is Element => el.type === 'tag');
  if (!table) return [];
  return readLabelledFields($, table).map((f) => ({ key: labelKey(f.label), value: $(f.cells) }));
}

/** SILFDNR: from the URL, else from the page's own meta, forms and TOP links (never an earlier meeting's). */
function meetingSourceId($: CheerioAPI, scope: AnyNode, url: string | null): string | null {
  const fromUrl = idParam(url, 'SILFDNR');
  if (fromUrl) return fromUrl;
  const meta = cleanText($('meta[name="objectID"]').first().attr('content'));
  if (meta && /^\d+$/.test(meta)) return meta;
  const form = cleanText($('form[action*="si016"], form[action*="si017"], form[action*="si019"]').find('input[name="SILFDNR"]').first().attr('value'));
  if (form && /^\d+$/.test(form)) return form;
  for (const a of $(scope).find('td.text4 a[href*="to010"][href*="TOLFDNR="]').toArray()) {
    const id = idParam(a.attribs.href, 'SILFDNR');
    if (id) return id;
  }
  const self = $('form[action*="to010.asp?SILFDNR="]').filter((_, f) => $(f).find('input[name="selfAction"]').length > 0);
  return idParam(self.first().attr('action'), 'SILFDNR');
}

export function parseAllris3Meeting(ctx: ParseContext): MeetingRecord {
  const $ = load(ctx.text);
  const scope = findScope($);
  const page = ctx.url ?? 'ALLRIS 3 to010 page';
  const h1 = elementText($('#risname h1, #risname_raw h1').first());
  const fields = headFields($, scope);
  if (!h1 && fields.length === 0) {
    throw new LayoutChangedError(`${page}: neither a Tagesordnung heading nor head labels`, page, '#risname h1, td.kb1');
  }
  const agenda = findAgendaTable($, scope);
  if (!agenda) {
    throw new LayoutChangedError(`${page}: no agenda table with a Betreff column`, page, 'table.tl1 tr.zk1 th "Betreff"');
  }
  const head = readMeetingHead(fields, null);
  return {
    type: 'Meeting',
    format: RECORD_FORMAT,
    system: 'allris3',
    systemVersion: ctx.systemVersion,
    sourceId: meetingSourceId($, scope, ctx.url),
    url: ctx.url ?? null,
    ...head,
    name: head.name ?? nameFromTitle(h1, head.date),
    agendaItem: parseClassicAgenda($, agenda.table, agenda.header, page),
  };
}
