/** committeeFromTitle: a calendar meeting's committee from its title, only where the source knows that name exactly. Real titles of the corpus's calendars. */
import { committeeCandidates, committeeFromTitle } from '../../src/domain/meeting-committee';

const KNOWN = new Set([
  'Jugendhilfeausschuss', 'Kreisausschuss', 'Ortsbeirat Zewen', 'Ausschuss für Planen und Bauen', 'Haupt- und Finanzausschuss',
  'Bezirksversammlung', 'Regionalausschuss Langenhorn-Fuhlsbüttel-Ohlsdorf-Alsterdorf-Groß Borstel', 'Stadtentwicklungsausschuss',
  'Kreistag des Eifelkreises Bitburg-Prüm', 'Stadtrat', 'Schulträgerausschuss', 'Dezernatsausschuss III',
]);
const of = (title: string) => committeeFromTitle(title, (n) => KNOWN.has(n));

describe('committeeFromTitle', () => {
  test.each([
    // Mainz-Bingen, Bitburg-Prüm (si010_e / si010 calendars)
    ['öffentliche Sitzung des Jugendhilfeausschusses', 'Jugendhilfeausschuss'],
    ['öffentliche/nichtöffentliche Sitzung des Kreisausschusses', 'Kreisausschuss'],
    ['öffentliche Sitzung des Schulträgerausschusses (ABGESAGT!!)', 'Schulträgerausschuss'],
    ['öffentliche/nichtöffentliche Sitzung des Kreistages des Eifelkreises Bitburg-Prüm', 'Kreistag des Eifelkreises Bitburg-Prüm'],
    // Trier (ALLRIS 4 calendar), Landkreis Osnabrück (si010_r), Hamburg-Nord (si010_e)
    ['Sitzung des Ortsbeirates Zewen', 'Ortsbeirat Zewen'],
    ['Sitzung des Ausschusses für Planen und Bauen', 'Ausschuss für Planen und Bauen'],
    ['ENTFÄLLT! Sitzung des Stadtentwicklungsausschusses', 'Stadtentwicklungsausschuss'],
    ['Sitzung der Bezirksversammlung', 'Bezirksversammlung'],
    ['Sitzung des Stadtrats', 'Stadtrat'],
    ['Haupt- und Finanzausschuss', 'Haupt- und Finanzausschuss'],
    ['Sitzung des Haupt- und Finanzausschusses', 'Haupt- und Finanzausschuss'],
    // no evidence: a known name only contained, more after it, or a name the source does not know
    ['Sitzung des (FOLAG) Unterausschusses Bau des Regionalausschusses Langenhorn-Fuhlsbüttel-Ohlsdorf-Alsterdorf-Groß Borstel (nichtöffentlich)', null],
    ['Sitzung des Dezernatsausschusses III - Haushaltsberatung', null],
    ['Sitzung des Haupt- und Finanzausschusses (zgl. Rechnungsprüfungsausschuss, Petitionen)', null],
    ['Sitzung des Sozialausschusses', null],
    ['Sitzung des Vorstandes Fraktion Bündnis 90/DIE GRÜNEN', null],
    ['gemeinsame Sitzung des Kreisausschusses und des Jugendhilfeausschusses', null],
    ['', null],
  ])('%s → %s', (title, committee) => {
    expect(of(title)).toBe(committee);
  });

  test('null title: null; the candidates of a genitive title, one word back in the nominative each', () => {
    expect(committeeFromTitle(null, () => true)).toBeNull();
    expect(committeeCandidates('Sitzung des Ortsbeirates Zewen')).toEqual([
      'Sitzung des Ortsbeirates Zewen', 'Ortsbeirat Zewen', 'Ortsbeirate Zewen',
    ]);
  });
});
