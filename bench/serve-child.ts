/**
 * The server under test, in a child process of its own (forked by bench/serve.ts): the real app
 * (createApp) on a generated database, mounted beside a bare Express route (`/__bare`, a fixed string)
 * in the same process. Tells its parent the port; answers "stats" with its peak RSS (VmHWM).
 */
import express from 'express';
import { openDb } from '../src/db/connection';
import { createApp } from '../src/server/app';
import { memoryOfSelf } from './memory';

const [file, today] = process.argv.slice(2);
if (!file || !today || !process.send) {
  process.stderr.write('usage: forked by bench/serve.ts with <db file> <today>\n');
  process.exit(2);
}

const { sqlite, close } = openDb(file);
const outer = express();
outer.disable('x-powered-by');
outer.get('/__bare', (_req, res) => {
  res.type('text').send('ratsradar bench: a fixed string');
});
outer.use(createApp(sqlite, { today: () => today }));

const server = outer.listen(0, '127.0.0.1', () => {
  const addr = server.address();
  process.send!({ type: 'ready', port: typeof addr === 'object' && addr ? addr.port : 0 });
});

process.on('message', (msg: { type: string }) => {
  if (msg.type === 'stats') process.send!({ type: 'stats', memory: memoryOfSelf() });
  if (msg.type === 'stop') {
    server.close(() => {
      close();
      process.exit(0);
    });
    server.closeAllConnections();
  }
});
