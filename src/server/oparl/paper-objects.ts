/**
 * Paper rows → OParl 1.1 Paper objects, with their Consultations (one per meeting row of a station,
 * one for a station without rows) and Files embedded. What OParl has no field for goes into
 * `ratsradar:` vendor properties (README, "OParl 1.1"): the derived state, its explanation and the next
 * step, each station's status as the RIS shows it and as ratsradar derives it, the names the RIS gives
 * where OParl wants URLs, the RIS page. Names become URLs only where the source has that object.
 */
import {
  loadOparlPaperFiles, loadOparlStations, organizationKeysByName, paperKeysByReference,
  type OparlFileRow, type OparlPaperRow, type OparlStationRow,
} from '../../db/queries-oparl';
import { loadPaperSummaries } from '../../db/queries-summaries';
import { STATE_LABELS } from '../../domain/progress';
import type { ProgressSummary, SummaryStation } from '../../domain/progress-summary';
import { compact, deletedObject, isHttp, times, VENDOR, type OparlContext, type OparlJson } from './context';
import { consultationKey, paperFileKey, typeUrl } from './urls';

const V = (name: string) => `${VENDOR}${name}`;

interface PaperParts {
  stations: Map<number, OparlStationRow[][]>;
  files: Map<number, OparlFileRow[]>;
  orgKeys: Map<string, string>;
  paperKeys: Map<string, string>;
  /** each paper's derived state, explanation, next step and station states (the stored summary, src/db/queries-summaries.ts) */
  progress: Map<number, ProgressSummary>;
}

function groupBy<T>(rows: T[], key: (r: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) {
    const k = key(r);
    let l = out.get(k);
    if (!l) out.set(k, (l = []));
    l.push(r);
  }
  return out;
}

/** A paper's station rows → its stations, each a list of its meeting rows (one row with row = null for a station without). */
function toStations(rows: OparlStationRow[]): OparlStationRow[][] {
  const out: OparlStationRow[][] = [];
  let last: number | null = null;
  for (const r of rows) {
    if (r.station !== last) out.push([]);
    out[out.length - 1].push(r);
    last = r.station;
  }
  return out;
}

/** Everything the Paper objects of these rows embed or name, read at once. */
function loadParts(c: OparlContext, papers: OparlPaperRow[]): PaperParts {
  const ids = papers.map((p) => p.id);
  const byPaper = groupBy(loadOparlStations(c.sqlite, ids), (r) => r.paper_id);
  const stations = new Map<number, OparlStationRow[][]>(ids.map((id) => [id, toStations(byPaper.get(id) ?? [])]));
  const files = groupBy(loadOparlPaperFiles(c.sqlite, ids), (f) => f.paper_id ?? 0);
  const names: string[] = [];
  const refs: string[] = [];
  for (const p of papers) {
    names.push(...(JSON.parse(p.under_direction_of) as string[]), ...(JSON.parse(p.originator) as string[]));
    refs.push(...(JSON.parse(p.related_references) as string[]));
  }
  for (const list of stations.values()) for (const s of list) if (s[0].organization) names.push(s[0].organization);
  const pr = new Map<number, ProgressSummary>();
  for (const [id, p] of loadPaperSummaries(c.sqlite, ids, c.today)) pr.set(id, p.summary);
  return { stations, files, orgKeys: organizationKeysByName(c.sqlite, c.source.id, names), paperKeys: paperKeysByReference(c.sqlite, c.source.id, refs), progress: pr };
}

function orgUrls(c: OparlContext, parts: PaperParts, names: (string | null)[]): string[] {
  return names.flatMap((n) => (n && parts.orgKeys.has(n) ? [c.urls.object(c.source.key, 'Organization', parts.orgKeys.get(n)!)] : []));
}

/**
 * A File of a paper's page (or one of its own when `paper` is null). Embedded in its Paper (`embedded`)
 * it leaves out the back-reference `paper`: OParl 1.1 gives File.paper only where the File is not
 * embedded ("Wird nur dann ausgegeben, wenn das File-Objekt nicht als eingebettetes Objekt aufgerufen wird").
 */
export function fileObject(c: OparlContext, f: OparlFileRow, paper: OparlPaperRow | null, embedded = false): OparlJson {
  const key = paper ? paperFileKey(paper.entity_key, f.position ?? 0) : f.entity_key!;
  // a document only a form on the RIS page posts has no address of its own: the page that offers it stands in
  const accessUrl = isHttp(f.url) ? f.url : paper && isHttp(paper.url) ? paper.url : c.urls.web(paper ? `/papers/${paper.id}` : '/');
  return compact({
    // in the order that repeats from File to File first (see consultationObjects)
    type: typeUrl('File'), ...(paper ? times(paper.first_seen_at, paper.updated_at) : {}),
    id: c.urls.object(c.source.key, 'File', key), name: f.name, fileName: f.file_name, mimeType: f.mime_type,
    size: f.size ?? null, accessUrl, paper: paper && !embedded ? [c.urls.object(c.source.key, 'Paper', paper.entity_key)] : null,
    [V('accessUrlIsPage')]: isHttp(f.url) ? null : true,
    [V('sha256')]: f.content_hash,
  });
}

/**
 * One station's Consultations: one per meeting row, or one for the station when it has none. Embedded in
 * their Paper (`embedded`) they leave out the back-reference `paper`, which OParl 1.1 asks for only where
 * the Consultation is fetched on its own ("nicht Teil einer internen Ausgabe").
 *
 * The properties stand in the order in which they repeat (JSON objects have none): what every
 * Consultation of the paper shares (type, times, web), then what its station's rows share, then the
 * row's own — so that gzip, which finds repeated byte runs, says each shared run with one back-reference
 * (a list page of 100 papers: 3 % fewer bytes than in the order of the schema).
 */
