/**
 * OParl Person names from the form a roster writes them in (src/server/oparl/person-name.ts): "Family, Given"
 * (Hamburg-Altona's rosters) becomes name "Given Family" with familyName and givenName, titles apart; a name
 * without exactly one comma stays as written, without parts. And on the API: Altona's persons.
 */
import request from 'supertest';
import { personName } from '../../../src/server/oparl/person-name';
import { buildFixtureApp, type FixtureApp } from '../fixture-app';

test.each([
  ['Strate, Henrik', { name: 'Henrik Strate', familyName: 'Strate', givenName: 'Henrik' }],
  ['Müller, Dr. Hans', { name: 'Dr. Hans Müller', familyName: 'Müller', givenName: 'Hans', title: ['Dr.'] }],
  ['Meier, Prof. Dr. med. Anna', { name: 'Prof. Dr. med. Anna Meier', familyName: 'Meier', givenName: 'Anna', title: ['Prof.', 'Dr. med.'] }],
  // the title before the family name (Altona's roster: "Dr. Hansen, Tim"), one or more
  ['Dr. Hansen, Tim', { name: 'Dr. Tim Hansen', familyName: 'Hansen', givenName: 'Tim', title: ['Dr.'] }],
  ['Dr. Lohkamp, Meike', { name: 'Dr. Meike Lohkamp', familyName: 'Lohkamp', givenName: 'Meike', title: ['Dr.'] }],
  ['Prof. Dr. Weber, Eva', { name: 'Prof. Dr. Eva Weber', familyName: 'Weber', givenName: 'Eva', title: ['Prof.', 'Dr.'] }],
  ['von der Leyen, Ursula', { name: 'Ursula von der Leyen', familyName: 'von der Leyen', givenName: 'Ursula' }],
  ['Henrik Strate', { name: 'Henrik Strate' }],
  ['Dr. Schmidt', { name: 'Dr. Schmidt' }],
  ['Schulz, Meier, Anna', { name: 'Schulz, Meier, Anna' }],
  ['Schulz, ', { name: 'Schulz, ' }],
])('%s', (written, expected) => {
  expect(personName(written)).toEqual(expected);
});

describe('the API', () => {
  let fixture: FixtureApp;
  beforeAll(() => {
    fixture = buildFixtureApp();
  });
  afterAll(() => fixture.cleanup());

  test('an Altona person written "Strate, Henrik" is named "Henrik Strate", with its parts; its id stays the written name', async () => {
    const res = await request(fixture.app).get('/oparl/v1.1/bodies/hamburg-altona/persons/Strate%2C%20Henrik').set('Host', 'ratsradar.test').expect(200);
    expect(res.body).toMatchObject({ id: 'http://ratsradar.test/oparl/v1.1/bodies/hamburg-altona/persons/Strate%2C%20Henrik', name: 'Henrik Strate', familyName: 'Strate', givenName: 'Henrik' });
  });

  test('"Dr. Hansen, Tim" (Altona\'s roster) is "Dr. Tim Hansen": family name Hansen, the title apart', async () => {
    const res = await request(fixture.app).get('/oparl/v1.1/bodies/hamburg-altona/persons/Dr.%20Hansen%2C%20Tim').set('Host', 'ratsradar.test').expect(200);
    expect(res.body).toMatchObject({ name: 'Dr. Tim Hansen', familyName: 'Hansen', givenName: 'Tim', title: ['Dr.'] });
  });
});
