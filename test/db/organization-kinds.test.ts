/**
 * OParl Organizations of a system other than ALLRIS (whose ids name no ALLRIS typ: "org:<id>") are told
 * apart by what they say of themselves (classification, organizationType): the OParl spec's own
 * Organization example (a committee) and hand-made ones in its shape — a faction, the council, a party —
 * are stored as committee, faction, parliament and organization, and /gremien lists the faction after the
 * committees, labelled as one. They were all kind 'organization' ("Gremium") before.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import request from 'supertest';
import { openDb } from '../../src/db/connection';
import { importRecords } from '../../src/db/import';
import { createApp } from '../../src/server/app';
import { parsePage } from '../../scrapers/parse';
import type { OrganizationRecord } from '../../scrapers/records';
import { makeTmpDir } from '../helpers/tmp';

const SPEC_EXAMPLE = path.resolve(__dirname, '../../../shared/oparl-spec/examples/Organization-01.json');
const SOURCE = { key: 'beispielstadt', name: 'Beispielstadt', system: 'oparl' };
const T = 'https://schema.oparl.org/1.1/Organization';
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('OParl organizations of other systems, by their classification and type', () => {
  const tmp = makeTmpDir();
  afterAll(() => tmp.cleanup());

  test('stored as what they are; /gremien lists the faction as a faction', async () => {
    const spec = parsePage(fs.readFileSync(SPEC_EXAMPLE), 'https://oparl.example.org/organization/34') as OrganizationRecord;
    expect([spec.name, spec.organizationType, spec.classification]).toEqual(['Ausschuss für Haushalt und Finanzen', 'Gremium', 'Ausschuss']);
    // HAND-MADE, in the spec example's shape
    const made = (id: number, name: string, extra: object) =>
      parsePage(Buffer.from(JSON.stringify({ id: `https://oparl.example.org/organization/${id}`, type: T, name, ...extra })), null) as OrganizationRecord;
    const records = [
      spec,
      made(35, 'Fraktion Bürger für Beispielstadt', { organizationType: 'Fraktion', classification: 'Fraktion' }),
      made(1, 'Rat der Stadt Beispielstadt', { organizationType: 'Gremium', classification: 'Hauptorgan' }),
      made(90, 'Ortsverband der Beispielpartei', { organizationType: 'Partei' }),
    ];
    const { sqlite, close } = openDb(path.join(tmp.dir, 'kinds.sqlite'));
    try {
      importRecords(sqlite, SOURCE, records, '2026-10-05T08:00:00Z');
      expect(sqlite.prepare('SELECT entity_key, name, kind FROM organizations ORDER BY entity_key').all()).toEqual([
        { entity_key: 'org:1', name: 'Rat der Stadt Beispielstadt', kind: 'parliament' },
        { entity_key: 'org:34', name: 'Ausschuss für Haushalt und Finanzen', kind: 'committee' },
        { entity_key: 'org:35', name: 'Fraktion Bürger für Beispielstadt', kind: 'faction' },
        { entity_key: 'org:90', name: 'Ortsverband der Beispielpartei', kind: 'organization' },
      ]);
      const app = createApp(sqlite, { today: () => '2026-10-05' });
      const $ = cheerio.load((await request(app).get('/gremien?stadt=beispielstadt').expect(200)).text);
      const rows = $('table tbody tr').map((_, tr) => squash($(tr).text())).get();
      // committees first (by name), the faction after them, named as one and without a queue
      expect(rows).toEqual([
        'Ausschuss für Haushalt und Finanzen – – 0 Vorlagen',
        'Ortsverband der Beispielpartei – – 0 Vorlagen',
        'Rat der Stadt Beispielstadt – – 0 Vorlagen',
        'Fraktion Bürger für Beispielstadt (Fraktion) – – –',
      ]);
    } finally {
      close();
    }
  });
});
