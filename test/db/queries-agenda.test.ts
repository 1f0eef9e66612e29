/**
 * Which agenda rows belong to a cancelled meeting (src/db/queries-agenda.ts): the meeting's stored flag
 * (meetings.cancelled, the merged record's `cancelled`; a status text saying so sets it in the parsers).
 */
import { groupAgenda, type AgendaDbRow } from '../../src/db/queries-agenda';

const row = (over: Partial<AgendaDbRow>): AgendaDbRow => ({
  paper_id: 1, date: '2026-10-05', organization: 'Bauausschuss', meeting_name: 'Sitzung des Bauausschusses', meeting_id: 7,
  meeting_external_id: '77', item_external_id: '701', number: '3', result: null, result_code: null, cancelled: 0, ...over,
});

describe('cancelled meetings in a motion\'s agenda rows', () => {
  test.each([
    ['the stored flag (a calendar row "ENTFÄLLT!", a head status "Sitzung abgesagt")', { cancelled: 1 }, true],
    ['a meeting not marked', { cancelled: 0 }, false],
    ['no meeting row (an agenda item without its meeting)', { cancelled: null, meeting_id: null }, false],
  ] as const)('%s', (_name, over, cancelled) => {
    expect(groupAgenda([row(over)]).get(1)?.[0].cancelled).toBe(cancelled);
  });
});