function consultationObjects(c: OparlContext, parts: PaperParts, p: OparlPaperRow, rows: OparlStationRow[], derived: SummaryStation | undefined, embedded: boolean): OparlJson[] {
  const s = rows[0];
  return rows.map((r) => compact({
    type: typeUrl('Consultation'),
    ...times(p.first_seen_at, p.updated_at),
    web: c.urls.web(`/papers/${p.id}`),
    id: c.urls.object(c.source.key, 'Consultation', consultationKey(p.entity_key, s.station, r.row ?? 0)),
    paper: embedded ? null : c.urls.object(c.source.key, 'Paper', p.entity_key),
    organization: orgUrls(c, parts, [s.organization]),
    [V('organization')]: s.organization,
    // left out where no role is known: a station of unknown role is not known to be non-authoritative
    authoritative: s.role_code == null ? null : s.role_code === 'decision',
    role: s.role,
    [V('roleCode')]: s.role_code,
    [V('stationStatus')]: s.station_status,
    [V('stationState')]: derived?.status ?? null,
    [V('station')]: s.station,
    agendaItem: r.item_key ? c.urls.object(c.source.key, 'AgendaItem', r.item_key) : null,
    meeting: r.meeting_key ? c.urls.object(c.source.key, 'Meeting', r.meeting_key) : null,
    [V('row')]: r.row,
    [V('meetingDate')]: r.date,
    [V('meetingName')]: r.name,
    [V('result')]: r.result,
    [V('resultCode')]: r.row === null ? null : r.result_code,
  }));
}

function nextStep(pr: ProgressSummary): OparlJson | null {
  if (!pr.next) return null;
  return compact({ organization: pr.next.organization, role: pr.next.role, date: pr.next.date });
}

function paperObject(c: OparlContext, parts: PaperParts, p: OparlPaperRow): OparlJson {
  const id = c.urls.object(c.source.key, 'Paper', p.entity_key);
  const t = times(p.first_seen_at, p.updated_at);
  if (p.url && c.gone.has(p.url)) return deletedObject(id, typeUrl('Paper'), t);
  const pr = parts.progress.get(p.id);
  const underDirectionOf = JSON.parse(p.under_direction_of) as string[];
  const originator = JSON.parse(p.originator) as string[];
  const related = JSON.parse(p.related_references) as string[];
  const files = (parts.files.get(p.id) ?? []).map((f) => fileObject(c, f, p, true));
  const stations = parts.stations.get(p.id) ?? [];
  return compact({
    id, type: typeUrl('Paper'), body: c.urls.body(c.source.key), name: p.name, reference: p.reference, date: p.date, paperType: p.paper_type,
    relatedPaper: related.flatMap((r) => (parts.paperKeys.has(r) && parts.paperKeys.get(r) !== p.entity_key ? [c.urls.object(c.source.key, 'Paper', parts.paperKeys.get(r)!)] : [])),
    underDirectionOf: orgUrls(c, parts, underDirectionOf),
    originatorOrganization: orgUrls(c, parts, originator),
    mainFile: c.omitInternal ? null : (files[0] ?? null),
    auxiliaryFile: c.omitInternal || files.length < 2 ? null : files.slice(1),
    consultation: c.omitInternal ? null : stations.flatMap((rows, i) => consultationObjects(c, parts, p, rows, pr?.stations[i], true)),
    ...t,
    web: c.urls.web(`/papers/${p.id}`),
    [V('originalUrl')]: isHttp(p.url) ? p.url : null,
    [V('originator')]: originator,
    [V('underDirectionOf')]: underDirectionOf,
    [V('relatedReferences')]: related,
    [V('public')]: p.public === null ? null : p.public === 1,
    [V('statusText')]: p.status_text,
    [V('state')]: pr?.state ?? null,
    [V('stateLabel')]: pr ? STATE_LABELS[pr.state] : null,
    [V('explanation')]: pr?.explanation ?? null,
    [V('explanationEn')]: pr?.explanationEn ?? null,
    [V('nextStep')]: pr ? nextStep(pr) : null,
    [V('lastActivity')]: pr?.lastActivity ?? null,
    [V('dataAsOf')]: p.data_as_of,
  });
}

export function paperObjects(c: OparlContext, papers: OparlPaperRow[]): OparlJson[] {
  const parts = loadParts(c, papers);
  return papers.map((p) => paperObject(c, parts, p));
}

/** The Consultations of these papers, in paper and Beratungsfolge order. */
export function consultationsOf(c: OparlContext, papers: OparlPaperRow[]): OparlJson[] {
  const parts = loadParts(c, papers);
  return papers.flatMap((p) => {
    if (p.url && c.gone.has(p.url)) return [];
    return (parts.stations.get(p.id) ?? []).flatMap((rows, i) => consultationObjects(c, parts, p, rows, parts.progress.get(p.id)?.stations[i], false));
  });
}

/** The Files of these papers' pages. */
export function paperFilesOf(c: OparlContext, papers: OparlPaperRow[]): OparlJson[] {
  const files = groupBy(loadOparlPaperFiles(c.sqlite, papers.map((p) => p.id)), (f) => f.paper_id ?? 0);
  return papers.flatMap((p) => (files.get(p.id) ?? []).map((f) => fileObject(c, f, p)));
}
