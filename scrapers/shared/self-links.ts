/**
 * The places where a saved ALLRIS page names its own address (page-url.ts reads them). Pure; regular
 * expressions over the decoded text, no DOM. Each finder returns the addresses it found, as written
 * (relative or absolute), with `&amp;` decoded; none is trusted alone by page-url.ts. A tag is read up
 * to the next `<` or `>` only, so a page of unclosed tags costs linear time, not quadratic.
 */

/** `&amp;` → `&` (the only entity ALLRIS writes inside its own URLs). */
function unescapeAmp(s: string): string {
  return s.replace(/&amp;/gi, '&');
}

function all(text: string, re: RegExp): string[] {
  return [...text.matchAll(re)].map((m) => unescapeAmp(m[1].trim())).filter((s) => s !== '');
}

/** `<base href="…">`: the folder every relative link of the page is read against (city portals, ALLRIS 4). */
export function baseHref(text: string): string | null {
  const m = /<base\b[^<>]*\bhref\s*=\s*["']([^"']+)["']/i.exec(text);
  return m ? unescapeAmp(m[1].trim()) : null;
}

/** `<link rel="canonical">` and `<meta property="og:url">` (either attribute order). */
export function canonicalLinks(text: string): string[] {
  return [
    ...all(text, /<link\b(?=[^<>]*\brel\s*=\s*["']canonical["'])[^<>]*\bhref\s*=\s*["']([^"']+)["']/gi),
    ...all(text, /<meta\b(?=[^<>]*\bproperty\s*=\s*["']og:url["'])[^<>]*\bcontent\s*=\s*["']([^"']+)["']/gi),
  ];
}

/**
 * The "Seite versenden" mail link: `mailto:?…&body=Online-Version der Seite: http://host/bi/vo020.asp?VOLFDNR=…`
 * (ALLRIS 3 escapes only the "?", ALLRIS 4 the whole address). The address ends where the next mail line starts.
 */
export function mailedPageLinks(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/href\s*=\s*["']mailto:[^"']*?Online-Version(?:%20|\s|\+)der(?:%20|\s|\+)Seite(?:%3A|:)(?:%20|\s|\+)*([^"']+)["']/gi)) {
    let v = unescapeAmp(m[1]);
    try {
      v = decodeURIComponent(v.replace(/%0D%0A[\s\S]*$/i, ''));
    } catch {
      continue;
    }
    v = v.split(/[\r\n]/)[0].trim();
    if (/^https?:\/\//i.test(v)) out.push(v);
  }
  return out;
}

/** ALLRIS 4 (Wicket): `Wicket.Ajax.baseUrl="to010?SILFDNR=…"` is the page itself, relative to its folder. */
export function wicketBaseUrls(text: string): string[] {
  return all(text, /Wicket\.Ajax\.baseUrl\s*=\s*["']([^"']+)["']/g);
}

/** Every link and form target of the page: href, form action. */
export function linkTargets(text: string): string[] {
  return all(text, /<(?:a|form|link)\b[^<>]*?\b(?:href|action)\s*=\s*["']([^"']*)["']/gi);
}

/** ALLRIS 3 `<meta name="objectID" content="1018473">`: the id of the object the page shows. */
export function objectIds(text: string): string[] {
  return all(text, /<meta\b(?=[^<>]*\bname\s*=\s*["']objectID["'])[^<>]*\bcontent\s*=\s*["']([^"']+)["']/gi);
}

/**
 * The hidden fields of each form: action → { name: value }. A form's body is looked at up to 4 000
 * characters (ALLRIS's small forms have a few hundred), so a page of unclosed forms costs linear time.
 */
export function formsWithFields(text: string): { action: string; fields: Record<string, string> }[] {
  const out: { action: string; fields: Record<string, string> }[] = [];
  for (const m of text.matchAll(/<form\b[^<>]*\baction\s*=\s*["']([^"']*)["'][^<>]*>([\s\S]{0,4000}?)<\/form>/gi)) {
    const fields: Record<string, string> = {};
    for (const f of m[2].matchAll(/<input\b[^<>]*>/gi)) {
      const name = /\bname\s*=\s*["']([^"']+)["']/i.exec(f[0]);
      const value = /\bvalue\s*=\s*["']([^"']*)["']/i.exec(f[0]);
      if (name && value && /\btype\s*=\s*["']hidden["']/i.test(f[0])) fields[name[1].toUpperCase()] = value[1];
    }
    out.push({ action: unescapeAmp(m[1]), fields });
  }
  return out;
}
