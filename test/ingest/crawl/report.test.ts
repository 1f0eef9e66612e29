/** The end-of-run report: counts, unclassified texts, and terminal-safe lines. */
import { countError, countUnclassified, emptyReport, formatReport } from '../../../src/ingest/crawl/report';
import { paper, station } from '../../helpers/records';

const report = () => emptyReport('musterstadt', 7, 'full', '2026-09-20T08:00:00Z', { newestPaperId: null, since: '2026-03-20', until: '2026-11-20', modifiedSince: null });

test('role and result texts no rule knows are counted, each text as shown', () => {
  const r = report();
  const p = paper({
    consultation: [
      { ...station('Rat', 'Zur Beschlussfassung im Umlaufverfahren'), roleCode: 'decision' },
      { ...station('Bauausschuss', 'Begehung vor Ort'), roleCode: 'other', meetings: [{ date: '2026-09-01', name: null, meetingSourceId: null, agendaItemSourceId: null, result: 'mit Maßgaben versehen', resultCode: 'unclassified' }] },
      { ...station('Sozialausschuss', 'Begehung vor Ort'), roleCode: 'other' },
    ],
  });
  countUnclassified(r, p);
  countUnclassified(r, { type: 'List', format: 1, system: 'allris3', systemVersion: null, sourceId: null, url: null, itemType: 'Paper', items: [p], next: null });
  expect(r.unclassified).toEqual({ roles: { 'Begehung vor Ort': 4 }, results: { 'mit Maßgaben versehen': 2 } });
});

test('the report as lines: what was fetched, errors by kind with examples, unclassified texts; control characters made printable', () => {
  const r = report();
  r.status = 'done';
  r.requests = 12;
  Object.assign(r.pages, { fetched: 5, new: 3, changed: 1, unchanged: 1, failed: 1, skipped: 2 });
  r.records.Paper.inserted = 3;
  countError(r, 'https://ris.example/bi/vo020.asp?VOLFDNR=1', 'not-found', 'HTTP 404');
  countError(r, 'https://ris.example/bi/vo020.asp?VOLFDNR=2', 'not-found', 'HTTP 404');
  countError(r, 'https://ris.example/bi/to010.asp?SILFDNR=3', 'http-5xx', 'HTTP 500 after 4 tries');
  r.unclassified.results['vertagt\u001b[31m'] = 1;
  r.failures.push({ url: 'https://ris.example/bi/to010.asp?SILFDNR=4', file: 'data/failures/musterstadt/x.html', reason: 'no agenda table' });
  expect(formatReport(r)).toEqual([
    'musterstadt: full crawl (run 7) done',
    'pages: 5 fetched (3 new, 1 changed, 1 unchanged), 1 failed, 2 skipped; 12 requests',
    'records: papers 3 new / 0 changed / 0 unchanged',
    'errors: not-found 2, http-5xx 1',
    '  not-found: https://ris.example/bi/vo020.asp?VOLFDNR=1 (HTTP 404)',
    '  not-found: https://ris.example/bi/vo020.asp?VOLFDNR=2 (HTTP 404)',
    '  http-5xx: https://ris.example/bi/to010.asp?SILFDNR=3 (HTTP 500 after 4 tries)',
    'unclassified results: vertagt?[31m 1',
    'layout not understood (saved to become tests):',
    '  https://ris.example/bi/to010.asp?SILFDNR=4 → data/failures/musterstadt/x.html (no agenda table)',
  ]);
});
