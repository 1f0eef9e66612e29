/** Vote statements of to020 pages → { yes, no, abstain, text }. The strings are hand-made (the real pages are in the to020 tests). */
import { COUNT_RULES, NUMBER_WORDS, findVote, parseVote } from '../../../scrapers/shared/vote';

describe('parseVote', () => {
  test.each([
    // [statement, yes, no, abstain, text]
    ['Abstimmung: | Dafür: | 25 | Dagegen: | 8 | Enthaltungen: | 0', 25, 8, 0, 'Dafür: 25 Dagegen: 8 Enthaltungen: 0'],
    ['einstimmig mit zwei Enthaltungen', null, 0, 2, 'einstimmig mit zwei Enthaltungen'],
    ['Abstimmungsergebnis: einstimmig', null, 0, null, 'einstimmig'],
    ['mehrheitlich bei 3 Gegenstimmen und einer Enthaltung', null, 3, 1, 'mehrheitlich bei 3 Gegenstimmen und einer Enthaltung'],
    ['Ja: 12, Nein: 3, Enthaltung: 1', 12, 3, 1, 'Ja: 12, Nein: 3, Enthaltung: 1'],
    ['25 Ja-Stimmen, 8 Nein-Stimmen, ohne Enthaltungen', 25, 8, 0, '25 Ja-Stimmen, 8 Nein-Stimmen, ohne Enthaltungen'],
    ['Dafür 20 Dagegen 1', 20, 1, null, 'Dafür 20 Dagegen 1'],
    ['einstimmig, keine Enthaltungen', null, 0, 0, 'einstimmig, keine Enthaltungen'],
    ['Enthaltungen: keine', null, null, 0, 'Enthaltungen: keine'],
    ['Stimmengleichheit, damit abgelehnt', null, null, null, 'Stimmengleichheit, damit abgelehnt'],
    ['Ja-Stimmen: elf | Gegenstimmen: zwölf | Stimmenthaltungen: fünf', 11, 12, 5, 'Ja-Stimmen: elf Gegenstimmen: zwölf Stimmenthaltungen: fünf'],
  ])('%s', (statement, yes, no, abstain, text) => {
    expect(parseVote(statement)).toEqual({ yes, no, abstain, text });
  });

  test('no vote in the text → null; blank → null', () => {
    expect(parseVote('Der Ausschuss nimmt die Drucksache zur Kenntnis.')).toBeNull();
    expect(parseVote('Der Ausschuss spricht sich dafür eine Lösung zu suchen aus.')).toBeNull();
    expect(parseVote('   ')).toBeNull();
    expect(parseVote(null)).toBeNull();
  });

  test('trap: a labelled count is read before a number-first form ("Dagegen: 8 Enthaltungen: 0" is not "8 Enthaltungen")', () => {
    expect(parseVote('Dagegen: 8 Enthaltungen: 0')).toMatchObject({ no: 8, abstain: 0 });
  });

  test('trap: "einstimmig" is not read as the number word "ein"/"eins", and "einstimmig" never overrides stated Gegenstimmen', () => {
    expect(parseVote('einstimmig')).toMatchObject({ yes: null, abstain: null });
    expect(parseVote('einstimmig bei 2 Gegenstimmen')).toMatchObject({ no: 2 });
  });

  test('trap: "dafür" without a colon counts only with digits', () => {
    expect(parseVote('mehrheitlich, die Fraktion stimmt dafür eine Enthaltung')).toMatchObject({ yes: null, abstain: 1 });
  });

  test('every count rule is used by a statement above (one test per rule)', () => {
    const statements: Record<string, string> = {
      'yes-label-colon': 'Ja: 4', 'no-label-colon': 'Nein: 4', 'abstain-label-colon': 'Enthaltungen: 4',
      'yes-number-first': '4 Ja-Stimmen', 'no-number-first': '4 Gegenstimmen', 'abstain-number-first': 'vier Enthaltungen',
      'yes-label-digits': 'Dafür 4', 'no-label-digits': 'Dagegen 4', 'abstain-label-digits': 'Enthaltungen 4',
    };
    for (const rule of COUNT_RULES) {
      expect(statements[rule.name]).toBeDefined();
      expect(parseVote(statements[rule.name])).toMatchObject({ [rule.count]: 4 });
    }
  });

  test('number words eins … zwölf', () => {
    const words = ['eins', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'elf', 'zwölf'];
    words.forEach((w, i) => expect(NUMBER_WORDS[w]).toBe(i + 1));
    expect(parseVote('Enthaltungen: sieben')).toMatchObject({ abstain: 7 });
  });
});

describe('findVote', () => {
  test('the Abstimmungsergebnis section wins over labelled lines in other sections', () => {
    expect(
      findVote([
        { heading: 'Beschluss', text: 'Der Antrag wird angenommen.\nAbstimmung: | Dafür: | 5' },
        { heading: 'Abstimmungsergebnis', text: 'einstimmig mit zwei Enthaltungen' },
      ]),
    ).toEqual({ yes: null, no: 0, abstain: 2, text: 'einstimmig mit zwei Enthaltungen' });
  });

  test('an Abstimmungsergebnis over several lines (one count per Word table row) is read as one statement', () => {
    expect(findVote([{ heading: 'Abstimmungsergebnis', text: 'Ja-Stimmen: | 20\nNein-Stimmen: | 3\nEnthaltungen: | 1' }])).toEqual({
      yes: 20, no: 3, abstain: 1, text: 'Ja-Stimmen: 20 Nein-Stimmen: 3 Enthaltungen: 1',
    });
  });

  test('without a vote in the Abstimmungsergebnis: the last "Abstimmung:" line of any section', () => {
    expect(
      findVote([
        { heading: 'Abstimmungsergebnis', text: 'Der Ausschuss nimmt die Drucksache zur Kenntnis.' },
        { heading: 'Beschluss', text: 'Abstimmung: | Dafür: | 5 | Dagegen: | 2\nGesamtabstimmung folgt.\nAbstimmungsergebnis: einstimmig' },
      ]),
    ).toEqual({ yes: null, no: 0, abstain: null, text: 'einstimmig' });
  });

  test('a sentence in the minutes is no vote ("wird einstimmig genehmigt")', () => {
    expect(findVote([{ heading: 'Protokoll', text: 'Die Niederschrift vom 05.02.2025 wird einstimmig genehmigt.' }])).toBeNull();
    expect(findVote([])).toBeNull();
  });
});
