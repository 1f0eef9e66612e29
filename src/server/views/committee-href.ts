/** The address of a committee's page: its organization row when one is known, else the committee by source and name. */
export function committeeHref(sourceKey: string, name: string | null, organizationId: number | null): string | null {
  if (organizationId != null) return `/organizations/${organizationId}`;
  if (!name) return null;
  return `/gremien/${encodeURIComponent(sourceKey)}/${encodeURIComponent(name)}`;
}
