/** Every page of ../shared/corpus with the URL it was served at, its record type and its expected record. */
import { CASES as AGENDA_ITEMS } from './agenda-items';
import { CASES as LISTS } from './lists';
import { CASES as MEETINGS } from './meetings';
import { CASES as OPARL } from './oparl';
import { CASES as ORGANIZATIONS } from './organizations';
import { VO020_CASES } from '../vo020-cases';

export interface CorpusCase {
  page: string;
  url: string | null;
  expected: string;
  type: string;
}

export const ALL_CASES: CorpusCase[] = [
  ...VO020_CASES.map((c) => ({ ...c, type: 'Paper' })),
  ...MEETINGS,
  ...AGENDA_ITEMS,
  ...LISTS,
  ...ORGANIZATIONS,
  ...OPARL,
];
