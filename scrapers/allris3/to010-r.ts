/**
 * ALLRIS net 3.x responsive `_r` to010 (to010_r.asp) → MeetingRecord (CONTRACTS.md §2 "Meeting",
 * ALLRIS-NOTES §4.2 "3.x _r"). Head: `h1.title` ("Kreistag des Landkreises Osnabrück - 28.09.2026")
 * and `#head .row` label links `a[aria-describedby=X]` ("Gremium:") with their value `span#X`
 * (`#sigremium` → pa020_r/au020_r link, `#sidatum`, `#sistat`); agenda: `#toTable`
 * (shared/agenda-totable.ts, which also holds the `_r` markup bugs). Pure.
 *
 * The `_r` head names no Betreff: the meeting name is then the title without its trailing date.
 */
import { load, type Cheerio, type CheerioAPI } from 'cheerio/slim';
import type { AnyNode } from 'domhandler';
import { LayoutChangedError } from '../errors';
import type { ParseContext } from '../parse';
import { RECORD_FORMAT, type MeetingRecord } from '../records';
import { idParam } from '../shared/agenda-entry';
import { nameFromTitle, readMeetingHead, type MeetingField } from '../shared/agenda-meeting-head';
import { findToTable, parseToTable } from '../shared/agenda-totable';
import { elementText, readHeadFields } from '../shared/head-fields';
import { labelKey } from '../shared/text';

/** `<a aria-describedby="sigremium">Gremium:</a> <span id="sigremium">…</span>`, in page order; else dt/dd or .label rows. */
export function readDescribedFields($: CheerioAPI, root: Cheerio<AnyNode>): MeetingField[] {
  const fields: MeetingField[] = [];
  root.find('#head [aria-describedby]').each((_, el) => {
    const id = $(el).attr('aria-describedby') ?? '';
    const value = /^[\w-]+$/.test(id) ? root.find(`#${id}`).first() : null;
    if (value && value.length) fields.push({ key: labelKey($(el).text()), value });
  });
  if (fields.length) return fields;
  return readHeadFields($, root).map((f) => ({ key: f.key, value: f.value as Cheerio<AnyNode> }));
}

/** SILFDNR: from the URL, else from the TOP links of this meeting's own agenda (`to010_r.asp?SILFDNR=…&TOLFDNR=…`). */
function meetingSourceId($: CheerioAPI, root: Cheerio<AnyNode>, url: string | null): string | null {
  const fromUrl = idParam(url, 'SILFDNR');
  if (fromUrl) return fromUrl;
  for (const a of root.find('#toTable td.tonr a[href*="TOLFDNR="]').toArray()) {
    const id = idParam($(a).attr('href'), 'SILFDNR');
    if (id) return id;
  }
  const own = root.find('a[id^="si"][id*="top"]').first().attr('id');
  return own ? (/^si(\d+)top\d+$/i.exec(own)?.[1] ?? null) : null;
}

export function parseAllris3rMeeting(ctx: ParseContext): MeetingRecord {
  const $ = load(ctx.text);
  const page = ctx.url ?? 'ALLRIS 3 to010_r page';
  const allris = $('#allris').first();
  const root: Cheerio<AnyNode> = allris.length ? allris : $.root();
  const title = elementText(root.find('h1.title').first());
  const fields = readDescribedFields($, root);
  if (!title && fields.length === 0) {
    throw new LayoutChangedError(`${page}: neither h1.title nor #head fields found`, page, 'h1.title, #head .row');
  }
  const head = readMeetingHead(fields, root);
  return {
    type: 'Meeting',
    format: RECORD_FORMAT,
    system: 'allris3',
    systemVersion: ctx.systemVersion,
    sourceId: meetingSourceId($, root, ctx.url),
    url: ctx.url ?? null,
    ...head,
    name: head.name ?? nameFromTitle(title, head.date),
    agendaItem: parseToTable($, findToTable(root, page)),
  };
}
