/**
 * The web app in a process of its own for the load tests: `node --require tsx/cjs test/helpers/serve-child.ts DB TODAY`
 * listens on a free loopback port and prints "port <n>". Whatever it writes to stderr is the test's evidence
 * of trouble (SQLITE_BUSY would show there).
 */
import { openDb } from '../../src/db/connection';
import { createApp } from '../../src/server/app';

const [file, today] = process.argv.slice(2);
if (!file || !today) {
  process.stderr.write('usage: serve-child DB TODAY\n');
  process.exit(2);
}
const { sqlite } = openDb(file);
const server = createApp(sqlite, { today: () => today }).listen(0, '127.0.0.1', () => {
  const addr = server.address();
  process.stdout.write(`port ${typeof addr === 'object' && addr ? addr.port : 0}\n`);
});
process.on('SIGTERM', () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
