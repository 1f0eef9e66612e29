/** Which agenda rows belong to a cancelled meeting (src/db/queries-agenda.ts): its stored flag, or a status text that says so. */
import { groupAgenda, isCancelledMeeting, type AgendaDbRow } from '../../src/db/queries-agenda';

const row = (over: Partial<AgendaDbRow>): AgendaDbRow => ({
  paper_id: 1, date: '2026-10-05', organization: 'Bauausschuss', meeting_name: 'Sitzung des Bauausschusses', meeting_id: 7,
  meeting_external_id: '77', item_external_id: '701', number: '3', result: null, result_code: null, status_text: null, cancelled: 0, ...over,
});

describe('cancelled meetings in a motion\'s agenda rows', () => {
  test.each([
    ['the stored flag (a calendar row "ENTFÄLLT!")', { cancelled: 1 }, true],
    ['a status text that says so', { status_text: 'Sitzung abgesagt' }, true],
    ['neither', { status_text: 'eingeladen' }, false],
    ['no meeting row (an agenda item without its meeting)', { cancelled: null, meeting_id: null }, false],
  ] as const)('%s', (_name, over, cancelled) => {
    expect(groupAgenda([row(over)]).get(1)?.[0].cancelled).toBe(cancelled);
  });

  test('isCancelledMeeting reads the flag as SQLite stores it (0/1) and as a view holds it (boolean)', () => {
    expect([isCancelledMeeting(1, null), isCancelledMeeting(true, null), isCancelledMeeting(0, null), isCancelledMeeting(false, 'AUSFALL')]).toEqual([true, true, false, true]);
  });
});
