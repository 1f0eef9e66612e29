/**
 * The sending queue's store (src/db/alerts-outbox.ts) on a real SQLite file: a subscription's
 * confirmation mail claimed, failed until given up, a claim of a stopped sender taken back, and old
 * rows pruned — the states and columns each step leaves.
 */
import path from 'node:path';
import { subscribe, unsubscribe } from '../../src/db/alerts-store';
import { claimNext, markFailed, markSent, pruneOutbox, recoverClaims } from '../../src/db/alerts-outbox';
import { openDb, type OpenedDb } from '../../src/db/connection';
import { RETRY_DELAYS_MINUTES } from '../../src/domain/alert-rules';
import { makeTmpDir } from '../helpers/tmp';

describe('alert outbox store', () => {
  const tmp = makeTmpDir();
  let opened: OpenedDb;
  const row = (id: number) =>
    opened.sqlite.prepare('SELECT state, attempts, due_at AS dueAt, claimed_by AS claimedBy, sent_at AS sentAt, last_error AS lastError FROM alert_outbox WHERE id = ?').get(id);
  const queue = (email: string, now: string) =>
    subscribe(opened.sqlite, { email, kind: 'paper', target: '1', city: null, cadence: 'instant', now, from: 'ratsradar@example.org' });

  beforeEach(() => {
    opened = openDb(path.join(tmp.dir, `outbox-${Date.now()}-${Math.random()}.sqlite`));
  });
  afterEach(() => opened.close());
  afterAll(() => tmp.cleanup());

  test('claim → fail until the last retry gives up; each failure due later, the error kept', () => {
    expect(queue('a@example.org', '2026-12-01T10:00:00.000Z')).toBe('queued');
    let now = '2026-12-01T10:00:00.000Z';
    const claimed = claimNext(opened.sqlite, 'sender-1', now)!;
    expect(claimed).toMatchObject({ kind: 'confirm', eventIds: [], attempts: 1 });
    expect(claimNext(opened.sqlite, 'sender-2', now)).toBeNull(); // claimed rows are nobody else's
    expect(row(claimed.id)).toMatchObject({ state: 'sending', attempts: 1, claimedBy: 'sender-1' });
    let attempts = 1;
    for (;;) {
      const outcome = markFailed(opened.sqlite, { id: claimed.id, attempts }, now, '451 try later');
      if (outcome === 'failed') break;
      const r = row(claimed.id) as { dueAt: string };
      expect(r).toMatchObject({ state: 'pending', claimedBy: null, lastError: '451 try later' });
      expect(Date.parse(r.dueAt) - Date.parse(now)).toBe(RETRY_DELAYS_MINUTES[attempts - 1] * 60_000);
      now = r.dueAt;
      attempts = claimNext(opened.sqlite, 'sender-1', now)!.attempts;
    }
    expect(attempts).toBe(RETRY_DELAYS_MINUTES.length + 1);
    expect(row(claimed.id)).toMatchObject({ state: 'failed', attempts, claimedBy: null, lastError: '451 try later' });
    expect(claimNext(opened.sqlite, 'sender-1', '2027-01-01T00:00:00.000Z')).toBeNull();
  });

  test('a stopped sender\'s claim goes back to pending (attempts kept); a running one\'s only when stale; sent rows are pruned by age', () => {
    queue('b@example.org', '2026-12-01T10:00:00.000Z');
    queue('c@example.org', '2026-12-01T10:00:00.000Z');
    const gone = claimNext(opened.sqlite, 'dead', '2026-12-01T10:01:00.000Z')!;
    const alive = claimNext(opened.sqlite, 'alive', '2026-12-01T10:02:00.000Z')!;
    expect(recoverClaims(opened.sqlite, (owner) => owner === 'dead', '2026-12-01T10:00:00.000Z')).toBe(1);
    expect(row(gone.id)).toMatchObject({ state: 'pending', attempts: 1, claimedBy: null });
    expect(row(alive.id)).toMatchObject({ state: 'sending', claimedBy: 'alive' });
    expect(recoverClaims(opened.sqlite, () => false, '2026-12-01T10:05:00.000Z')).toBe(1);
    expect(row(alive.id)).toMatchObject({ state: 'pending', attempts: 1 });

    const again = claimNext(opened.sqlite, 'alive', '2026-12-01T10:06:00.000Z')!;
    expect(again.attempts).toBe(2);
    markSent(opened.sqlite, again.id, '2026-12-01T10:06:01.000Z');
    expect(row(again.id)).toMatchObject({ state: 'sent', sentAt: '2026-12-01T10:06:01.000Z', claimedBy: null, lastError: null });
    expect(pruneOutbox(opened.sqlite, '2026-12-01T10:00:00.000Z')).toBe(0); // created at 10:00, not before
    expect(pruneOutbox(opened.sqlite, '2026-12-02T00:00:00.000Z')).toBe(1); // the sent one; the pending one stays
    expect(opened.sqlite.prepare('SELECT COUNT(*) FROM alert_outbox').pluck().get()).toBe(1);
  });

  test('unsubscribing deletes the subscription\'s queued mails and its address when it was the last', () => {
    queue('d@example.org', '2026-12-01T10:00:00.000Z');
    subscribe(opened.sqlite, { email: 'd@example.org', kind: 'topic', target: 'digitaltag', city: null, cadence: 'daily', now: '2026-12-01T10:00:00.000Z', from: 'x@example.org' });
    const tokens = opened.sqlite.prepare('SELECT unsubscribe_token FROM alert_subscriptions ORDER BY id').pluck().all() as string[];
    const count = (sql: string) => opened.sqlite.prepare(sql).pluck().get();
    expect(unsubscribe(opened.sqlite, tokens[0])).toBe(true);
    expect([count('SELECT COUNT(*) FROM alert_outbox'), count('SELECT COUNT(*) FROM alert_addresses')]).toEqual([1, 1]);
    expect(unsubscribe(opened.sqlite, tokens[1])).toBe(true);
    expect([count('SELECT COUNT(*) FROM alert_outbox'), count('SELECT COUNT(*) FROM alert_addresses')]).toEqual([0, 0]);
    expect(unsubscribe(opened.sqlite, tokens[1])).toBe(false);
  });
});
