import fs from 'node:fs';
import path from 'node:path';
import { parsePage } from '../../../scrapers/parse';
import { isOrganisationName } from '../../../scrapers/shared/persons';
import { CORPUS } from '../../helpers/tmp';

describe('author fields: organisations are originators, persons stay out', () => {
  test.each([
    ['Fraktion GRÜNE Bergedorf', true],
    ['SPD-Fraktion', true],
    ['Fraktion DIE LINKE', true],
    ['Bezirksamt Hamburg-Nord', true],
    ['Dezernat Steuerung und Service', true],
    ['CDU', true],
    ['Thorsten Schmidt', false],
    ['Nachname, Vorname', false],
    ['Daniela Clément', false],
  ])('%s → %s', (name, org) => {
    expect(isOrganisationName(name)).toBe(org);
  });

  test('Hamburg-Nord: the two persons under "Verfasser" are in no head field (the motion text itself is signed by them)', () => {
    const rec = parsePage(fs.readFileSync(path.join(CORPUS, 'allris3/hamburg-nord/vo020-1016851.html')));
    const json = JSON.stringify({ ...rec, text: [] });
    expect(json).not.toContain('Thorsten Schmidt');
    expect(json).not.toContain('Clément');
    expect(rec.type === 'Paper' && rec.originator).toEqual([]);
  });

  test('Hildesheim: Verfasser and Bearbeiter/-in (persons) are in no field of the record', () => {
    const rec = parsePage(fs.readFileSync(path.join(CORPUS, 'allris3/hildesheim/vo020-8000.html')));
    expect(JSON.stringify(rec)).not.toContain('Nachname, Vorname');
  });
});
