/**
 * ALLRIS net 3.x classic and `_raw` to020 ("Auszug", one agenda item) → AgendaItem record
 * (CONTRACTS.md §2) with the optional `vote`. Layout: ALLRIS-NOTES §4.3. Pure.
 *
 * Head table (`td.kb1` labels, read by label): an unlabelled first row with the TO form and the
 * meeting link `to010.asp?SILFDNR=…`, then `TOP:` "Ö&nbsp;2.1", `Gremium:`, `Beschlussart:` (the
 * result), `Datum:`, `Status:`, `Zeit:`, …, and, when the item has a Vorlage, a row with the VO form
 * and the link `vo020.asp?VOLFDNR=…` "22-0621 Betreff…". The name is the heading "Auszug - <name>".
 * Text: the embedded Aspose documents after `a[name=allrisWP|allrisBS|allrisAE]` (vo020-text.ts);
 * empty ones (`<p><span>&nbsp;</span></p>`) are left out.
 *
 * Vendor quirks with a home here (each has a test in test/scrapers/allris3/to020.test.ts):
 * - city portal wrappers (Hildesheim NOLIS): only #rismain / #rismain_raw / #allriscontainer is read;
 * - the Beschlussart "(offen)" is no result;
 * - the page's own id (TOLFDNR) without a URL: meta objectID, the print form, or `topSelected=`.
 */
import { load, type CheerioAPI } from 'cheerio/slim';
import type { AnyNode, Element } from 'domhandler';
import { LayoutChangedError } from '../errors';
import type { ParseContext } from '../parse';
import { RECORD_FORMAT } from '../records';
import { classifyResult, cleanResultText } from '../shared/codes';
import { parseGermanDate } from '../shared/dates';
import { urlParam } from '../shared/head-fields';
import { writeListNumbers } from '../shared/list-numbers';
import { labelKey } from '../shared/text';
import { nameFromAuszugTitle, splitPaperLink, splitTopNumber } from '../shared/to020-fields';
import { findVote, type AgendaItemWithVote } from '../shared/vote';
import { readLabelledFields, type LabelledField } from './vo020-labels';
import { parseTextSections, textValue } from './vo020-text';

const SCOPES = ['#rismain', '#rismain_raw', '#allriscontainer', '#bomain'];

/** The ALLRIS content container; city portal wrappers around it (Hildesheim NOLIS) are never read. */
function findScope($: CheerioAPI): AnyNode {
  for (const sel of SCOPES) {
    const el = $(sel).first();
    if (el.length) return el[0];
  }
  return $('body').first()[0] ?? $.root()[0];
}

/** The head table: the table whose own rows hold the "TOP:" label. */
function headTable($: CheerioAPI, scope: AnyNode): Element | null {
  const top = $(scope)
    .find('td.kb1')
    .filter((_, td) => labelKey(textValue([td])) === 'top')
    .first();
  const table = top.closest('table')[0];
  return table && table.type === 'tag' ? table : null;
}

/** TOLFDNR: the URL, else the page's own marks (meta objectID, print form, `topSelected=` of its forms). */
function sourceIdOf($: CheerioAPI, url: string | null): string | null {
  const own = (v: string | undefined) => (v && /^\d+$/.test(v.trim()) ? v.trim() : null);
  return (
    urlParam(url, 'TOLFDNR') ??
    own($('meta[name="objectID"]').first().attr('content')) ??
    own($('form[action*="to020"] input[name="TOLFDNR"]').first().attr('value')) ??
    urlParam($('form[action*="topSelected="]').first().attr('action'), 'topSelected')
  );
}

function valueOf(fields: LabelledField[], key: string): string | null {
  const field = fields.find((f) => labelKey(f.label) === key);
  return field ? textValue(field.cells) : null;
}

export function parseAllris3AgendaItem(ctx: ParseContext): AgendaItemWithVote {
  const $ = load(ctx.text);
  const scope = findScope($);
  const page = ctx.url;

  const table = headTable($, scope);
  if (!table) {
    throw new LayoutChangedError(
      `to020 ${page ?? '(no url)'}: no head table with a "TOP:" label`,
      page,
      'td.kb1 "TOP:"',
    );
  }
  const fields = readLabelledFields($, table);
  const top = splitTopNumber(valueOf(fields, 'top'));
  const result = cleanResultText(valueOf(fields, 'beschlussart'));

  const meetingLink = $(table).find('a[href*="to010"][href*="SILFDNR="]').first();
  const meetingForm = $(table).find('form[action*="to010"] input[name="SILFDNR"]').first();
  const paperLink = $(table).find('a[href*="vo020"][href*="VOLFDNR="]').first();
  const paperForm = $(table).find('form[action*="vo020"] input[name="VOLFDNR"]').first();
  const paper = splitPaperLink(paperLink.length ? textValue([paperLink[0]]) : null);

  const heading = $('#risname h1, #risname_raw h1').first();
  const name =
    nameFromAuszugTitle(heading.length ? textValue([heading[0]]) : null) ??
    nameFromAuszugTitle($('title').first().text()) ??
    paper.name;

  writeListNumbers($, $(scope));
  const text = parseTextSections($, scope);

  return {
    type: 'AgendaItem',
    format: RECORD_FORMAT,
    system: 'allris3',
    systemVersion: ctx.systemVersion,
    sourceId: sourceIdOf($, ctx.url),
    url: ctx.url ?? null,
    number: top.number,
    public: top.public,
    name,
    meetingSourceId: urlParam(meetingLink.attr('href'), 'SILFDNR') ?? (meetingForm.attr('value')?.trim() || null),
    meetingName: meetingLink.length ? textValue([meetingLink[0]]) : null,
    organization: valueOf(fields, 'gremium'),
    date: parseGermanDate(valueOf(fields, 'datum')),
    paperReference: paper.reference,
    paperSourceId: urlParam(paperLink.attr('href'), 'VOLFDNR') ?? (paperForm.attr('value')?.trim() || null),
    result,
    resultCode: classifyResult(result),
    text,
    vote: findVote(text),
  };
}
