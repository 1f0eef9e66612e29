/**
 * The OParl 1.1 API's rules beyond the walk (walk.test.ts): ids that survive a re-import in
 * another order into a new database (not row ids), absolute URLs from RATSRADAR_BASE_URL or the
 * request's validated host, the list filters (created_/modified_since, created_/modified_until, omit_internal, limit)
 * and their one-line JSON errors, the API's headers (CORS), and the soft delete of what the crawl found gone from the RIS.
 */
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import type { Express } from 'express';
import { openDb, type OpenedDb } from '../../../src/db/connection';
import { refreshDerived } from '../../../src/db/derive';
import { completeEntry, enqueue, startRun } from '../../../src/ingest/crawl/journal';
import { loadDemo } from '../../../src/ingest/demo';
import { importSavedPages } from '../../../src/ingest/saved-pages';
import { createApp } from '../../../src/server/app';
import { oparlValidators } from '../../helpers/oparl-validate';
import { CORPUS, makeTmpDir } from '../../helpers/tmp';
import { WEB_TODAY } from '../../helpers/web-db';
import { buildFixtureApp, type FixtureApp } from '../fixture-app';

const HOST = 'ratsradar.test';
const ROOT = `http://${HOST}/oparl/v1.1`;
type Json = Record<string, unknown>;

async function get(app: Express, url: string, status = 200): Promise<Json> {
  const res = await request(app).get(url.replace(/^https?:\/\/[^/]+/, '')).set('Host', HOST).expect(status);
  return res.body as Json;
}

/** Every object id of every list of every body, following links.next. */
async function allIds(app: Express): Promise<string[]> {
  const ids: string[] = [];
  const bodies = (await get(app, `${ROOT}/bodies`)).data as Json[];
  for (const b of bodies) {
    ids.push(b.id as string);
    for (const field of ['organization', 'person', 'meeting', 'paper', 'agendaItem', 'consultation', 'file', 'membership', 'locationList']) {
      for (let url: string | undefined = b[field] as string; url; ) {
        const page = await get(app, url);
        ids.push(...(page.data as Json[]).map((o) => o.id as string));
        url = (page.links as { next?: string }).next;
      }
    }
  }
  return ids.sort();
}

