/** organizationKind: the RIS's own id first (ALLRIS typ), else what an OParl Organization says of itself. */
import { organizationKind } from '../../src/domain/organization-kind';

describe('organizationKind', () => {
  test.each([
    // ALLRIS keys: the prefix decides, whatever the object says
    ['gr:334', {}, 'committee'],
    ['au:12', { organizationType: 'Fraktion' }, 'committee'],
    ['pa:1', {}, 'parliament'],
    ['fr:7', {}, 'faction'],
    ['at:3', {}, 'office'],
    // OParl objects of other systems ("org:<id>"): classification first, then organizationType (OParl 1.1 §5.5)
    ['org:34', { organizationType: 'Gremium', classification: 'Ausschuss' }, 'committee'], // the spec's Organization-01
    ['org:1', { organizationType: 'Gremium', classification: 'Hauptorgan' }, 'parliament'],
    ['org:2', { organizationType: 'Gremium', classification: 'Stadtrat' }, 'parliament'],
    ['org:3', { organizationType: 'Gremium', classification: 'Kreistag' }, 'parliament'],
    ['org:4', { organizationType: 'Gremium', classification: 'Ortsrat' }, 'committee'],
    ['org:5', { organizationType: 'Gremium', classification: 'Beirat' }, 'committee'],
    ['org:6', { organizationType: 'Fraktion' }, 'faction'],
    ['org:7', { organizationType: 'Gremium', classification: 'Fraktion' }, 'faction'],
    ['org:8', { classification: 'Gruppe' }, 'faction'],
    ['org:9', { organizationType: 'Verwaltungsbereich' }, 'office'],
    ['org:10', { organizationType: 'Partei' }, 'organization'],
    ['org:11', { organizationType: 'externes Gremium' }, 'organization'],
    ['org:12', { organizationType: 'Gremium' }, 'committee'],
    ['org:13', { organizationType: ' gremium ' }, 'committee'],
    ['org:14', {}, 'organization'],
    ['name:Bauausschuss', {}, 'organization'],
  ])('%s %j → %s', (key, o, kind) => {
    expect(organizationKind(key, o)).toBe(kind);
  });
});
