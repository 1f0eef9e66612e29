/** ratsradar's own numeric ids in URLs; anything else is "not found". */
export function parseId(raw: unknown): number | null {
  const text = String(raw ?? '');
  return /^[1-9]\d{0,14}$/.test(text) ? Number(text) : null;
}
