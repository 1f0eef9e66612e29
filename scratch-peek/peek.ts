import path from 'node:path';
import fs from 'node:fs';
import request from 'supertest';
import * as cheerio from 'cheerio';
import { buildWebDb, WEB_TODAY } from '../test/helpers/web-db';
import { createApp } from '../src/server/app';
const dir = fs.mkdtempSync('/tmp/dd/peek-');
const opened = buildWebDb(dir);
const app = createApp(opened.sqlite, { today: () => WEB_TODAY });
(async () => {
  for (const sid of process.argv.slice(2)) {
    const id = opened.sqlite.prepare("SELECT m.id FROM meetings m JOIN sources s ON s.id=m.source_id WHERE s.key LIKE 'demo%' AND m.source_record_id = ?").pluck().get(sid) as number;
    const $ = cheerio.load((await request(app).get(`/meetings/${id}`)).text);
    $('table.agenda tbody tr').each((_, tr) => console.log($(tr).text().replace(/\s+/g, ' ')));
    console.log($('.stand').text());
    console.log((await request(app).get(`/meetings/${id}/agenda.csv`)).text);
  }
  opened.close();
})();
