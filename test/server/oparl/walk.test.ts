/**
 * The OParl 1.1 API of the demo and the imported corpus, walked over real HTTP
 * on 127.0.0.1 from /oparl/v1.1/system through every list along links.next: every object (and every
 * object embedded in one) valid against the official OParl 1.1 schemas (ajv, formats included), every
 * object at its own id answering the same object as its list, every embedded object the same less its
 * back-reference, no null and no empty list, and no dangling reference: every URL of ratsradar an
 * object names answers 200.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { OpenedDb } from '../../../src/db/connection';
import { createApp } from '../../../src/server/app';
import fs from 'node:fs';
import path from 'node:path';
import { getJson, OPARL_SPEC, oparlValidators, walkOparl, type WalkResult } from '../../helpers/oparl-validate';
import { makeTmpDir } from '../../helpers/tmp';
import { buildWebDb, paperIdOf, WEB_TODAY } from '../../helpers/web-db';

describe('the OParl 1.1 API of the demo and the corpus', () => {
  const tmp = makeTmpDir();
  let opened: OpenedDb;
  let server: Server;
  let base: string;
  let walk: WalkResult;
  const count = (sql: string) => opened.sqlite.prepare(sql).pluck().get() as number;

  beforeAll(async () => {
    opened = buildWebDb(tmp.dir);
    const app = createApp(opened.sqlite, { today: () => WEB_TODAY });
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    walk = await walkOparl(`${base}/oparl/v1.1/system`);
  }, 300_000);
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    opened.close();
    tmp.cleanup();
  });

  test('the validators take the spec’s own examples and refuse what breaks the schemas (formats included)', () => {
    const v = oparlValidators();
    const examples = path.join(OPARL_SPEC, '..', 'examples');
    for (const file of fs.readdirSync(examples)) {
      const o = JSON.parse(fs.readFileSync(path.join(examples, file), 'utf8')) as { type: string };
      const validate = v.get(o.type.replace('https://schema.oparl.org/1.1/', ''))!;
      expect([file, validate(o), validate.errors ?? null]).toEqual([file, true, null]);
    }
    const T = 'https://schema.oparl.org/1.1/';
    const id = 'https://x.example/oparl/1';
    expect(v.get('Paper')!({ id: 'papers/1', type: `${T}Paper` })).toBe(false);
    expect(v.get('Paper')!({ id, type: `${T}Meeting` })).toBe(false);
    expect(v.get('Meeting')!({ id, type: `${T}Meeting`, start: '2026-12-03' })).toBe(false);
    expect(v.get('AgendaItem')!({ id, type: `${T}AgendaItem`, order: '1' })).toBe(false);
    expect(v.get('File')!({ id, type: `${T}File` })).toBe(false);
    expect(v.get('File')!({ id, type: `${T}File`, accessUrl: id, date: '2026-02-30' })).toBe(false);
  });

  test('every list page and every object is valid against the official schemas', () => {
    expect(walk.errors).toEqual([]);
    // more than one page of papers, meetings and agenda items (100 a page): links.next was followed
    expect(walk.pages).toBeGreaterThan(25 * 9 + 3);
  });

  test('the walk read its list pages as gzip, as OParl clients ask for them (every page of 1 KiB or more)', () => {
    expect([...walk.encodings.keys()]).toEqual(['gzip']);
    expect(walk.encodings.get('gzip')).toBeGreaterThan(25 * 3);
  });

  test('the lists hold every paper, meeting, agenda item, organization and person of every source, once', () => {
    expect(walk.listed.get('Body')).toBe(count('SELECT COUNT(*) FROM sources'));
    expect(walk.listed.get('Paper')).toBe(count('SELECT COUNT(*) FROM papers'));
    expect(walk.listed.get('Meeting')).toBe(count('SELECT COUNT(*) FROM meetings'));
    expect(walk.listed.get('AgendaItem')).toBe(count('SELECT COUNT(*) FROM agenda_items'));
    expect(walk.listed.get('Organization')).toBe(count('SELECT COUNT(*) FROM organizations'));
    expect(walk.listed.get('Person')).toBe(count('SELECT COUNT(*) FROM people'));
    expect(walk.listed.get('Membership')).toBe(count('SELECT COUNT(*) FROM memberships'));
    // the papers' documents and the meetings' own
    expect(walk.listed.get('File')).toBe(count('SELECT COUNT(*) FROM files') + count('SELECT COUNT(*) FROM meeting_files'));
    expect(count('SELECT COUNT(*) FROM meeting_files')).toBeGreaterThan(20);
    // one Consultation per meeting row, one per station without rows
    expect(walk.listed.get('Consultation')).toBe(count(`SELECT (SELECT COUNT(*) FROM consultation_meetings)
      + (SELECT COUNT(*) FROM consultations c WHERE NOT EXISTS (SELECT 1 FROM consultation_meetings m WHERE m.consultation_id = c.id))`));
    const ids = [...walk.objects.keys()];
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('every object stands at its own id, the same there as in its list', async () => {
    const wrong: string[] = [];
    expect(walk.objects.size).toBeGreaterThan(100);
    for (const [id, o] of walk.objects) {
      if (id === `${base}/oparl/v1.1/system`) continue;
      const got = await getJson(id);
      if (got.status !== 200) wrong.push(`${id}: HTTP ${got.status}`);
      else if (JSON.stringify(got.body) !== JSON.stringify(o)) wrong.push(`${id}: differs from the listed object`);
    }
    expect(wrong).toEqual([]);
  }, 300_000);

  test('an embedded object is the object at its id without the back-reference to the object it is embedded in (OParl 1.1)', () => {
    // File.paper (File.meeting, a meeting's own), Consultation.paper, AgendaItem.meeting, Location.meetings, Membership.person:
    // the spec gives these only where the object is not embedded ("nicht Teil einer internen Ausgabe")
    const BACK: Record<string, string> = { File: 'paper', Consultation: 'paper', AgendaItem: 'meeting', Location: 'meetings', Membership: 'person' };
    const MEETING = 'https://schema.oparl.org/1.1/Meeting';
    let meetingFiles = 0;
    const wrong: string[] = [];
    const dropped = new Map<string, number>();
    for (const [id, { object, in: container }] of walk.embedded) {
      const listed = walk.objects.get(id);
      const kind = String(object.type).replace('https://schema.oparl.org/1.1/', '');
      if (!listed) {
        wrong.push(`${id}: embedded in ${container}, but in no list`);
        continue;
      }
      const inMeeting = kind === 'File' && walk.objects.get(container)?.type === MEETING;
      if (inMeeting) meetingFiles++;
      const back = inMeeting ? 'meeting' : BACK[kind];
      const points = (v: unknown) => v === container || (Array.isArray(v) && v.length === 1 && v[0] === container);
      if (!back || !points(listed[back])) wrong.push(`${id}: its listed ${kind} names no ${back} back to ${container}`);
      const expected = Object.fromEntries(Object.entries(listed).filter(([k]) => k !== back));
      if (JSON.stringify(object) !== JSON.stringify(expected)) wrong.push(`${id}: embedded in ${container}, differs from its listed self less ${back}`);
      dropped.set(kind, (dropped.get(kind) ?? 0) + 1);
    }
    expect(wrong).toEqual([]);
    // papers embed consultations and files, meetings agenda items and places, persons memberships
    expect([...dropped.keys()].sort()).toEqual(['AgendaItem', 'Consultation', 'File', 'Location', 'Membership']);
    expect(Math.min(...dropped.values())).toBeGreaterThan(5);
    expect(meetingFiles).toBe(count('SELECT COUNT(*) FROM meeting_files'));
  });

  test('no object says nothing as null or as an empty list (OParl 1.1 leaves such a property out; a Body’s required legislativeTerm aside)', () => {
    const found: string[] = [];
    const scan = (x: unknown, at: string) => {
      if (x === null) found.push(`${at}: null`);
      else if (Array.isArray(x)) {
        if (x.length === 0 && !at.endsWith('/Body.legislativeTerm')) found.push(`${at}: []`);
        x.forEach((y, i) => scan(y, `${at}[${i}]`));
      } else if (typeof x === 'object') {
        const o = x as Record<string, unknown>;
        const kind = typeof o.type === 'string' ? o.type.replace('https://schema.oparl.org/1.1/', '/') : '';
        for (const [k, y] of Object.entries(o)) {
          // a vendor property's own value is ratsradar's record as it is (a vote's unknown counts stay null)
          if (k.startsWith('ratsradar:') && y !== null && !(Array.isArray(y) && y.length === 0)) continue;
          scan(y, `${at}${kind}.${k}`);
        }
      }
    };
    for (const [id, o] of walk.objects) scan(o, id);
    expect(found).toEqual([]);
    const body = [...walk.objects.values()].find((o) => o.type === 'https://schema.oparl.org/1.1/Body');
    expect(body?.legislativeTerm).toEqual([]);
  });

  test('no dangling reference: every URL of ratsradar an object names answers 200', async () => {
    const ours = [...walk.named].filter((u) => u.startsWith(base));
    expect(ours.length).toBeGreaterThan(walk.objects.size);
    const dangling: string[] = [];
    for (const url of ours) {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status !== 200) dangling.push(`${url}: HTTP ${res.status}`);
    }
    expect(dangling).toEqual([]);
  }, 300_000);

  test('a paper carries its derived state, explanation and next step, and points at ratsradar and the RIS', async () => {
    const id = paperIdOf(opened, 'hamburg-nord', '22-2402');
    const row = opened.sqlite.prepare('SELECT entity_key, url, state FROM papers WHERE id = ?').get(id) as { entity_key: string; url: string; state: string };
    const { status, body } = await getJson(`${base}/oparl/v1.1/bodies/hamburg-nord/papers/${row.entity_key}`);
    expect(status).toBe(200);
    const p = body as Record<string, unknown>;
    expect(p.id).toBe(`${base}/oparl/v1.1/bodies/hamburg-nord/papers/${row.entity_key}`);
    expect(p.web).toBe(`${base}/papers/${id}`);
    expect(p['ratsradar:originalUrl']).toBe(row.url);
    expect(p['ratsradar:state']).toBe(row.state);
    expect(typeof p['ratsradar:explanation']).toBe('string');
    expect((p['ratsradar:explanation'] as string).length).toBeGreaterThan(10);
  });
});
