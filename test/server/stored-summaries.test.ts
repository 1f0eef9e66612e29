/**
 * The committee and meeting pages and the OParl Papers and Consultations read each motion's stored progress
 * summary (paper_progress, written by src/db/derive.ts) instead of deriving it. Their view models, HTML and JSON from the stored summaries
 * equal those from a full derivation — the same database with paper_progress emptied, where every motion
 * is derived while the page is made — on the corpus + demo database and on a generated one, on the day
 * the data was derived for and on later (and earlier) days after refreshDerived moved it on. The committee
 * page's deadline candidates (paper_deadlines) are the stored summaries' deadlines, and find what the scan
 * of every dated paper of the city they replaced found.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import request from 'supertest';
import { BENCH_TODAY, buildDatabase } from '../../bench/generate';
import { openDb, type OpenedDb } from '../../src/db/connection';
import { refreshDerived } from '../../src/db/derive';
import { committeeOfOrganization, loadQueueIds, type CommitteeRef } from '../../src/db/queries-committee';
import { loadPaperSummaries } from '../../src/db/queries-summaries';
import type { ProgressSummary } from '../../src/domain/progress-summary';
import { deriveQueue } from '../../src/domain/queue';
import { createApp } from '../../src/server/app';
import { loadCommitteeModel, QUEUE_PAGE_SIZE } from '../../src/server/views/committee-view';
import { loadMeetingAgenda } from '../../src/server/views/meeting-view';
import { makeTmpDir } from '../helpers/tmp';
import { buildWebDb, WEB_TODAY } from '../helpers/web-db';

const tmp = makeTmpDir();
const HOST = /http:\/\/127\.0\.0\.1:\d+/g;
/** each of the long tests renders some hundreds of pages twice (minutes on a loaded 2-core machine) */
const HEAVY = 300_000;
afterAll(() => tmp.cleanup());

const ids = (sqlite: Database.Database, sql: string) => sqlite.prepare(sql).pluck().all() as number[];
const committeesOf = (sqlite: Database.Database) => ids(sqlite, "SELECT id FROM organizations WHERE kind IN ('committee', 'parliament', 'organization') ORDER BY id");
const meetingsOf = (sqlite: Database.Database) => ids(sqlite, 'SELECT id FROM meetings ORDER BY id');

/** A copy of `stored` without any stored summary: every page derives every motion it names. */
function derivingCopy(stored: OpenedDb, name: string): OpenedDb {
  const file = path.join(tmp.dir, name);
  stored.sqlite.prepare('VACUUM INTO ?').run(file);
  const copy = openDb(file);
  // paper_deadlines stay, as the derived columns do: they find rows (deadline candidates, the queue); that
  // they find what the scan they replaced found is compared apart (scannedDeadlines)
  copy.sqlite.exec('DELETE FROM paper_progress');
  return copy;
}

/** paper_deadlines as stored, and as the stored summaries' deadlines say (one row per paper and named committee). */
function deadlineRows(sqlite: Database.Database) {
  const stored = sqlite.prepare('SELECT paper_id, source_id, organization, before FROM paper_deadlines ORDER BY paper_id, organization').all();
  const fromSummaries = new Map<string, unknown>();
  for (const r of sqlite.prepare('SELECT s.paper_id, p.source_id, s.summary FROM paper_progress s JOIN papers p ON p.id = s.paper_id').all() as { paper_id: number; source_id: number; summary: string }[]) {
    for (const d of (JSON.parse(r.summary) as ProgressSummary).deadlines) {
      const key = `${String(r.paper_id).padStart(9, '0')} ${d.organization}`;
      if (d.organization != null && !fromSummaries.has(key)) fromSummaries.set(key, { paper_id: r.paper_id, source_id: r.source_id, organization: d.organization, before: d.before });
    }
  }
  return { stored, fromSummaries: [...fromSummaries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v) };
}

/**
 * The papers the committee page found as deadline candidates before paper_deadlines: every dated paper of
 * the city at a later station that passes through the committee before a decisive one (the scan it replaced).
 */
const SCAN = `SELECT p.id FROM papers p
  WHERE p.source_id = @source AND p.next_date >= @today AND p.next_organization IS NOT @name
    AND EXISTS (SELECT 1 FROM consultations c JOIN consultations n ON n.paper_id = c.paper_id AND n.position > c.position
      WHERE c.paper_id = p.id AND c.organization = @name AND n.organization = p.next_organization
        AND (n.role_code = 'decision' OR (
          NOT EXISTS (SELECT 1 FROM consultations d WHERE d.paper_id = p.id AND d.role_code = 'decision')
          AND NOT EXISTS (SELECT 1 FROM consultations l WHERE l.paper_id = p.id AND l.position > n.position))))
  ORDER BY p.next_date, p.id`;

