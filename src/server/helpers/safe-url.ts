/** {{safeUrl url}} → the URL when it is http(s), else "" (no javascript:/data: links from scraped pages). */
export function safeUrl(url: unknown): string {
  if (typeof url !== 'string') return '';
  const u = url.trim();
  return /^https?:\/\//i.test(u) ? u : '';
}
