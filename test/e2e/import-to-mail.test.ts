/**
 * A result from import to mail: DS/2026/0123's Rat result is imported into the demo through the real
 * import path (which writes the change event in its transaction); first the Rat's agenda, which did not list the
 * motion before anybody subscribed, is published with it ("Auf der Tagesordnung"). The motion's feed gains an entry naming
 * it, the confirmed subscriber of the motion receives one mail naming it, the daily-digest subscriber of
 * the Digitalisierung topic receives it in the next digest, and nobody unconfirmed receives anything but
 * their confirmation mails. Real SQLite, real app on 127.0.0.1, real SMTP server.
 */
import { importRecords } from '../../src/db/import';
import { addDays } from '../../src/domain/dates';
import { DEMO_SOURCES } from '../../src/ingest/demo';
import { berlinToUtc } from '../../src/util/berlin-time';
import { todayInBerlin } from '../../src/util/clock';
import { confirmFrom, notifyAt, startAlertWorld, subscribeVia, type AlertWorld } from '../helpers/alerts';
import { DEMO_RAT_ITEM, demoMotionWithResults } from '../helpers/demo-results';
import { makeTmpDir } from '../helpers/tmp';
import fs from 'node:fs';
import path from 'node:path';
import type { MeetingRecord } from '../../scrapers/records';

/** The demo's Rat meeting of 17.12.2026 (SILFDNR 4103), as its agenda page gives it: DS/2026/0123 is item 2 (TOLFDNR 72021). */
const RAT_MEETING = (JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../data/demo/musterstadt-sitzungen.json'), 'utf8')) as MeetingRecord[])
  .find((m) => m.sourceId === '4103')!;

jest.setTimeout(120_000);

const soon = () => new Date(Date.now() + 60_000).toISOString();
const berlinAt = (days: number, time: string) => berlinToUtc(addDays(todayInBerlin(), days), time)!.toISOString();
const SENTENCE = 'Ergebnis im Rat der Stadt Musterstadt am 17.12.2026: ungeändert beschlossen (einstimmig)';

describe('a result imported into the demo reaches the feed and the subscribers', () => {
  const tmp = makeTmpDir();
  let w: AlertWorld;
  let motion: number;

  beforeAll(async () => {
    process.env.RATSRADAR_SUBSCRIBE_LIMIT = '1000';
    w = await startAlertWorld(tmp.dir);
    delete process.env.RATSRADAR_SUBSCRIBE_LIMIT;
    motion = w.opened.sqlite.prepare("SELECT id FROM papers WHERE reference = 'DS/2026/0123'").pluck().get() as number;
  });
  afterAll(async () => {
    await w?.close();
    tmp.cleanup();
  });

  test('import → event → feed entry, one instant mail, the next digest; the unconfirmed get nothing', async () => {
    // before anybody subscribes, the Rat's agenda lists the motion not yet (its own item page read later would not put it there)
    expect(RAT_MEETING.agendaItem.map((i) => i.sourceId)).toContain('72021');
    importRecords(w.opened.sqlite, DEMO_SOURCES.musterstadt, [{ ...RAT_MEETING, agendaItem: RAT_MEETING.agendaItem.filter((i) => i.sourceId !== '72021') }], new Date().toISOString());
    const topicPath = '/?thema=digitalisierung&stadt=demo-musterstadt';
    await subscribeVia(w.base, `/papers/${motion}`, 'rat@example.org', 'instant');
    await subscribeVia(w.base, topicPath, 'digest@example.org', 'daily');
    await subscribeVia(w.base, `/papers/${motion}`, 'unconfirmed@example.org', 'instant');
    await notifyAt(w, soon());
    for (const a of ['rat@example.org', 'digest@example.org']) expect((await confirmFrom(w, w.smtp.to(a)[0])).status).toBe(200);
    const feedBefore = await (await fetch(`${w.base}/papers/${motion}/feed.atom`)).text();
    expect(feedBefore).not.toContain(SENTENCE);

    // the Rat publishes its agenda with the motion on it (one mail: "Auf der Tagesordnung")
    importRecords(w.opened.sqlite, DEMO_SOURCES.musterstadt, [RAT_MEETING], new Date().toISOString());
    await notifyAt(w, soon());
    expect(w.smtp.to('rat@example.org').map((m) => m.parsed.subject)).toEqual([
      expect.stringMatching(/^Bitte bestätigen/), 'DS/2026/0123: Auf der Tagesordnung: Rat der Stadt Musterstadt am 17.12.2026',
    ]);
    // (today's digest, due from 07:00, may already have carried the agenda news)
    const digestsBefore = w.smtp.to('digest@example.org').length;
    // then the Rat's result, as the motion's page and its agenda item read once the Rat has met (the Hauptausschuss's row stays as it is)
    const res = importRecords(w.opened.sqlite, DEMO_SOURCES.musterstadt, [DEMO_RAT_ITEM, demoMotionWithResults({ hauptausschuss: false })], new Date().toISOString());
    expect(res.byKind.Paper.updated).toBe(1);
    const events = w.opened.sqlite.prepare("SELECT kind FROM paper_events WHERE paper_id = ? AND kind = 'result'").pluck().all(motion);
    expect(events).toEqual(['result']);

    const feed = await (await fetch(`${w.base}/papers/${motion}/feed.atom`)).text();
    expect(feed).toContain(`<title type="html"><![CDATA[${SENTENCE}]]></title>`);

    await notifyAt(w, berlinAt(1, '06:30'));
    const rat = w.smtp.to('rat@example.org');
    // exactly one new mail, naming the result
    expect(rat.slice(2).map((m) => m.parsed.subject)).toEqual([`DS/2026/0123: ${SENTENCE}`]);
    expect(rat[2].parsed.text).toContain(`${w.base}/papers/${motion}`);
    expect(w.smtp.to('digest@example.org')).toHaveLength(digestsBefore); // tomorrow's digest is not due before 07:00

    await notifyAt(w, berlinAt(1, '09:00'));
    const digests = w.smtp.to('digest@example.org').slice(digestsBefore);
    expect(digests).toHaveLength(1);
    expect(digests[0].parsed.text).toContain(SENTENCE);
    expect(w.smtp.to('unconfirmed@example.org').map((m) => m.parsed.subject)).toEqual([expect.stringMatching(/^Bitte bestätigen/)]);
    // nothing is sent twice
    await notifyAt(w, berlinAt(2, '09:00'));
    expect(w.smtp.to('rat@example.org')).toHaveLength(3);
  });
});
