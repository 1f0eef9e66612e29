/** Which document a link is (src/domain/document-identity.ts), table-tested with the address shapes of the corpus. */
import { documentIdentities, isVersionBoundUrl } from '../../src/domain/document-identity';

describe('document identity', () => {
  test.each([
    ['ALLRIS 3 do027 (stable DOLFDNR)', 'https://sitzungsdienst-hamburg-nord.hamburg.de/bi/do027.asp?DOLFDNR=1392414&options=64', false],
    ['ALLRIS 4 wicket resource (doc-IDs instabil)', 'https://ratsinfo.laatzen.de/public/wicket/resource/org.apache.wicket.Application/doc1011638.pdf', true],
    ['ALLRIS 4 wicket resource, relative as the page writes it', './wicket/resource/org.apache.wicket.Application/doc1011638.pdf', true],
    ['ALLRIS 4 listener link with a page version', 'https://ris.example/public/vo020?0--anlagenHeaderPanel-attachmentsList-0-attachment-link&VOLFDNR=1000238', true],
    ['ALLRIS 4 stable download known from OParl', 'https://ris.example/public/doc?DOLFDNR=1006716&DOCTYP=130&OTYP=41', false],
    ['OParl file', 'https://www.bonn.sitzung-online.de/public/oparl/files?id=1059421', false],
  ])('%s: version bound %s', (_, url, bound) => {
    expect(isVersionBoundUrl(url)).toBe(bound);
  });

  test('name and address; name and its place among the same names where the address is version bound', () => {
    const w = (id: number) => `https://ris.example/public/wicket/resource/org.apache.wicket.Application/doc${id}.pdf`;
    expect(documentIdentities([
      { name: 'Einladung', url: 'https://ris.example/bi/do027.asp?DOLFDNR=1' }, { name: 'Anlage', url: w(7) }, { name: 'Anlage', url: w(8) }, { name: 'Notiz', url: null },
    ])).toEqual(['Einladung|https://ris.example/bi/do027.asp?DOLFDNR=1', 'Anlage|', 'Anlage|#2', 'Notiz|']);
  });
});
