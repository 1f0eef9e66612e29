/** {{safeUrl url}} → the URL when it is http(s), else "" (no javascript:/data: links from scraped pages). */
export function safeUrl(url: unknown): string {
  if (typeof url !== 'string') return '';
  const u = url.trim();
  return /^https?:\/\//i.test(u) ? u : '';
}

/** `url` is an http(s) address (a link ratsradar may show or name in JSON). */
export function isHttpUrl(url: string | null | undefined): url is string {
  return typeof url === 'string' && /^https?:\/\//i.test(url);
}