/** The queue's motions with a deadline for `c` (page 1) as the scan and a full derivation of its candidates find them. */
function scannedDeadlines(derived: Database.Database, c: CommitteeRef, today: string): number[] {
  const queued = new Set(loadQueueIds(derived, c, QUEUE_PAGE_SIZE, 0).ids);
  const ids = (derived.prepare(SCAN).pluck().all({ source: c.sourceId, name: c.name, today }) as number[]).filter((id) => !queued.has(id));
  const papers = loadPaperSummaries(derived, ids, today);
  const items = ids.flatMap((id) => (papers.has(id) ? [{ paper: id, progress: papers.get(id)!.summary }] : []));
  return deriveQueue(items, c.name).filter((e) => e.deadline != null).map((e) => e.paper);
}

/** The models of every committee and meeting page on `today`, from the stored summaries and from a full derivation, side by side. */
function compareModels(stored: OpenedDb, derived: OpenedDb, today: string) {
  let queued = 0;
  let checked = 0;
  let deadlines = 0;
  // paper_deadlines are the stored summaries' deadlines (and those, refreshDerived's tests say, a full derivation's)
  const rows = deadlineRows(stored.sqlite);
  expect(rows.stored).toEqual(rows.fromSummaries);
  for (const id of committeesOf(stored.sqlite)) {
    const a = committeeOfOrganization(stored.sqlite, id);
    const b = committeeOfOrganization(derived.sqlite, id);
    expect(b).toEqual(a);
    if (!a || !b) continue;
    for (const page of [1, 2]) {
      const fromStore = loadCommitteeModel(stored.sqlite, a, today, page);
      expect([id, page, fromStore]).toEqual([id, page, loadCommitteeModel(derived.sqlite, b, today, page)]);
      queued += fromStore.queue.length;
      if (page === 1) {
        // the stored deadlines find what the scan of every dated paper found (derived on the page)
        const scanned = scannedDeadlines(derived.sqlite, b, today);
        expect([id, fromStore.queue.filter((q) => q.deadline != null).map((q) => q.id)]).toEqual([id, scanned]);
        deadlines += scanned.length;
      }
      checked += fromStore.coming.reduce((n, c) => n + c.items.filter((i) => i.check).length, 0);
    }
  }
  for (const id of meetingsOf(stored.sqlite)) {
    const fromStore = loadMeetingAgenda(stored.sqlite, id, today);
    expect([id, fromStore]).toEqual([id, loadMeetingAgenda(derived.sqlite, id, today)]);
    checked += fromStore?.items.filter((i) => i.checkStatus != null).length ?? 0;
  }
  return { queued, checked, deadlines };
}

/**
 * The HTML and JSON of every committee page, of `meetings` meeting pages, of the meeting calendar and
 * the city pages (their agenda-check badges), and of every body's OParl papers and consultations, from both databases' apps on `today`.
 */
async function comparePages(stored: OpenedDb, derived: OpenedDb, today: string, meetings: number[]) {
  const a = createApp(stored.sqlite, { today: () => today });
  const b = createApp(derived.sqlite, { today: () => today });
  const paths = [
    ...committeesOf(stored.sqlite).flatMap((id) => [`/organizations/${id}`, `/organizations/${id}.json`]),
    ...meetings.flatMap((id) => [`/meetings/${id}`, `/meetings/${id}.json`]),
    '/sitzungen', '/sitzungen.json',
    ...(stored.sqlite.prepare('SELECT key FROM sources ORDER BY key').pluck().all() as string[]).flatMap((key) => [
      `/staedte/${encodeURIComponent(key)}`,
      // the OParl Papers and Consultations carry the derived state, explanation, next step and station states
      `/oparl/v1.1/bodies/${encodeURIComponent(key)}/papers?limit=500`,
      `/oparl/v1.1/bodies/${encodeURIComponent(key)}/consultations?limit=500`,
    ]),
  ];
  for (const p of paths) {
    const [x, y] = [await request(a).get(p), await request(b).get(p)];
    expect([p, x.status]).toEqual([p, y.status]);
    // supertest serves each request on a port of its own: the JSON's absolute links differ in that alone
    expect([p, x.text.replace(HOST, 'HOST')]).toEqual([p, y.text.replace(HOST, 'HOST')]);
  }
  return paths.length;
}

/** refreshDerived moves the stored database to `day` as the server does on a new day (deriving the papers that day can change). */
function moveTo(stored: OpenedDb, day: string, total: number) {
  const r = refreshDerived(stored.sqlite, day);
  return { ...r, selective: r.derived < total };
}

