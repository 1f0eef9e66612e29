/**
 * Every OParl page of the corpus and its hand-checked expected record. url is null: OParl objects
 * carry their own ids (sourceId = the object's `id`, url = its `web` link), so the request URL adds nothing.
 */
export const CASES: { page: string /* path under ../shared/corpus */; url: string | null; expected: string /* path under test/expected */; type: string /* record type */ }[] = [
  { page: 'oparl/augsburg/oparl1.1-meeting-1000066.json', url: null, expected: 'oparl/augsburg/oparl1.1-meeting-1000066.json', type: 'Meeting' },
  { page: 'oparl/augsburg/oparl1.1-paper-1001737.json', url: null, expected: 'oparl/augsburg/oparl1.1-paper-1001737.json', type: 'Paper' },
  { page: 'oparl/augsburg/oparl1.1-system.json', url: null, expected: 'oparl/augsburg/oparl1.1-system.json', type: 'System' },
  { page: 'oparl/bonn/oparl1.1-meeting-664.json', url: null, expected: 'oparl/bonn/oparl1.1-meeting-664.json', type: 'Meeting' },
  { page: 'oparl/braunschweig/oparl1.0-paper-1664-broken-control-chars.json', url: null, expected: 'oparl/braunschweig/oparl1.0-paper-1664-broken-control-chars.json', type: 'Paper' },
  { page: 'oparl/braunschweig/oparl1.1-paper-array-4papers.json', url: null, expected: 'oparl/braunschweig/oparl1.1-paper-array-4papers.json', type: 'List' },
  { page: 'oparl/erkelenz/oparl1.0-body-1.json', url: null, expected: 'oparl/erkelenz/oparl1.0-body-1.json', type: 'Body' },
  { page: 'oparl/erkelenz/oparl1.0-system.json', url: null, expected: 'oparl/erkelenz/oparl1.0-system.json', type: 'System' },
  { page: 'oparl/leipzig/oparl1.0-body-2387.json', url: null, expected: 'oparl/leipzig/oparl1.0-body-2387.json', type: 'Body' },
  { page: 'oparl/leipzig/oparl1.0-paper-1014936.json', url: null, expected: 'oparl/leipzig/oparl1.0-paper-1014936.json', type: 'Paper' },
  { page: 'oparl/leipzig/oparl1.0-paperlist-page2.json', url: null, expected: 'oparl/leipzig/oparl1.0-paperlist-page2.json', type: 'List' },
  { page: 'oparl/leipzig/oparl1.0-system.json', url: null, expected: 'oparl/leipzig/oparl1.0-system.json', type: 'System' },
  { page: 'oparl/maerkisch-oderland/oparl1.0-body-1.json', url: null, expected: 'oparl/maerkisch-oderland/oparl1.0-body-1.json', type: 'Body' },
  { page: 'oparl/maerkisch-oderland/oparl1.0-system.json', url: null, expected: 'oparl/maerkisch-oderland/oparl1.0-system.json', type: 'System' },
  { page: 'oparl/oparl-spec-example/oparl1.1-synthetic-meeting-01.json', url: null, expected: 'oparl/oparl-spec-example/oparl1.1-synthetic-meeting-01.json', type: 'Meeting' },
  { page: 'oparl/oparl-spec-example/oparl1.1-synthetic-paper-01.json', url: null, expected: 'oparl/oparl-spec-example/oparl1.1-synthetic-paper-01.json', type: 'Paper' },
];