describe('the OParl API', () => {
  const tmp = makeTmpDir(); // the second database of the re-import test
  let fixture: FixtureApp;
  let opened: OpenedDb;
  let app: Express;

  beforeAll(() => {
    fixture = buildFixtureApp();
    ({ opened, app } = fixture);
  });
  afterAll(() => {
    fixture.cleanup();
    tmp.cleanup();
  });

  test('a Body names its RIS\'s own OParl system where data/sources.json knows it, also after a plain import of saved pages', async () => {
    const body = (key: string) => get(app, `${ROOT}/bodies/${key}`);
    expect((await body('leipzig'))['ratsradar:risOparlUrl']).toBe('https://ratsinfo.leipzig.de/bi/oparl/1.0/system.asp');
    expect((await body('augsburg'))['ratsradar:risOparlUrl']).toBe('https://www.augsburg.sitzung-online.de/public/oparl/system');
    // an ALLRIS 3 city without one in data/sources.json: none
    expect(await body('hamburg-nord')).not.toHaveProperty('ratsradar:risOparlUrl');
    // and its page on the web is the city's
    expect((await body('hamburg-nord')).web).toBe(`http://${HOST}/staedte/hamburg-nord`);
  });

  test('a Consultation says authoritative only where its station\'s role is known: true for Entscheidung, false for another role, left out without one', async () => {
    const byRole = (where: string) => opened.sqlite.prepare(`SELECT s.key AS source, p.entity_key AS paper, c.position AS station FROM consultations c
      JOIN papers p ON p.id = c.paper_id JOIN sources s ON s.id = p.source_id WHERE ${where} ORDER BY p.id, c.position LIMIT 1`).get() as { source: string; paper: string; station: number };
    const authoritative = async (r: { source: string; paper: string; station: number }) => {
      const paper = await get(app, `${ROOT}/bodies/${r.source}/papers/${encodeURIComponent(r.paper)}`);
      const c = (paper.consultation as Json[]).find((x) => x['ratsradar:station'] === r.station)!;
      return 'authoritative' in c ? c.authoritative : 'absent';
    };
    expect(await authoritative(byRole("c.role_code = 'decision'"))).toBe(true);
    expect(await authoritative(byRole("c.role_code = 'preliminary'"))).toBe(false);
    expect(await authoritative(byRole('c.role_code IS NULL'))).toBe('absent');
  });

  test('no list page is empty while it has a next one (papers without consultations or documents are read past); a made-up cursor is a 400', async () => {
    const bodies = ((await get(app, `${ROOT}/bodies`)).data as Json[]).map((b) => b.id as string);
    let pages = 0;
    for (const body of bodies) {
      for (const list of ['consultations', 'files']) {
        for (let url: string | undefined = `${body}/${list}?limit=2`; url; pages++) {
          const page = await get(app, url);
          const next = (page.links as { next?: string }).next;
          if (next) expect([url, (page.data as Json[]).length]).not.toEqual([url, 0]);
          url = next;
        }
      }
    }
    expect(pages).toBeGreaterThan(bodies.length * 2);
    for (const after of ['zzz', 'f', '12a', 'x1']) {
      const bad = await request(app).get(`/oparl/v1.1/bodies/hamburg-nord/papers?after=${after}`).set('Host', HOST).expect(400);
      expect(bad.body).toEqual({ error: 'after ist kein Verweis dieser Liste: die nächste Seite nennt links.next.', status: 400 });
    }
    await request(app).get('/oparl/v1.1/bodies/hamburg-nord/files?after=m0').set('Host', HOST).expect(200);
  });

  test('ids are the same after importing the same pages in another order into a new database; row ids are not', async () => {
    const other = openDb(path.join(tmp.dir, 'other.sqlite'));
    try {
      // the corpus folder by folder, last first, then the demo: every row gets another row id
      const folders = fs.readdirSync(CORPUS, { withFileTypes: true }).filter((d) => d.isDirectory())
        .flatMap((d) => fs.readdirSync(path.join(CORPUS, d.name), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => path.join(CORPUS, d.name, e.name)))
        .sort().reverse();
      for (const f of folders) importSavedPages(other.sqlite, [f], { now: '2026-11-24T09:00:00Z', today: WEB_TODAY });
      loadDemo(other.sqlite, '2026-11-24T09:00:00Z', WEB_TODAY);
      refreshDerived(other.sqlite, WEB_TODAY);
      const rowId = (db: OpenedDb) => db.sqlite.prepare("SELECT id FROM papers WHERE entity_key = '9002'").pluck().get();
      expect(rowId(other)).not.toBe(rowId(opened));
      const [ids, again] = [await allIds(app), await allIds(createApp(other.sqlite, { today: () => WEB_TODAY }))];
      expect(ids.length).toBeGreaterThan(1500);
      expect(again).toEqual(ids);
    } finally {
      other.close();
    }
  }, 300_000);

  test('absolute URLs come from RATSRADAR_BASE_URL, else from the request’s host; an invalid host is a 400', async () => {
    const before = process.env.RATSRADAR_BASE_URL;
    try {
      process.env.RATSRADAR_BASE_URL = 'https://ratsradar.example.org/';
      const system = await get(createApp(opened.sqlite, { today: () => WEB_TODAY }), '/oparl/v1.1/system');
      expect(system).toMatchObject({ id: 'https://ratsradar.example.org/oparl/v1.1/system', body: 'https://ratsradar.example.org/oparl/v1.1/bodies' });
      delete process.env.RATSRADAR_BASE_URL;
      // a new app: the answer cache of the first knows the answer under the other base (the setting is fixed in a running server)
      const plain = createApp(opened.sqlite, { today: () => WEB_TODAY });
      expect((await get(plain, '/oparl/v1.1/system')).id).toBe(`${ROOT}/system`);
      const bad = await request(app).get('/oparl/v1.1/system').set('Host', 'a b').expect(400);
      expect(bad.body).toEqual({ error: 'Ungültige Host-Angabe in der Anfrage.', status: 400 });
    } finally {
      if (before === undefined) delete process.env.RATSRADAR_BASE_URL;
      else process.env.RATSRADAR_BASE_URL = before;
    }
  });

  test('limit and links.next page through a list without repeats; the filters keep only what is new enough', async () => {
    const list = `${ROOT}/bodies/demo-musterstadt/papers`;
    const first = await get(app, `${list}?limit=5`);
    expect((first.data as Json[]).length).toBe(5);
    expect(first.pagination).toEqual({ elementsPerPage: 5 });
    const seen: string[] = [];
    for (let url: string | undefined = `${list}?limit=5`; url; ) {
      const page = await get(app, url);
      seen.push(...(page.data as Json[]).map((o) => o.id as string));
      url = (page.links as { next?: string }).next;
    }
    expect(seen.length).toBe(12);
    expect(new Set(seen).size).toBe(12);
    expect(((await get(app, `${list}?modified_since=2026-11-24T10:00:00%2B01:00`)).data as Json[]).map((o) => o.id)).toHaveLength(12);
    expect((await get(app, `${list}?modified_since=2026-11-24T09:00:01Z`)).data).toEqual([]);
    expect((await get(app, `${list}?created_since=2027-01-01T00:00:00Z`)).data).toEqual([]);
    expect((await get(app, `${list}?modified_until=2026-11-24T08:59:59Z`)).data).toEqual([]);
    expect((await get(app, `${list}?created_until=2026-11-24T10:00:00%2B01:00&modified_until=2026-11-24T09:00:00Z`)).data).toHaveLength(12);
    const next = await get(app, `${list}?limit=5&modified_since=2026-01-01T00:00:00Z`);
    expect((next.links as { next: string }).next).toBe(`${list}?modified_since=2026-01-01T00%3A00%3A00Z&limit=5&after=${new URL((next.links as { next: string }).next).searchParams.get('after')}`);
  });

  test('every OParl answer (a list page, an object, a cached one again, an error) carries Access-Control-Allow-Origin: * and the API’s headers; pages keep theirs', async () => {
    const API = { 'access-control-allow-origin': '*', 'x-content-type-options': 'nosniff', 'content-security-policy': "default-src 'none';frame-ancestors 'none'" };
    const PAGE_ONLY = ['x-frame-options', 'referrer-policy', 'cross-origin-opener-policy', 'cross-origin-resource-policy', 'origin-agent-cluster', 'x-dns-prefetch-control', 'x-download-options', 'x-permitted-cross-domain-policies', 'x-xss-protection'];
    const list = '/oparl/v1.1/bodies/demo-musterstadt/papers';
    for (const [url, status] of [[list, 200], [list, 200], [`${list}?limit=2`, 200], ['/oparl/v1.1/system', 200], [`${list}/0`, 404], [`${list}?limit=x`, 400]] as const) {
      const res = await request(app).get(url).set('Host', HOST).set('Accept-Encoding', 'gzip').expect(status);
      expect([url, Object.fromEntries(Object.keys(API).map((h) => [h, res.headers[h]]))]).toEqual([url, API]);
      expect([url, PAGE_ONLY.filter((h) => h in res.headers)]).toEqual([url, []]);
    }
    const page = await request(app).get('/').set('Host', HOST).expect(200);
    expect(page.headers['access-control-allow-origin']).toBeUndefined();
    expect(page.headers['content-security-policy']).toContain("style-src 'self'");
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  test('omit_internal leaves the embedded objects out', async () => {
    const papers = (await get(app, `${ROOT}/bodies/demo-musterstadt/papers?omit_internal=true`)).data as Json[];
    expect(papers.some((p) => 'consultation' in p || 'mainFile' in p || 'auxiliaryFile' in p)).toBe(false);
    expect(papers.every((p) => typeof p['ratsradar:state'] === 'string')).toBe(true);
    const meetings = (await get(app, `${ROOT}/bodies/demo-musterstadt/meetings?omit_internal=true`)).data as Json[];
    expect(meetings.some((m) => 'agendaItem' in m || 'location' in m)).toBe(false);
    const full = (await get(app, `${ROOT}/bodies/demo-musterstadt/meetings`)).data as Json[];
    expect(full.filter((m) => Array.isArray(m.agendaItem) && (m.agendaItem as Json[]).length > 0).length).toBeGreaterThan(10);
  });

  test('a meeting\'s own documents are its invitation, protocols and auxiliary files, by their names; each a File at its own id', async () => {
    const meetingOf = async (body: string, name: RegExp) => {
      const meetings = (await get(app, `${ROOT}/bodies/${body}/meetings`)).data as Json[];
      return meetings.find((m) => name.test(String(m.name)))!;
    };
    const names = (v: unknown) => (Array.isArray(v) ? v.map((f) => (f as Json).name) : v ? (v as Json).name : null);
    const roles = (m: Json) => ['invitation', 'resultsProtocol', 'verbatimProtocol', 'auxiliaryFile'].map((k) => [k, names(m[k])]);
    // the OParl spec's own meeting example (the corpus's synthetic meeting): its four kinds come back as they were
    expect(roles(await meetingOf('oparl-spec-example', /./))).toEqual([
      ['invitation', 'Einladung'], ['resultsProtocol', 'Protokoll'], ['verbatimProtocol', 'Wortprotokoll'], ['auxiliaryFile', ['Nachtrags-Tagesordnung']],
    ]);
    // Taunusstein's ALLRIS 4 page: the first Niederschrift is the results protocol, the others auxiliary files
    const taunusstein = await meetingOf('taunusstein', /Ortsbeirates Bleidenstadt/);
    expect(roles(taunusstein)).toEqual([
      ['invitation', 'Einladung'], ['resultsProtocol', 'Niederschrift gesamt'], ['verbatimProtocol', null],
      ['auxiliaryFile', ['Bekanntmachung', 'Niederschrift öffentlich', 'Niederschrift nichtöffentlich']],
    ]);
    const invitation = taunusstein.invitation as Json;
    expect(invitation.accessUrl).toBe('https://www.taunusstein.de/allris/wicket/resource/org.apache.wicket.Application/doc243270.pdf');
    expect(await get(app, invitation.id as string)).toEqual({ ...invitation, meeting: [taunusstein.id] });
    // Bonn's ALLRIS OParl calls its agenda the invitation ("Öffentliche Tagesordnung"): so does ratsradar's output
    expect(roles(await meetingOf('bonn', /./))).toEqual([
      ['invitation', 'Öffentliche Tagesordnung'], ['resultsProtocol', null], ['verbatimProtocol', null], ['auxiliaryFile', ['Alle Anlagen öffentlich']],
    ]);
    // Hamburg-Altona: the Einladung before the current agenda ("Aktuelle TO")
    expect(roles(await meetingOf('hamburg-altona', /./))).toEqual([
      ['invitation', 'Einladung'], ['resultsProtocol', 'Niederschrift öffent. Teil'], ['verbatimProtocol', null],
      ['auxiliaryFile', ['Aktuelle TO', 'Alle Dokumente zur Sitzung im Paket']],
    ]);
    // Hildesheim calls its minutes "NIE öffentl." (domain/minutes.ts): the results protocol; its Bekanntmachung no invitation
    expect(roles(await meetingOf('hildesheim', /./))).toEqual([
      ['invitation', null], ['resultsProtocol', 'NIE öffentl.'], ['verbatimProtocol', null], ['auxiliaryFile', ['Bekanntmachung']],
    ]);
    // a meeting without documents of its own names none
    const demo = (await get(app, `${ROOT}/bodies/demo-musterstadt/meetings`)).data as Json[];
    expect(demo.some((m) => 'invitation' in m || 'resultsProtocol' in m || 'auxiliaryFile' in m)).toBe(false);
  });

  test('bad parameters and unknown addresses answer a one-line JSON error', async () => {
    const list = `${ROOT}/bodies/demo-musterstadt/papers`;
    expect(await get(app, `${list}?modified_since=gestern`, 400)).toEqual({
      error: 'modified_since muss ein Zeitpunkt nach RFC 3339 sein (z. B. 2026-11-01T00:00:00+01:00).', status: 400,
    });
    expect((await get(app, `${list}?limit=0`, 400)).status).toBe(400);
    expect((await get(app, `${list}?limit=5&limit=6`, 400)).error).toBe('Jeder Parameter darf nur einmal angegeben werden.');
    expect(await get(app, `${ROOT}/bodies/nirgendwo/papers`, 404)).toEqual({ error: 'Diese Körperschaft gibt es nicht.', status: 404 });
    expect((await get(app, `${ROOT}/bodies/demo-musterstadt/votes`, 404)).error).toBe('Diese Liste gibt es nicht.');
    expect((await get(app, `${ROOT}/bodies/demo-musterstadt/papers/0`, 404)).error).toBe('Dieses Objekt gibt es nicht.');
    expect((await get(app, `${ROOT}/bodies/demo-musterstadt/consultations/9002~99~0`, 404)).status).toBe(404);
  });

  test('a paper whose RIS page the crawl found gone (404) is soft-deleted: deleted: true at its id and in its list, until it is there again', async () => {
    const paper = opened.sqlite.prepare("SELECT p.source_id, p.entity_key, p.url FROM papers p JOIN sources s ON s.id = p.source_id WHERE s.key = 'hamburg-nord' AND p.url IS NOT NULL ORDER BY p.id LIMIT 1")
      .get() as { source_id: number; entity_key: string; url: string };
    const id = `${ROOT}/bodies/hamburg-nord/papers/${paper.entity_key}`;
    const visit = (outcome: string, state: 'done' | 'skipped') => {
      const run = startRun(opened.sqlite, { sourceId: paper.source_id, mode: 'incremental', since: null, until: null, today: WEB_TODAY, now: '2026-11-24T12:00:00Z', pid: process.pid });
      enqueue(opened.sqlite, run, [{ url: paper.url, kind: 'paper' }], null, '2026-11-24T12:00:00Z');
      const entry = opened.sqlite.prepare('SELECT id FROM crawl_queue WHERE run_id = ?').pluck().get(run) as number;
      completeEntry(opened.sqlite, entry, state, outcome, outcome === 'not-found' ? 'HTTP 404' : null, 1, '2026-11-24T12:00:00Z');
    };
    expect((await get(app, id)).deleted).toBeUndefined();
    visit('not-found', 'skipped');
    const gone = await get(app, id);
    expect(gone).toEqual({ id, type: 'https://schema.oparl.org/1.1/Paper', created: '2026-11-24T09:00:00Z', modified: '2026-11-24T09:00:00Z', deleted: true });
    expect(oparlValidators().get('Paper')!(gone)).toBe(true);
    const listed = ((await get(app, `${ROOT}/bodies/hamburg-nord/papers`)).data as Json[]).find((o) => o.id === id);
    expect(listed).toEqual(gone);
    visit('unchanged', 'done');
    expect((await get(app, id)).deleted).toBeUndefined();
  });
});
