/**
 * Which document a link is, to tell a document a page lists for the first time from one it listed before
 * (change events): its name and its address — except where the address is made anew for every page
 * version (ALLRIS 4's `…/wicket/resource/…/doc<ID>.pdf`, "doc-IDs instabil" in ALLRIS-NOTES, and Wicket
 * listener links such as `vo020?0--anlagenHeaderPanel-…`): there its name, and which of the documents of
 * that name it is. Pure.
 */

/** Whether an address is one ALLRIS 4 makes anew per page version (so it says nothing about which document it is). */
export function isVersionBoundUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url, 'https://relative.invalid/');
  } catch {
    return false;
  }
  return /\/wicket\/resource\//i.test(u.pathname) || namesPageVersion(u);
}

/** Whether an address names a Wicket page version (`vo020?0--anlagenHeaderPanel-…`, `si010?3-1.0-&…`): bound to a session. */
export function namesPageVersion(u: URL): boolean {
  return [...u.searchParams.keys()].some((name) => /^\d+-/.test(name) || /^\d+$/.test(name));
}

/** The identities of a page's documents, in page order (equal documents of two readings: equal identities). */
export function documentIdentities(files: readonly { name: string; url?: string | null }[]): string[] {
  const seen = new Map<string, number>();
  return files.map((f) => {
    if (f.url && !isVersionBoundUrl(f.url)) return `${f.name}|${f.url}`;
    const n = (seen.get(f.name) ?? 0) + 1;
    seen.set(f.name, n);
    return n === 1 ? `${f.name}|` : `${f.name}|#${n}`;
  });
}