describe('stored progress summaries on the generated database', () => {
  const file = path.join(tmp.dir, 'gen.sqlite');
  let stored: OpenedDb;
  beforeAll(() => {
    buildDatabase(file, { seed: 5, motions: 300, today: BENCH_TODAY });
    stored = openDb(file);
  }, HEAVY);
  afterAll(() => stored.close());

  test('every paper has its summary, and the pages read it (a changed summary shows on the page)', async () => {
    const papers = stored.sqlite.prepare('SELECT COUNT(*) FROM papers').pluck().get() as number;
    expect(stored.sqlite.prepare('SELECT COUNT(*) FROM paper_progress').pluck().get()).toBe(papers);
    // deriving every paper again writes nothing: the bench's summaries are the ones derive.ts writes
    expect(refreshDerived(stored.sqlite, BENCH_TODAY, { all: true })).toEqual({ derived: papers, written: 0 });
    // a copy whose stored labels are made up: the meeting page's JSON names them, so it read them
    const file2 = path.join(tmp.dir, 'tampered.sqlite');
    stored.sqlite.prepare('VACUUM INTO ?').run(file2);
    const copy = openDb(file2);
    try {
      const meeting = copy.sqlite.prepare(`SELECT a.meeting_id FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id
        WHERE a.paper_id IS NOT NULL AND m.date >= ? ORDER BY m.date, a.id LIMIT 1`).pluck().get(BENCH_TODAY) as number;
      copy.sqlite.exec(`UPDATE paper_progress SET summary = json_set(summary, '$.label', 'ERFUNDEN')`);
      const page = await request(createApp(copy.sqlite, { today: () => BENCH_TODAY })).get(`/meetings/${meeting}.json`).expect(200);
      const labels = (page.body.agendaItem as { paper: { stateLabel: string } | null }[]).filter((i) => i.paper).map((i) => i.paper!.stateLabel);
      expect(labels.length).toBeGreaterThan(0);
      expect(new Set(labels)).toEqual(new Set(['ERFUNDEN']));
    } finally {
      copy.close();
    }
  });

  test('the committee and meeting models equal those of a full derivation, on the day of the data and after day changes', () => {
    const total = stored.sqlite.prepare('SELECT COUNT(*) FROM papers').pluck().get() as number;
    let written = 0;
    let selective = 0;
    // queue rows found by a deadline (paper_deadlines) on some day: there are some to compare
    let withDeadline = 0;
    for (const day of [BENCH_TODAY, '2026-10-02', '2026-10-09', '2026-11-30', '2027-04-01', '2026-05-01', BENCH_TODAY]) {
      if (day !== BENCH_TODAY || written > 0) {
        const r = moveTo(stored, day, total);
        written += r.written;
        if (r.selective) selective++;
      }
      // nothing is left to write: the stored summaries are those of deriving every paper on that day
      expect([day, refreshDerived(stored.sqlite, day, { all: true }).written]).toEqual([day, 0]);
      // the copy has the same derived columns (the queue is found by them), no summary
      const derived = derivingCopy(stored, `models-${day}-${written}.sqlite`);
      try {
        const { queued, checked, deadlines } = compareModels(stored, derived, day);
        withDeadline += deadlines;
        // the pages name motions: queue rows and agenda checks to compare
        if (day === BENCH_TODAY) expect([queued > 20, checked > 20]).toEqual([true, true]);
      } finally {
        derived.close();
      }
    }
    expect(written).toBeGreaterThan(0);
    expect(selective).toBeGreaterThan(0);
    expect(withDeadline).toBeGreaterThan(0);
  }, HEAVY);

  test('their HTML and JSON equal those of a full derivation, across a day change', async () => {
    const total = stored.sqlite.prepare('SELECT COUNT(*) FROM papers').pluck().get() as number;
    const meetings = meetingsOf(stored.sqlite).filter((_, i) => i % 8 === 0);
    for (const day of [BENCH_TODAY, '2026-10-09']) {
      if (day !== BENCH_TODAY) moveTo(stored, day, total);
      const derived = derivingCopy(stored, `pages-${day}.sqlite`);
      try {
        expect(await comparePages(stored, derived, day, meetings)).toBeGreaterThan(100);
      } finally {
        derived.close();
      }
    }
  }, HEAVY);
});

describe('stored progress summaries on the corpus and the demo', () => {
  let stored: OpenedDb;
  beforeAll(() => {
    const dir = path.join(tmp.dir, 'web');
    fs.mkdirSync(dir);
    stored = buildWebDb(dir);
  }, HEAVY);
  afterAll(() => stored.close());

  test('models, HTML and JSON equal those of a full derivation, on the day of the data and the next days', async () => {
    const total = stored.sqlite.prepare('SELECT COUNT(*) FROM papers').pluck().get() as number;
    for (const day of [WEB_TODAY, '2026-12-04', '2026-12-18']) {
      if (day !== WEB_TODAY) moveTo(stored, day, total);
      expect(refreshDerived(stored.sqlite, day, { all: true }).written).toBe(0);
      const derived = derivingCopy(stored, `web-${day}.sqlite`);
      try {
        const { checked, deadlines } = compareModels(stored, derived, day);
        if (day === WEB_TODAY) expect(deadlines).toBeGreaterThan(0);
        if (day === WEB_TODAY) expect(checked).toBeGreaterThan(5);
        expect(await comparePages(stored, derived, day, meetingsOf(stored.sqlite))).toBeGreaterThan(20);
      } finally {
        derived.close();
      }
    }
  }, HEAVY);
});
