/** Merging an entity's facets: the first facet in priority order with a value wins each field, and says so. */
import { facetChangesNothing, mergeFacets } from '../../src/db/merge';

describe('mergeFacets', () => {
  it('takes one facet as it is, and credits it only with the fields it has a value for', () => {
    const record = { name: 'Hauptausschuss', url: '', members: [], sourceId: null, date: '2026-10-01' };
    const { merged, provenance } = mergeFacets('Meeting', [{ facet: 'allris3', record }]);
    expect(merged).toEqual(record);
    expect(merged).not.toBe(record);
    expect(provenance).toEqual({ name: 'allris3', date: 'allris3' });
  });

  it('takes each field from the first facet in priority order that has a value for it', () => {
    const { merged, provenance } = mergeFacets('Meeting', [
      { facet: 'calendar', record: { name: 'Sitzung', room: 'Saal 1', date: '2026-10-01', start: null } },
      { facet: 'allris3', record: { name: 'Sitzung des Hauptausschusses', room: '', date: '2026-10-01', start: null } },
    ]);
    expect(merged).toEqual({ name: 'Sitzung des Hauptausschusses', room: 'Saal 1', date: '2026-10-01', start: null });
    expect(provenance).toEqual({ name: 'allris3', room: 'calendar', date: 'allris3' });
  });

  it('knows when a lower facet cannot change the merge', () => {
    const provenance = { name: 'allris3', date: 'allris3' };
    expect(facetChangesNothing('Meeting', provenance, { facet: 'calendar', record: { name: 'Anders', date: null } })).toBe(true);
    expect(facetChangesNothing('Meeting', provenance, { facet: 'calendar', record: { room: 'Saal 2' } })).toBe(false);
  });
});
