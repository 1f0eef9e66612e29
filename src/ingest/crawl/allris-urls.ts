/**
 * The URLs of an ALLRIS installation, built from ids (ALLRIS-NOTES §2a, §2b), in the form the pages
 * themselves use: ALLRIS 3 `…/bi/vo020.asp?VOLFDNR=…` (or the responsive `_r` programs), ALLRIS 4
 * `…/public/vo020?VOLFDNR=…`. Pure.
 */
import type { SourceConfig } from './sources';

export interface AllrisUrls {
  calendarMonth(year: number, month: number, program?: string): string;
  meeting(id: string): string;
  item(id: string): string;
  paper(id: string): string;
  /** the committee page of a meeting's organization; the page text tells au020 from pa020 (ALLRIS 3) */
  committee(orgId: string, meetingText: string): string;
  start?: string;
  paperList?: string;
  factionList?: string;
  faction?(id: string): string;
}

export function allris3Urls(s: SourceConfig): AllrisUrls {
  const base = s.baseUrl;
  const r = (p: string) => (s.responsive ? `${p}_r` : p);
  return {
    calendarMonth: (y, m, program = s.calendar ?? 'si010') => `${base}${program}.asp?MM=${m}&YY=${y}`,
    meeting: (id) => `${base}${r('to010')}.asp?SILFDNR=${id}`,
    item: (id) => `${base}to020.asp?TOLFDNR=${id}`,
    paper: (id) => `${base}${r('vo020')}.asp?VOLFDNR=${id}`,
    committee: (orgId, text) => {
      const m = new RegExp(`(au020|pa020)(_r)?\\.asp\\?[^"'<>]*?(?:AU|PA)LFDNR=${orgId}\\b`, 'i').exec(text);
      const program = m ? m[1].toLowerCase() : 'au020';
      return `${base}${program}.asp?${program === 'pa020' ? 'PALFDNR' : 'AULFDNR'}=${orgId}`;
    },
    start: `${base}allris.net.asp`,
    paperList: `${base}vo040.asp`,
    factionList: `${base}fr010.asp?SELECT=1`,
    faction: (id) => `${base}fr020.asp?FRLFDNR=${id}`,
  };
}

export function allris4Urls(s: SourceConfig): AllrisUrls {
  const base = s.baseUrl;
  return {
    calendarMonth: (y, m) => `${base}si010?MM=${m}&YY=${y}`,
    meeting: (id) => `${base}to010?SILFDNR=${id}`,
    item: (id) => `${base}to020?TOLFDNR=${id}`,
    paper: (id) => `${base}vo020?VOLFDNR=${id}`,
    committee: (orgId) => `${base}gr020?GRLFDNR=${orgId}`,
  };
}

/** The calendar program a start page's menu offers, in order of preference. */
export function calendarFromPrograms(programs: string[] | null): string | null {
  for (const p of ['si010_e', 'si010', 'si010_j', 'si010_r', 'si010_a']) if (programs?.includes(p)) return p;
  return null;
}
