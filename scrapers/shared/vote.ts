/**
 * The vote on an agenda item, read from its text sections (to020 "Auszug"): the Abstimmungsergebnis
 * section ("einstimmig mit zwei Enthaltungen", ALLRIS 3 `allrisAE`) or a labelled line
 * "Abstimmung: | Dafür: | 25 | Dagegen: | 8 | Enthaltungen: | 0" (a Word table row, ALLRIS 4 docPart).
 * Only a labelled vote statement is read; a sentence in the minutes ("wird einstimmig genehmigt") is
 * not taken for the vote. Counts the text does not state stay null. Pure.
 *
 * `vote` is an optional field added to the AgendaItem record (records.ts, README "Additions to the
 * record contract"); the to020 parsers always set it.
 */
import type { AgendaItemRecord, TextSection, Vote } from '../records';

export type { Vote } from '../records';
import { cleanText } from './text';

export type AgendaItemWithVote = AgendaItemRecord & { vote: Vote | null };

/** German number words of vote texts (lower case); "keine"/"ohne" Enthaltungen count 0. */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  keine: 0, keiner: 0, keinen: 0, kein: 0, ohne: 0,
  eins: 1, eine: 1, einer: 1, einem: 1, einen: 1, ein: 1,
  zwei: 2, drei: 3, vier: 4, fünf: 5, fuenf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10,
  elf: 11, zwölf: 12, zwoelf: 12,
};

const WORDS = Object.keys(NUMBER_WORDS).sort((a, b) => b.length - a.length).join('|');
const END = '(?![\\p{L}\\d])';
/** a count: digits or a number word, standing as a word of its own */
const NUM = `(?<![\\p{L}\\d])(\\d+|${WORDS})${END}`;

type Count = 'yes' | 'no' | 'abstain';

/** "Dafür: 25", "Enthaltungen: keine", "Ja: 12": a label, its colon, a count. */
function labelColon(labels: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\d-])(?:${labels})\\s*:\\s*${NUM}`, 'iu');
}

/** "mit zwei Enthaltungen", "bei 3 Gegenstimmen", "ohne Gegenstimme", "25 Ja-Stimmen". */
function numberFirst(labels: string): RegExp {
  return new RegExp(`${NUM}\\s+(?:${labels})${END}`, 'iu');
}

/** "Dafür 25" without a colon: digits only (never "dafür eine Lösung"). */
function labelDigits(labels: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\d-])(?:${labels})\\s+(\\d+)${END}`, 'iu');
}

const YES_LABELS = 'dafür|dafuer|ja-?stimmen|zustimmungen';
const NO_LABELS = 'dagegen|nein-?stimmen|gegenstimmen?';
const ABSTAIN_LABELS = '(?:stimm)?enthaltung(?:en)?';

/**
 * How each count is written, kept as data; the first rule that matches a count wins. Labelled counts
 * with a colon come first ("Dagegen: 8 Enthaltungen: 0" must not read "8 Enthaltungen"), then the
 * number-first forms, then labels followed by bare digits. Short labels (ja, nein, für) need their colon.
 */
export const COUNT_RULES: readonly { name: string; count: Count; pattern: RegExp }[] = [
  { name: 'yes-label-colon', count: 'yes', pattern: labelColon(`${YES_LABELS}|ja|für|fuer`) },
  { name: 'no-label-colon', count: 'no', pattern: labelColon(`${NO_LABELS}|nein`) },
  { name: 'abstain-label-colon', count: 'abstain', pattern: labelColon(`${ABSTAIN_LABELS}|enthalten`) },
  { name: 'yes-number-first', count: 'yes', pattern: numberFirst('ja-?stimmen?|für-?stimmen?|stimmen dafür') },
  { name: 'no-number-first', count: 'no', pattern: numberFirst('gegen-?stimmen?|nein-?stimmen?|stimmen dagegen') },
  { name: 'abstain-number-first', count: 'abstain', pattern: numberFirst(ABSTAIN_LABELS) },
  { name: 'yes-label-digits', count: 'yes', pattern: labelDigits(YES_LABELS) },
  { name: 'no-label-digits', count: 'no', pattern: labelDigits(NO_LABELS) },
  { name: 'abstain-label-digits', count: 'abstain', pattern: labelDigits(ABSTAIN_LABELS) },
];

/** Words that make a text a vote statement even without counts. */
const VOTE_WORDS = /(?<![\p{L}])(einstimmig|mehrheitlich|stimmengleichheit)/iu;
const UNANIMOUS = /(?<![\p{L}])einstimmig/iu;
/** The label in front of a vote statement. */
const VOTE_LABEL = /^\s*abstimmung(?:sergebnis)?\s*:\s*/i;

function toNumber(word: string): number | null {
  if (/^\d+$/.test(word)) return Number(word);
  return NUMBER_WORDS[word.toLowerCase()] ?? null;
}

/** One line of a rendered section: Word table cells "a | b" become "a b". */
function flatten(text: string): string {
  return cleanText(text.replace(/\s*\|\s*/g, ' ')) ?? '';
}

/**
 * Reads one vote statement: "Dafür: 25 Dagegen: 8 Enthaltungen: 0", "einstimmig mit zwei Enthaltungen",
 * "mehrheitlich bei 3 Gegenstimmen". Null when the text states no vote.
 */
export function parseVote(statement: string | null | undefined): Vote | null {
  const text = flatten((statement ?? '').replace(VOTE_LABEL, ''));
  if (text === '') return null;
  const vote: Vote = { yes: null, no: null, abstain: null, text };
  for (const rule of COUNT_RULES) {
    if (vote[rule.count] !== null) continue;
    const m = rule.pattern.exec(text);
    if (m) vote[rule.count] = toNumber(m[1]);
  }
  if (vote.no === null && UNANIMOUS.test(text)) vote.no = 0;
  const found = vote.yes !== null || vote.no !== null || vote.abstain !== null || VOTE_WORDS.test(text);
  return found ? vote : null;
}

function isVoteSection(section: TextSection): boolean {
  return /abstimmung/i.test(section.heading ?? '');
}

/**
 * The item's vote from its text sections: the Abstimmungsergebnis section as a whole first; else the
 * last line labelled "Abstimmung:" / "Abstimmungsergebnis:" in any section (the final vote of the item
 * comes last in a Beschluss text). Null when the page states no vote.
 */
export function findVote(sections: readonly TextSection[]): Vote | null {
  for (const section of sections.filter(isVoteSection)) {
    const vote = parseVote(section.text.split('\n').map(flatten).join(' '));
    if (vote) return vote;
  }
  let last: Vote | null = null;
  for (const section of sections) {
    for (const line of section.text.split('\n')) {
      if (!VOTE_LABEL.test(line)) continue;
      last = parseVote(line) ?? last;
    }
  }
  return last;
}
