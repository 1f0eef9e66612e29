/**
 * The vo020 page of ALLRIS 4 and of ALLRIS 3's responsive `_r` programs → PaperRecord: both have the
 * `h1.title` + `#head` fields, document links, the `#bfTable` Beratungsfolge inside `<div id="allris">`;
 * they differ in the system, the order of type and number in the title, and where the text sections
 * are. Pure.
 */
import type { AnyNode } from 'domhandler';
import { recordBase, type ParseContext } from '../html/context';
import type { PaperRecord, SystemName, TextSection } from '../records';
import { readBfTable } from './bf-table';
import { byId, documentOf } from '../html/dom';
import { pageBase, paperSourceId, readDocumentLinks, readPaperHead } from './head-fields';
import { allrisVersion } from '../html/version';

export interface HeadPaperLayout {
  system: SystemName;
  /** "Antrag - 2026/245" (ALLRIS 4) or "VO/2026/181 - öffentliche Beschlussvorlage" (`_r`) */
  title: Parameters<typeof readPaperHead>[2];
  /** names the page in errors when there is no URL */
  pageName: string;
  /** the text sections, read inside `root` (the `#allris` container or the document) */
  readText: (root: AnyNode) => TextSection[];
}

export function parseHeadPaper(ctx: ParseContext, layout: HeadPaperLayout): PaperRecord {
  const doc = documentOf(ctx);
  const page = ctx.url ?? layout.pageName;
  const rootNode: AnyNode = byId(doc, 'allris') ?? doc;
  const head = readPaperHead(rootNode, page, layout.title);
  return {
    ...recordBase(ctx, 'Paper', layout.system, paperSourceId(ctx.url, ctx.text), { systemVersion: ctx.systemVersion ?? allrisVersion(ctx.text) }),
    ...head,
    consultation: readBfTable(rootNode, page),
    files: readDocumentLinks(rootNode, pageBase(doc, ctx.url)),
    text: layout.readText(rootNode),
  };
}
