/**
 * ALLRIS 3's documents as its classic pages offer them: `<form action="do027.asp">` POST forms (one
 * hidden DOLFDNR each, the button's value or title naming the document) and `do027` / `___tmp/` links.
 * The motion page (vo020) and the meeting page's head (to010) read them alike. Pure.
 */
import type { AnyNode, Element } from 'domhandler';
import type { FileRef } from '../records';
import { attr, attrContains, attrValue, findAll, findFirst, textContent } from '../html/dom';
import { ROWS, textValue } from '../html/text';
import { cleanText } from './text';
import { documentFormUrl, documentLinkUrl } from './document-url';

/** Every document under `scope`, in page order, one per form or URL; `skip` leaves elements out (an agenda's rows). */
export function documentFormsAndLinks(scope: AnyNode, base: string | null, skip: (el: Element) => boolean = () => false): FileRef[] {
  const files: FileRef[] = [];
  const seen = new Set<string>();
  // form[action*="do027"], a[href*="do027"], a[href*="___tmp/"]
  const isFile = (el: Element): boolean =>
    (el.name === 'form' && attrContains(el, 'action', 'do027')) ||
    (el.name === 'a' && (attrContains(el, 'href', 'do027') || attrContains(el, 'href', '___tmp/')));
  for (const el of findAll(scope, isFile)) {
    if (skip(el)) continue;
    let name: string | null;
    let url: string | null;
    let key: string;
    if (el.name === 'form') {
      // input[type="submit"], input[type="image"], button
      const button = findFirst(el, (b) => {
        if (b.name === 'button') return true;
        const type = attrValue(b, 'type')?.toLowerCase();
        return b.name === 'input' && (type === 'submit' || type === 'image');
      });
      name =
        cleanText(attr(button, 'value')) ??
        cleanText(attr(button, 'alt')) ??
        cleanText(button ? textContent(button) : '') ??
        cleanText(attr(button, 'title')?.replace(/\(Öffnet[^)]*\)/g, ''));
      const hidden = findAll(el, (i) => i.name === 'input' && attrValue(i, 'type')?.toLowerCase() === 'hidden');
      const inputs = hidden.map((i) => `${i.attribs.name}=${i.attribs.value}`);
      url = documentFormUrl(el.attribs.action, Object.fromEntries(hidden.map((i) => [i.attribs.name ?? '', i.attribs.value ?? ''])), base);
      key = `form:${inputs.join('&')}`;
    } else {
      url = documentLinkUrl(el.attribs.href, base);
      name = textValue([el], ROWS) ?? cleanText(el.attribs.title?.replace(/\(Öffnet[^)]*\)/g, ''));
      key = `url:${el.attribs.href}`;
    }
    if (seen.has(key)) continue;
    seen.add(key);
    if (!name && url) name = cleanText(url.split(/[?#]/)[0].split('/').pop());
    if (name) files.push({ name, url });
  }
  return files;
}

/** The record's optional `files` field: present where there is a document, absent otherwise. */
export function filesField(files: FileRef[]): { files?: FileRef[] } {
  return files.length ? { files } : {};
}
