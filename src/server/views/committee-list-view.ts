/**
 * The committees of a city as /gremien and /staedte/:key list them: each with its page (the
 * organization row's, else /gremien/:source/:name), its kind, members count, next meeting (not a
 * cancelled one) and queue length (the motions whose derived next station it is: src/db/queries-committee.ts)
 * with, apart, those scheduled later that it has to deal with first (its deadlines), which its own page
 * counts to its queue.
 */
import type Database from 'better-sqlite3';
import type { CityRow } from '../../db/queries-cities';
import { loadCommitteeNames, type CommitteeName } from '../../db/queries-cities';
import { loadDeadlineCandidateIds, loadNextMeeting, loadQueueIds, type CommitteeRef } from '../../db/queries-committee';
import { DEADLINE_LIMIT } from './committee-view';
import { memoByData } from '../data-stamp';
import { KIND_LABELS } from '../routes/organization';
import { committeeHref } from './committee-href';
import { endedBefore } from '../../domain/dates';

export interface CommitteeListRow {
  name: string;
  /** the organization row by this name, when there is one */
  organizationId: number | null;
  href: string;
  kindLabel: string;
  isFaction: boolean;
  /** the day it ended, when that is past (a former faction: "bis 28.05.2019") */
  endedOn: string | null;
  members: number;
  next: { id: number; date: string; start: string | null } | null;
  queue: number;
  /** papers scheduled at a later station with a deadline for this committee (the committee page counts them to its queue) */
  deadlines: number;
}

/** The city's committees (kept per data stamp, as the lists' facets: a large city's queue counts cost some milliseconds). */
export function loadCommitteeList(sqlite: Database.Database, city: CityRow, today: string): CommitteeListRow[] {
  return memoByData(sqlite, `committees|${today}|${city.id}`, () => committeeRows(sqlite, city, today));
}

/** The names of the city's committees (kept per data stamp: the query reads every Beratungsfolge of the city). */
export function committeeNamesOf(sqlite: Database.Database, city: CityRow): CommitteeName[] {
  return memoByData(sqlite, `committee-names|${city.id}`, () => loadCommitteeNames(sqlite, city.id));
}

function committeeRows(sqlite: Database.Database, city: CityRow, today: string): CommitteeListRow[] {
  const rows = committeeNamesOf(sqlite, city).map((c) => {
    const ref: CommitteeRef = { sourceId: city.id, sourceKey: city.key, sourceName: city.name, isDemo: city.isDemo, name: c.name, organizationId: c.organizationId };
    const isFaction = c.kind === 'faction';
    const next = loadNextMeeting(sqlite, ref, today);
    return {
      name: c.name,
      organizationId: c.organizationId,
      href: committeeHref(city.key, c.name, c.organizationId)!,
      kindLabel: KIND_LABELS[c.kind ?? 'organization'] ?? 'Gremium',
      isFaction,
      endedOn: endedBefore(c.endDate, today),
      members: c.members,
      next: next ? { id: next.id, date: next.date, start: next.start } : null,
      queue: isFaction ? 0 : loadQueueIds(sqlite, ref, 0).total,
      deadlines: isFaction ? 0 : loadDeadlineCandidateIds(sqlite, ref, today, DEADLINE_LIMIT).length,
    };
  });
  // committees first, factions after them, the ended ones after those that exist (a stable sort keeps the names' order)
  const rank = (r: CommitteeListRow) => (r.endedOn != null ? 2 : 0) + (r.isFaction ? 1 : 0);
  return rows.sort((a, b) => rank(a) - rank(b));
}
