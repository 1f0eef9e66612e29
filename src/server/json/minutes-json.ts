/**
 * Where a meeting's minutes name a motion, as the JSON answers carry it (the meeting's agenda items, the
 * motion's meetings): each document that names the motion's reference number, with the pages that do and a
 * link to each page (the document's address with #page=N). Pure.
 */
import type { MinutesMention } from '../../db/queries-minutes';
import { isHttpUrl } from '../helpers/safe-url';
import { documentPageHref } from '../views/match-view';

export function minutesJson(mentions: readonly MinutesMention[] | null | undefined) {
  return (mentions ?? []).map((d) => ({
    name: d.name,
    url: isHttpUrl(d.url) ? d.url : null,
    pages: d.pages.map((page) => ({ page, url: documentPageHref(d.url, page) })),
  }));
}
