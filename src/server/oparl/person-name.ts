/**
 * A person's name as OParl wants it shown, from the form a roster writes it in. Some rosters (Hamburg-Altona)
 * write "Family, Given" ("Strate, Henrik"); OParl's `name` is the name as shown ("Henrik Strate"), and
 * `familyName` / `givenName` say which part is which, with academic titles apart ("Müller, Dr. Hans" →
 * title ["Dr."]). A name without exactly one comma is kept as written, without parts: which word is the
 * family name is not known then. Pure.
 */

export interface PersonName {
  name: string;
  familyName?: string;
  givenName?: string;
  title?: string[];
}

const TITLE = /^(?:Prof\.|Dr\.(?:\s?(?:[a-z]{1,6}\.)+)?|Dipl\.-[A-Za-zä.-]+)\s+/;

export function personName(written: string): PersonName {
  const m = /^([^,]+),([^,]+)$/.exec(written);
  if (!m) return { name: written };
  const family = m[1].trim();
  let given = m[2].trim();
  const title: string[] = [];
  for (let t = TITLE.exec(given); t && t[0].length < given.length; t = TITLE.exec(given)) {
    title.push(t[0].trim());
    given = given.slice(t[0].length);
  }
  if (!family || !given) return { name: written };
  return { name: [...title, given, family].join(' '), familyName: family, givenName: given, ...(title.length ? { title } : {}) };
}
