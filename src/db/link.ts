/**
 * Links records that arrived in any order: a paper's meeting rows → meetings and agenda items (by
 * SILFDNR / TOLFDNR, or OParl ids, else by date and committee), agenda items → their meeting and their
 * paper (by VOLFDNR, else reference), meetings → their committee (by AULFDNR/GRLFDNR/PALFDNR, else
 * name), stations that name their committee by id (OParl) → its name (station-names.ts), and calendar
 * meetings without a committee → the one their title names exactly (meeting-committees.ts). A link,
 * once made, stays; only rows still unlinked are looked at (a station's name follows its committee's).
 *
 * Every import relinks only what its writes can have changed (relinkChanges): the rows it wrote, and
 * the unlinked rows that point at a row it wrote — by the keys that row has now, and, for the links
 * that need exactly one match, by the keys it had before (a competitor that went away can make a row
 * linkable). Each link is the same SQL expression whichever rows it is run on, so this ends exactly
 * where relinking every unlinked row of the source (relink, kept for repairs and tests) would.
 */
import type Database from 'better-sqlite3';
import { declareStatements } from './registry';
import { nameAllStations, nameStationsOf } from './station-names';
import { nameMeetingsByTitle } from './meeting-committees';

/** The smallest id of `table` in `source` whose column (any of `columns`) equals `value`; one index lookup per column. */
function firstMatch(table: string, columns: string[], value: string, source: string): string {
  const arms = columns.map((c) => `SELECT t.id AS id FROM ${table} t WHERE t.source_id = ${source} AND t.${c} = ${value}`);
  return `(SELECT MIN(id) FROM (${arms.join(' UNION ALL ')}))`;
}

/** the columns that name a paper or a meeting: the RIS's id, the identity inside the source, the OParl id */
const ENTITY_KEYS = ['external_id', 'entity_key', 'oparl_id'];
const ITEM_KEYS = ['external_id', 'entity_key'];

/** One way to link: when the row has what it needs (`when`), the id it links to (null: none, or not exactly one). */
interface Way {
  when: string;
  value: string;
}

/**
 * One UPDATE over `table`: each column in `set` that is still unlinked takes the first of its ways that
 * finds a row (so "by id … else by reference" is one column with two ways). Columns of one step do not
 * read each other; a later step reads what an earlier one linked.
 */
interface Step {
  table: 'agenda_items' | 'meetings' | 'consultation_meetings';
  set: Record<string, Way[]>;
}

/** In the order they must run: later steps read what earlier ones set (agenda items' meetings and papers, meeting rows' meetings). */
const STEPS: Step[] = [
  { table: 'agenda_items', set: {
    // agenda items → meeting
    meeting_id: [{ when: 'meeting_external_id IS NOT NULL', value: firstMatch('meetings', ENTITY_KEYS, 'agenda_items.meeting_external_id', 'agenda_items.source_id') }],
    // agenda items → paper, by id, else by reference when exactly one paper has it
    paper_id: [
      { when: 'paper_external_id IS NOT NULL', value: firstMatch('papers', ENTITY_KEYS, 'agenda_items.paper_external_id', 'agenda_items.source_id') },
      { when: 'paper_reference IS NOT NULL', value: `(SELECT MIN(p.id) FROM papers p WHERE p.reference = agenda_items.paper_reference
        AND +p.source_id = agenda_items.source_id HAVING COUNT(*) = 1)` },
    ],
  } },
  // meetings → organization, by the committee id of the meeting page (an ALLRIS number names a committee only among
  // committees: factions and offices are numbered apart; an OParl Organization URL names one, of whatever kind), else by name
  { table: 'meetings', set: { organization_id: [
    { when: 'organization_external_id IS NOT NULL', value: `(SELECT MIN(o.id) FROM organizations o WHERE o.source_id = meetings.source_id
      AND o.external_id = meetings.organization_external_id AND o.kind IN ('committee', 'parliament'))` },
    { when: 'organization_external_id IS NOT NULL', value: `(SELECT MIN(o.id) FROM organizations o WHERE o.source_id = meetings.source_id
      AND o.oparl_id = meetings.organization_external_id)` },
    { when: 'organization IS NOT NULL', value: '(SELECT MIN(o.id) FROM organizations o WHERE o.source_id = meetings.source_id AND o.name = meetings.organization)' },
  ] } },
  // a paper's meeting rows → meetings, by id, else by date and committee when exactly one meeting matches
  { table: 'consultation_meetings', set: { meeting_id: [
    { when: 'meeting_external_id IS NOT NULL', value: firstMatch('meetings', ['external_id', 'oparl_id'], 'consultation_meetings.meeting_external_id', '@source') },
    { when: 'date IS NOT NULL', value: `(SELECT MIN(m.id) FROM meetings m WHERE m.source_id = @source
        AND m.organization = consultation_meetings.organization AND m.date = consultation_meetings.date HAVING COUNT(*) = 1)` },
  ] } },
  // a paper's meeting rows → agenda items, by TOLFDNR / OParl id, else the item of the linked meeting that is about this paper
  { table: 'consultation_meetings', set: { agenda_item_id: [
    { when: 'agenda_item_external_id IS NOT NULL', value: firstMatch('agenda_items', ITEM_KEYS, 'consultation_meetings.agenda_item_external_id', '@source') },
    { when: 'meeting_id IS NOT NULL', value: `(SELECT MIN(a.id) FROM consultations c JOIN agenda_items a ON a.meeting_id = consultation_meetings.meeting_id
        AND a.paper_id = c.paper_id
      WHERE c.id = consultation_meetings.consultation_id HAVING COUNT(*) = 1)` },
  ] } },
];

