/**
 * The key a recorded page is found by: host + path + query, the way a RIS reads them. Pure.
 * - scheme and port are ignored (a recording of https://host/ answers http://127.0.0.1:port/ with Host: host);
 * - the path is compared case-insensitively (ALLRIS 3 runs on IIS; OParl `web` links say `VO020`);
 * - query parameters are compared as a set, names case-insensitively; `refresh=false` (ALLRIS 4) and
 *   Wicket page-version tokens (`?0-1.0-&MM=…`, `?12`) carry no identity and are dropped.
 */

/** A Wicket page version / listener token: "0", "12", "0-1.0-", "1196-1.-menu-…" with no value. */
function isWicketToken(name: string, value: string): boolean {
  return value === '' && /^\d+(-[\w.-]*)?$/.test(name);
}

const IGNORED_PARAMS = new Set(['refresh']);

export function urlKey(input: string | URL): string {
  const u = typeof input === 'string' ? new URL(input) : input;
  const params: [string, string][] = [];
  for (const [name, value] of u.searchParams) {
    if (IGNORED_PARAMS.has(name.toLowerCase()) || isWicketToken(name, value)) continue;
    params.push([name.toLowerCase(), value]);
  }
  params.sort((a, b) => (a[0] === b[0] ? a[1].localeCompare(b[1]) : a[0] < b[0] ? -1 : 1));
  const query = params.map(([n, v]) => `${n}=${v}`).join('&');
  return `${u.hostname.toLowerCase()}${decodeURIComponent(u.pathname).toLowerCase()}${query ? `?${query}` : ''}`;
}
