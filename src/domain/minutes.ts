/**
 * Which of a meeting's own documents are its minutes, by the name the RIS gives them: "Niederschrift
 * öffent. Teil", "Niederschrift gesamt", "Protokoll", "Wortprotokoll", Hildesheim's "NIE öffentl." — not
 * the Einladung, Bekanntmachung or agenda, which name every motion of the meeting alike. Pure.
 */
const MINUTES = /niederschrift|protokoll/i;
/** Hildesheim's abbreviation, upper case only (the German word "nie" is no name of a document) */
const MINUTES_ABBREVIATION = /^NIE\b/;

export function isMinutesName(name: string | null | undefined): boolean {
  return !!name && (MINUTES.test(name) || MINUTES_ABBREVIATION.test(name.trim()));
}

export function isVerbatimMinutesName(name: string | null | undefined): boolean {
  return !!name && /wortprotokoll/i.test(name);
}