/**
 * A step as one statement: a materialised list of the candidate rows (`rows`) that have an unlinked column
 * with a way, each with the id every such column finds now (each way evaluated once per row), then an
 * UPDATE of only the rows where one finds a row. Rows whose links find nothing yet (a paper's meeting rows
 * before their meetings are imported) are left alone: SET would give them the NULLs they have, and SQLite
 * writes a row it updates even then (its page, its indexes of the SET columns). What a way finds does not
 * depend on the rows of its own table (agenda items' links read meetings and papers; meetings'
 * organizations; meeting rows' meetings, consultations and agenda items), so finding all first and then
 * writing ends where finding and writing row by row would.
 */
function stepSql(step: Step, rows: string, notIndexed: boolean): string {
  const columns = Object.entries(step.set);
  // the id the first way that finds a row gives (COALESCE wants two arguments at least)
  const found = (ways: Way[]) => {
    const arms = ways.map((w) => `CASE WHEN ${w.when} THEN ${w.value} END`);
    return arms.length > 1 ? `COALESCE(${arms.join(', ')})` : arms[0];
  };
  const open = columns.map(([c, ways]) => `(${c} IS NULL AND (${ways.map((w) => w.when).join(' OR ')}))`);
  const finds = columns.map(([c, ways], i) => `CASE WHEN ${c} IS NULL THEN ${found(ways)} END AS f${i}`);
  const set = columns.map(([c], i) => `${c} = COALESCE(${c}, l.f${i})`);
  const links = columns.map(([c], i) => `(${step.table}.${c} IS NULL AND l.f${i} IS NOT NULL)`);
  return `WITH l AS MATERIALIZED (SELECT id, ${finds.join(', ')} FROM ${step.table}${notIndexed ? ' NOT INDEXED' : ''}
      WHERE (${open.join(' OR ')}) AND ${rows})
    UPDATE ${step.table} SET ${set.join(', ')} FROM l WHERE ${step.table}.id = l.id AND (${links.join(' OR ')})`;
}

/** The rows of a source a link looks at when everything is relinked. */
const WHOLE_SOURCE: Record<Step['table'], string> = {
  agenda_items: 'source_id = @source',
  meetings: 'source_id = @source',
  consultation_meetings: 'source_id = @source',
};

// The statements below are written so that SQLite reaches every row through the index of the key it
// is looked up by (CROSS JOIN keeps the join order, `+column` keeps a column's index out), never by
// scanning the source or its unlinked rows: their cost must not grow with the source.

