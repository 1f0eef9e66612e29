/** Reading the organization pages of the corpus for the au020 / fr010 / fr020 tests (cases in cases/organizations.ts). */
import fs from 'node:fs';
import path from 'node:path';
import { parsePage } from '../../scrapers/parse';
import type { RisRecord } from '../../scrapers/records';
import { CASES } from './cases/organizations';
import { CORPUS } from './tmp';

export const EXPECTED_DIR = path.resolve(__dirname, '..', 'expected');

export type OrgCase = (typeof CASES)[number];

/** The cases whose page name starts with the program ("au020", "fr010", "fr020"). */
export function casesOf(program: string): OrgCase[] {
  return CASES.filter((c) => path.basename(c.page).startsWith(program));
}

export function pageBytes(page: string): Buffer {
  return fs.readFileSync(path.join(CORPUS, page));
}

/** The page's text as the parser sees it (windows-1252: the Hamburg pages are Latin-1 bytes). */
export function pageText(page: string): string {
  return new TextDecoder('windows-1252').decode(pageBytes(page));
}

export function parseCase(c: { page: string }, url: string | null): RisRecord {
  return parsePage(pageBytes(c.page), url);
}

export function expectedOf<T = RisRecord>(c: OrgCase): T {
  return JSON.parse(fs.readFileSync(path.join(EXPECTED_DIR, c.expected), 'utf8')) as T;
}

/** A hand-made page as Latin-1 bytes, the way ALLRIS 3 serves it. */
export function latin1(html: string): Buffer {
  return Buffer.from(html, 'latin1');
}

/**
 * A hand-made ALLRIS 3.9.5 page around `rismain` (the frame the Hamburg pages have: `#allriscontainer`,
 * `#risnavi`, `#risname h1`, `#rismain`); `navi` goes into `#risnavi`, `outside` before the container
 * (a city portal's own markup).
 */
export function handMadeAllris3(program: string, heading: string, rismain: string, navi = '', outside = ''): string {
  return `<?xml version="1.0" encoding="iso-8859-1"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" lang="de"><head>
<meta http-equiv="content-type" content="text/html; charset=iso-8859-1" />
<title>${heading}</title>
<meta name="description" content="ALLRIS net Version 3.9.5 (221117m)" />
</head><body>${outside}<div id="allriscontainer" class="${program}">
<div id="risnavi"><ul id="navi_right">${navi}</ul></div>
<div id="risname"><h1>${heading}&nbsp;&nbsp;</h1></div>
<div id="rismain">${rismain}</div>
</div></body></html>
`;
}

/** A hand-made ALLRIS 3 member table (header Name | Art der Mitarbeit | <groupHeader>) with the given rows. */
export function handMadeMemberTable(rows: [string, string, string][], groupHeader = 'Funktion'): string {
  const tr = rows
    .map(([n, r, g]) => `<tr class="zl12"><td>&nbsp;</td><td>&nbsp;</td><td>${n}</td><td class="text1"><div>${r}</div></td><td class="text4"><div>${g}</div></td></tr>`)
    .join('\n');
  return `<h3>Mitglieder</h3>
<table class="tl1"><tr class="zk1"><th></th><th></th><th>Name&nbsp;</th><th><span title="aktuell">Art der Mitarbeit</span></th><th>${groupHeader}</th></tr>
<tr><td colspan="5"><hr /></td></tr>
${tr}
<tr><td colspan="4"><img src="images/einpix.gif" alt="" /></td><td></td></tr>
</table>`;
}
