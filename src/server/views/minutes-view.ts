/**
 * Where a meeting's minutes name a motion, as the motion page's meeting rows and the meeting page's agenda
 * show it: "Genannt in „Niederschrift öffent. Teil“ auf Seite 1, 3", each page linked to the document at that
 * page (src/db/queries-minutes.ts). Pure.
 */
import type { MinutesMention } from '../../db/queries-minutes';
import { documentPageHref } from './match-view';

export interface MinutesView {
  name: string;
  pages: { page: number; href: string | null }[];
}

export function minutesView(mentions: readonly MinutesMention[] | null | undefined): MinutesView[] {
  return (mentions ?? []).map((d) => ({ name: d.name, pages: d.pages.map((page) => ({ page, href: documentPageHref(d.url, page) })) }));
}
