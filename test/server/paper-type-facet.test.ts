/**
 * A paper type of an earlier catalogue ("Beschlussvorlage (bis 31.12.2022)", ALLRIS-NOTES §5) is one value
 * of the type facet with the type of today's catalogue: counted together, found together by the filter
 * (?art=…); each motion keeps its type as the RIS writes it. Hand-made records in the shape of ALLRIS's.
 */
import path from 'node:path';
import * as cheerio from 'cheerio';
import request from 'supertest';
import { openDb } from '../../src/db/connection';
import { refreshDerived } from '../../src/db/derive';
import { importRecords } from '../../src/db/import';
import { createApp } from '../../src/server/app';
import { paper } from '../helpers/records';
import { makeTmpDir } from '../helpers/tmp';

const NOW = '2026-11-24T09:00:00Z';
const TODAY = '2026-11-24';

describe('paper types of an earlier catalogue', () => {
  const tmp = makeTmpDir();
  afterAll(() => tmp.cleanup());

  test('one facet value, counted and filtered together; each motion keeps its type as written', async () => {
    const { sqlite, close } = openDb(path.join(tmp.dir, 'types.sqlite'));
    try {
      importRecords(sqlite, { key: 'stadt', name: 'Stadt' }, [
        paper({ sourceId: '1', reference: 'V-1', name: 'Alt', paperType: 'Beschlussvorlage (bis 31.12.2022)', date: '2022-06-01' }),
        paper({ sourceId: '2', reference: 'V-2', name: 'Neu', paperType: 'Beschlussvorlage', date: '2023-02-01' }),
        paper({ sourceId: '3', reference: 'V-3', name: 'Antrag', paperType: 'Antrag', date: '2023-03-01' }),
        paper({ sourceId: '4', reference: 'V-4', name: 'Anderer Katalog', paperType: 'Mitteilung (bis 30.06.2021)', date: '2021-03-01' }),
      ], NOW);
      refreshDerived(sqlite, TODAY);
      const app = createApp(sqlite, { today: () => TODAY });
      const $ = cheerio.load((await request(app).get('/?thema=alle').expect(200)).text);
      expect($('select#f-art option').toArray().filter((o) => $(o).attr('value')).map((o) => [$(o).attr('value'), $(o).text().trim()])).toEqual([
        ['Antrag', 'Antrag (1)'], ['Beschlussvorlage', 'Beschlussvorlage (2)'], ['Mitteilung', 'Mitteilung (1)'],
      ]);
      const listed = async (art: string) => {
        const body = (await request(app).get(`/vorlagen.json?thema=alle&art=${encodeURIComponent(art)}`).expect(200)).body as { items: { reference: string }[] };
        return body.items.map((i) => i.reference).sort();
      };
      expect(await listed('Beschlussvorlage')).toEqual(['V-1', 'V-2']);
      expect(await listed('Mitteilung')).toEqual(['V-4']);
      expect(await listed('Antrag')).toEqual(['V-3']);
      // each motion keeps its type as written
      const items = (await request(app).get('/vorlagen.json?thema=alle&art=Beschlussvorlage').expect(200)).body.items as { reference: string; paperType: string }[];
      expect(items.map((i) => [i.reference, i.paperType]).sort()).toEqual([['V-1', 'Beschlussvorlage (bis 31.12.2022)'], ['V-2', 'Beschlussvorlage']]);
    } finally {
      close();
    }
  });
});
