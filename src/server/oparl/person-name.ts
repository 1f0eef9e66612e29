/**
 * A person's name as OParl wants it shown, from the form a roster writes it in. Some rosters (Hamburg-Altona)
 * write "Family, Given" ("Strate, Henrik"); OParl's `name` is the name as shown ("Henrik Strate"), and
 * `familyName` / `givenName` say which part is which, with academic titles apart ("Müller, Dr. Hans" and
 * "Dr. Müller, Hans" → title ["Dr."], "Dr. Hans Müller"). A name without exactly one comma is kept as written, without parts: which word is the
 * family name is not known then. Pure.
 */

export interface PersonName {
  name: string;
  familyName?: string;
  givenName?: string;
  title?: string[];
}

const TITLE = /^(?:Prof\.|Dr\.(?:\s?(?:[a-z]{1,6}\.)+)?|Dipl\.-[A-Za-zä.-]+)\s+/;

/** The academic titles at the start of `part` (never all of it) and what follows them. */
function leadingTitles(part: string): { title: string[]; rest: string } {
  const title: string[] = [];
  let rest = part;
  for (let t = TITLE.exec(rest); t && t[0].length < rest.length; t = TITLE.exec(rest)) {
    title.push(t[0].trim());
    rest = rest.slice(t[0].length);
  }
  return { title, rest };
}

export function personName(written: string): PersonName {
  const m = /^([^,]+),([^,]+)$/.exec(written);
  if (!m) return { name: written };
  // a title stands before the given name ("Müller, Dr. Hans") or before the family name ("Dr. Hansen, Tim": Altona)
  const before = leadingTitles(m[1].trim());
  const after = leadingTitles(m[2].trim());
  const family = before.rest;
  const given = after.rest;
  const title = [...before.title, ...after.title];
  if (!family || !given) return { name: written };
  return { name: [...title, given, family].join(' '), familyName: family, givenName: given, ...(title.length ? { title } : {}) };
}