const ids = (param: string) => `(SELECT value FROM json_each(@${param}))`;

/** The meeting rows (of papers of the source) whose `column` is one of `values`. */
const rowsWhere = (column: string, values: string) => `SELECT id FROM consultation_meetings
  WHERE source_id = @source AND ${column} IN ${values}`;

/** `columns` of the rows of `table` listed in the JSON array @param, as one value list. */
const keysOf = (table: string, columns: string[], param: string) =>
  `(${columns.map((c) => `SELECT ${c} FROM ${table} WHERE id IN ${ids(param)}`).join(' UNION ')})`;

function prepare(sqlite: Database.Database) {
  const pluck = (sql: string) => sqlite.prepare<Record<string, unknown>, number>(sql).pluck();
  return {
    whole: STEPS.map((step) => sqlite.prepare(stepSql(step, WHOLE_SOURCE[step.table], false))),
    // NOT INDEXED: by rowid only (else SQLite may walk the index of the unlinked rows, `meeting_id IS NULL`)
    some: STEPS.map((step) => sqlite.prepare(stepSql(step, `id IN ${ids('rows')}`, true))),
    /** agenda items that may now find their meeting or paper */
    itemsToLink: pluck(`SELECT value FROM json_each(@items)
      UNION SELECT id FROM agenda_items WHERE source_id = @source AND meeting_external_id IN ${keysOf('meetings', ENTITY_KEYS, 'meetings')}
        AND +meeting_id IS NULL
      UNION SELECT id FROM agenda_items WHERE source_id = @source AND paper_external_id IN ${keysOf('papers', ENTITY_KEYS, 'papers')}
        AND +paper_id IS NULL
      UNION SELECT id FROM agenda_items WHERE source_id = @source
        AND paper_reference IN (SELECT value FROM json_each(@references) UNION SELECT reference FROM papers WHERE id IN ${ids('papers')})
        AND +paper_id IS NULL`),
    /** meetings that may now find their committee */
    meetingsToLink: pluck(`SELECT value FROM json_each(@meetings)
      UNION SELECT id FROM meetings WHERE source_id = @source
        AND organization_external_id IN ${keysOf('organizations', ['external_id', 'oparl_id'], 'organizations')} AND +organization_id IS NULL
      UNION SELECT id FROM meetings WHERE source_id = @source
        AND organization IN (SELECT name FROM organizations WHERE id IN ${ids('organizations')}) AND +organization_id IS NULL`),
    /** a paper's meeting rows that may now find their meeting (or, later, their agenda item through it) */
    // (rows by date: those of a written meeting's committee and day, and every row of the source on a day a
    // meeting had before it changed, since a competitor that went away can make them linkable)
    rowsToLink: pluck(`SELECT cm.id FROM consultations c CROSS JOIN consultation_meetings cm
        WHERE c.paper_id IN ${ids('papers')} AND cm.consultation_id = c.id
      UNION ${rowsWhere('meeting_external_id', keysOf('meetings', ['external_id', 'oparl_id'], 'meetings'))} AND +meeting_id IS NULL
      UNION SELECT cm.id FROM meetings m CROSS JOIN consultation_meetings cm WHERE m.id IN ${ids('meetings')}
        AND cm.source_id = @source AND cm.organization = m.organization AND cm.date = m.date AND +cm.meeting_id IS NULL
      UNION SELECT id FROM consultation_meetings WHERE date IN (SELECT value FROM json_each(@dates)) AND +source_id = @source
        AND +meeting_id IS NULL`),
    /** the unlinked meeting rows of stations named anew (by date and committee, they may find their meeting now) */
    rowsOfStations: pluck(`SELECT cm.id FROM consultation_meetings cm WHERE cm.consultation_id IN ${ids('stations')} AND +cm.meeting_id IS NULL`),
    /** a paper's meeting rows that may now find their agenda item by its id */
    rowsOfItems: pluck(`${rowsWhere('agenda_item_external_id', keysOf('agenda_items', ITEM_KEYS, 'items'))}
      AND agenda_item_external_id IS NOT NULL AND +agenda_item_id IS NULL`),
    /** … or through their meeting, whose agenda items changed or were linked (after the agenda item links are made) */
    rowsOfMeetings: pluck(`SELECT id FROM consultation_meetings WHERE meeting_id IN (SELECT value FROM json_each(@meetingIds)
      UNION SELECT meeting_id FROM agenda_items WHERE id IN ${ids('items')}) AND +source_id = @source AND +agenda_item_id IS NULL`),
  };
}

