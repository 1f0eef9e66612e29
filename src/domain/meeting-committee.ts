/**
 * The committee a meeting is of, from its title, where the calendar names none — only where the title
 * names a committee the source already knows, exactly: the whole title ("Haupt- und Finanzausschuss"), or
 * what follows "Sitzung des/der" in it, with one word back in the nominative ("öffentliche Sitzung des
 * Jugendhilfeausschusses" → "Jugendhilfeausschuss", "Sitzung des Ortsbeirates Zewen" → "Ortsbeirat Zewen",
 * "Sitzung der Bezirksversammlung" → "Bezirksversammlung"). A cancellation or publicity mark at the end is no
 * part of the name. A title that only contains a known name is no evidence ("Sitzung des Unterausschusses
 * Bau des Regionalausschusses …" is not the Regionalausschuss'), and nothing is guessed. Pure.
 */

/** a mark at the end of a title that is no part of a committee's name: "(ABGESAGT!!)", "(nichtöffentlich)", "– entfällt" */
const TRAILING_MARK = /\s*(?:\((?:abgesagt|entf[äa]llt|f[äa]llt aus|(?:nicht[- ]?)?[öo]ffentlich(?:er Teil)?)!*\)|[-–]\s*(?:abgesagt|entf[äa]llt)!*)\s*$/i;
/** "… Sitzung des …" / "… Sitzung der …" / "Sitzung …": the committee part after it */
const SESSION = /(?:^|\s)Sitzung\s+(?:(des|der)\s+)?(.+)$/i;

/** The names a title may stand for, most likely first (each is only taken when the source knows it). */
export function committeeCandidates(title: string): string[] {
  const name = title.replace(TRAILING_MARK, '').replace(/\s+/g, ' ').trim();
  if (!name) return [];
  const out = [name];
  const m = SESSION.exec(name);
  if (m) {
    const article = m[1]?.toLowerCase();
    const core = m[2].trim();
    if (article !== 'des') out.push(core);
    else {
      // one word of the genitive back in the nominative: "Ausschusses" → "Ausschuss", "Kreistags" → "Kreistag"
      const words = core.split(' ');
      words.forEach((w, i) => {
        if (!/^[A-ZÄÖÜ(]/.test(w)) return;
        const stems = w.endsWith('es') ? [w.slice(0, -2), w.slice(0, -1)] : w.endsWith('s') ? [w.slice(0, -1)] : [];
        for (const stem of stems) out.push([...words.slice(0, i), stem, ...words.slice(i + 1)].join(' '));
      });
    }
  }
  return [...new Set(out)];
}

/** The first candidate of the title that `isKnown` (a committee name of the source), or null. */
export function committeeFromTitle(title: string | null, isKnown: (name: string) => boolean): string | null {
  if (!title) return null;
  return committeeCandidates(title).find(isKnown) ?? null;
}
