/**
 * The data stamp (src/server/data-stamp.ts) on two connections to one real SQLite file: another
 * connection's commit changes the stamp from the next turn of the event loop on (within one turn the
 * version read at its start holds), this connection's own writes change it at once, and an unchanged
 * database keeps its stamp across turns.
 */
import path from 'node:path';
import { openDb, type OpenedDb } from '../../src/db/connection';
import { dataStamp } from '../../src/server/data-stamp';
import { makeTmpDir } from '../helpers/tmp';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('data stamp', () => {
  const tmp = makeTmpDir();
  let server: OpenedDb;
  let writer: OpenedDb;
  beforeAll(() => {
    const file = path.join(tmp.dir, 'stamp.sqlite');
    server = openDb(file);
    writer = openDb(file);
  });
  afterAll(() => {
    server.close();
    writer.close();
    tmp.cleanup();
  });

  it("sees another connection's commit from the next turn on, and its own writes at once", async () => {
    await nextTurn();
    const before = dataStamp(server.sqlite);
    await nextTurn();
    expect(dataStamp(server.sqlite)).toBe(before);

    writer.sqlite.prepare("INSERT INTO sources (key, name, system, base_url) VALUES ('x', 'X', 'allris3', 'http://127.0.0.1/')").run();
    // the same turn: the version read at its start
    expect(dataStamp(server.sqlite)).toBe(before);
    await nextTurn();
    const afterOther = dataStamp(server.sqlite);
    expect(afterOther).not.toBe(before);
    expect(afterOther.split('.')[1]).toBe(before.split('.')[1]);

    server.sqlite.prepare("UPDATE sources SET name = 'Y' WHERE key = 'x'").run();
    const afterOwn = dataStamp(server.sqlite);
    expect(afterOwn).not.toBe(afterOther);
    expect(afterOwn.split('.')[0]).toBe(afterOther.split('.')[0]);
  });
});