// raw SQL: the link steps run after every import batch, over every row they may link
const stmts = declareStatements('link', prepare);

/** Relinks every unlinked row of a source (the import relinks only what it changed: relinkChanges). */
export function relink(sqlite: Database.Database, sourceId: number): void {
  nameAllStations(sqlite, sourceId);
  nameMeetingsByTitle(sqlite, sourceId);
  for (const st of stmts(sqlite).whole) st.run({ source: sourceId });
}

/** What an import wrote, as far as links are concerned (collected by import.ts while it writes). */
export class LinkChanges {
  /** agenda items written */
  readonly items = new Set<number>();
  /** papers written (their meeting rows were written anew) */
  readonly papers = new Set<number>();
  readonly meetings = new Set<number>();
  readonly organizations = new Set<number>();
  /** references that papers had before they were changed or removed */
  readonly oldReferences = new Set<string>();
  /** dates that meetings had before they were changed */
  readonly oldMeetingDates = new Set<string>();
  /** meetings whose agenda items lost or may have lost their meeting or paper */
  readonly oldItemMeetings = new Set<number>();

  get empty(): boolean {
    return this.items.size + this.papers.size + this.meetings.size + this.organizations.size + this.oldReferences.size +
      this.oldMeetingDates.size + this.oldItemMeetings.size === 0;
  }
}

const json = (values: Iterable<unknown>) => JSON.stringify([...values]);

/** Links what `changes` can have made linkable; ends as relink(sqlite, sourceId) would. */
export function relinkChanges(sqlite: Database.Database, sourceId: number, changes: LinkChanges): void {
  if (changes.empty) return;
  const s = stmts(sqlite);
  // calendar meetings without a committee take the one their title names, once the source knows it (a new
  // meeting, a new station or committee): they link as written meetings do
  if (changes.meetings.size + changes.papers.size + changes.organizations.size) {
    for (const id of nameMeetingsByTitle(sqlite, sourceId, changes)) changes.meetings.add(id);
  }
  const params = {
    source: sourceId, items: json(changes.items), papers: json(changes.papers), meetings: json(changes.meetings),
    organizations: json(changes.organizations), references: json(changes.oldReferences), dates: json(changes.oldMeetingDates),
  };
  // a candidate list may hold rows that an earlier link makes meanwhile: each link's own condition skips them
  const c = changes;
  // stations that name a written organization by id take its name first (their rows may then link by it)
  const named = nameStationsOf(sqlite, sourceId, c.organizations);
  const items = json(c.items.size + c.meetings.size + c.papers.size + c.oldReferences.size ? s.itemsToLink.all(params) : []);
  const meetings = json(c.meetings.size + c.organizations.size ? s.meetingsToLink.all(params) : []);
  const rows = [
    ...(c.papers.size + c.meetings.size + c.oldMeetingDates.size ? s.rowsToLink.all(params) : []),
    ...(named.length ? s.rowsOfStations.all({ stations: json(named) }) : []),
  ];
  const run = (step: number, list: string) => {
    if (list !== '[]') s.some[step].run({ source: sourceId, rows: list });
  };
  run(0, items);
  run(1, meetings);
  run(2, json(rows));
  // the last step (the agenda item by its id, else the one of the linked meeting about this paper) also looks at
  // rows whose item came, and at rows whose meeting got an agenda item about their paper, or lost one
  const more = items !== '[]' || changes.oldItemMeetings.size
    ? s.rowsOfMeetings.all({ source: sourceId, items, meetingIds: json(changes.oldItemMeetings) })
    : [];
  run(3, json(new Set([...rows, ...(changes.items.size ? s.rowsOfItems.all(params) : []), ...more])));
}
