/** Text cleaning shared by every parser (CONTRACTS.md: trimmed, inner white space collapsed, empty → null). */

/** Collapse all white space (including NBSP, CR, LF, tabs, zero-width spaces) to one space and trim; empty → null. */
export function cleanText(value: string | null | undefined): string | null {
  if (value == null) return null;
  const s = value
    // biome-ignore lint/suspicious/noMisleadingCharacterClass: each of these invisible characters is removed on its own, the joiner U+200D too
    .replace(/[\u00ad\u200b\u200c\u200d\ufeff]/g, '')
    .replace(/[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g, ' ')
    .trim();
  return s === '' ? null : s;
}

/** Like cleanText but keeps paragraph breaks: lines are cleaned one by one, blank runs collapse to one empty line. */
export function cleanBlock(value: string | null | undefined): string | null {
  if (value == null) return null;
  const lines = value.replace(/\r\n?/g, '\n').split('\n').map((l) => cleanText(l) ?? '');
  const out: string[] = [];
  for (const line of lines) {
    if (line === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(line);
  }
  while (out.length && out[out.length - 1] === '') out.pop();
  return out.length ? out.join('\n') : null;
}

/** Strips a trailing colon from a label ("Betreff:" → "Betreff"). */
export function stripColon(label: string): string {
  return label.replace(/\s*:\s*$/, '').trim();
}

/** Normalises a label for comparison: lower case, no colon, no spaces, no hyphens. */
export function labelKey(label: string | null | undefined): string {
  return (cleanText(label) ?? '').replace(/:$/, '').toLowerCase().replace(/[\s\-\/]+/g, '');
}

/** Resolves a link against the page URL; without a page URL a relative link stays as it is. Returns null for empty, javascript: and data: links. */
export function resolveUrl(href: string | null | undefined, base: string | null): string | null {
  const h = cleanText(href);
  if (!h || h === '#') return null;
  if (/^\s*(javascript|data|vbscript):/i.test(h)) return null;
  if (!base) return h;
  try {
    return new URL(h, base).toString();
  } catch {
    return h;
  }
}

/** Splits "a; b" lists and drops empty parts. */
export function splitList(value: string | null, separator: RegExp = /\s*;\s*/): string[] {
  if (!value) return [];
  return value
    .split(separator)
    .map((v) => cleanText(v))
    .filter((v): v is string => v !== null);
}
