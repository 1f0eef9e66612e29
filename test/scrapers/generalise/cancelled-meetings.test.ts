/**
 * Parsers that generalise, cancelled meetings (CONTRACTS.md §2: a meeting the RIS marks as cancelled stays a meeting,
 * with `cancelled: true`; absent otherwise). Meeting pages of the corpus are changed in memory the way
 * ALLRIS marks a cancelled meeting — a "Zusatz: Die Sitzung entfällt" row in the classic head, the ALLRIS 4
 * status "(Sitzung abgesagt)", "AUSFALL" in the `_r` title — and must parse to their expected record plus
 * exactly that flag (and the changed status text where the status was changed). Calendars: see
 * headerless-calendar.test.ts (classic) and below (`_r`).
 */
import { parsePage } from '../../../scrapers/parse';
import type { MeetingListRecord, MeetingRecord } from '../../../scrapers/records';
import { corpusCase, corpusText, expectedRecord } from '../../helpers/page-variants';

function variantOf<T = MeetingRecord>(page: string, change: (html: string) => string) {
  const c = corpusCase(page);
  const { text, bytes } = corpusText(c);
  const html = change(text);
  expect(html).not.toEqual(text);
  return { record: parsePage(bytes(html), c.url), expected: expectedRecord<T>(c) };
}

describe('meeting pages marked as cancelled', () => {
  test('classic to010 (Regensburg 3.9.4): a "Zusatz:" row saying "Die Sitzung entfällt"', () => {
    const { record, expected } = variantOf('allris3/regensburg/to010-2667-excerpt.html', (h) =>
      h.replace('<td class="text3">öffentlich/nichtöffentlich</td></tr>', '<td class="text3">öffentlich/nichtöffentlich</td></tr>\n<tr><td class="kb1">Zusatz:</td><td class="text2">Die Sitzung entfällt</td></tr>'),
    );
    expect(record).toEqual({ ...expected, cancelled: true });
  });

  test('ALLRIS 4 to010 (Trier): the status "(Sitzung abgesagt)"', () => {
    const { record, expected } = variantOf('allris4/trier/to010-1000264.html', (h) => h.replace('<a> (Sitzung eingeladen)</a>', '<a> (Sitzung abgesagt)</a>'));
    expect(record).toEqual({ ...expected, statusText: 'gemischt (Sitzung abgesagt)', cancelled: true });
  });

  test('`_r` to010 (Landkreis Osnabrück): "AUSFALL" in the status', () => {
    const { record, expected } = variantOf('allris3/landkreis-osnabrueck/to010r-1543-excerpt.html', (h) =>
      h.replace('<span class="text4" id="sistat">öffentlich</span>', '<span class="text4" id="sistat">öffentlich - AUSFALL</span>'),
    );
    expect(record).toEqual({ ...expected, statusText: 'öffentlich - AUSFALL', cancelled: true });
  });

  test('an agenda item that mentions a cancelled event does not cancel the meeting', () => {
    const { record, expected } = variantOf('allris3/regensburg/to010-2667-excerpt.html', (h) => h.replace('>Eröffnung der Sitzung<', '>Eröffnung der Sitzung (Ortstermin entfällt)<'));
    expect((record as MeetingRecord).cancelled).toBeUndefined();
    expect((record as MeetingRecord).agendaItem[0].name).toBe('Eröffnung der Sitzung (Ortstermin entfällt)');
    expect({ ...record, agendaItem: expected.agendaItem }).toEqual(expected);
  });
});

describe('`_r` calendar rows marked as cancelled', () => {
  test('Osnabrück si010_r: "(abgesagt)" after a meeting name, "entfällt:" before another', () => {
    const { record, expected } = variantOf<MeetingListRecord>('allris3/landkreis-osnabrueck/si010r-calendar-2026-09-excerpt.html', (h) =>
      h
        .replace('>Sitzung des Ausschusses für Planen und Bauen<', '>Sitzung des Ausschusses für Planen und Bauen (abgesagt)<')
        .replace('<td class="textCol">Sitzung des Verwaltungsrates', '<td class="textCol">entfällt: Sitzung des Verwaltungsrates'),
    );
    const meetings = expected.meetings.map((m) => {
      if (m.name === 'Sitzung des Ausschusses für Planen und Bauen') return { ...m, name: `${m.name} (abgesagt)`, cancelled: true };
      if (m.name?.startsWith('Sitzung des Verwaltungsrates')) return { ...m, name: `entfällt: ${m.name}`, cancelled: true };
      return m;
    });
    expect(meetings.filter((m) => 'cancelled' in m)).toHaveLength(2);
    expect(record).toEqual({ ...expected, meetings });
  });
});
