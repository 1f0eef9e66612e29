/** `ratsradar serve`: the web app on a port, with the demo data in an empty database, the refresher and the alert mailer. */
import { openDb } from './db/connection';
import { paperCount } from './db/queries';
import { loadDemo, reloadDemoIfShifted } from './ingest/demo';
import { createApp } from './server/app';
import { createHttpServer } from './server/http-server';
import { requestLogLevel, type LogLevel } from './server/request-log';
import { parseDuration, serveRefresher } from './ingest/crawl/refresh';
import { CommandError, dbPathOf, option, type CommandArgs } from './ingest/command-args';
import { nowIso, todayInBerlin } from './util/clock';
import { notifyIntervalMs, notifyTimer } from './alerts/commands';
import { mailSetupFromEnv } from './alerts/config';

export function serveCommand(args: CommandArgs): Promise<number> {
  const portText = option(args, 'port') ?? process.env.PORT ?? '3000';
  const port = Number(portText);
  if (args.positional.length) throw new CommandError(`serve takes no arguments, got: ${args.positional.join(' ')}`);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CommandError(`not a port number: ${portText}`);
  const host = option(args, 'host') ?? '127.0.0.1';
  const refreshText = option(args, 'refresh');
  const refreshMs = refreshText === undefined ? null : parseDuration(refreshText);
  if (refreshText !== undefined && refreshMs === null) throw new CommandError(`--refresh needs a duration like 6h, 30m or 1d, got "${refreshText}"`);
  let logLevel: LogLevel;
  try {
    logLevel = requestLogLevel(process.env);
  } catch (err) {
    throw new CommandError((err as Error).message);
  }
  const mail = mailSetupFromEnv();
  if (mail.state === 'broken') throw new Error(`serve: e-mail alerts: ${mail.reason}`);
  const file = dbPathOf(args);
  const { sqlite } = openDb(file);
  if (!args.options.has('no-demo') && paperCount(sqlite) === 0) {
    const c = loadDemo(sqlite, nowIso(), todayInBerlin());
    process.stdout.write(
      `database was empty: loaded the demo data set (${c.inserted} motions, ${c.byKind.Organization.inserted} committees, ${c.byKind.Meeting.inserted} meetings)\n`,
    );
  }
  // the demo's story is shifted to sit around today (src/ingest/demo-shift.ts): a database holding it with
  // another week's shift (a later start, or this server running into a new week) gets it loaded again
  const onNewDay = (day: string) => {
    const shift = reloadDemoIfShifted(sqlite, nowIso(), day);
    if (shift != null) process.stdout.write(`the demo data set was loaded again, its dates shifted by ${shift} days to sit around ${day}\n`);
  };
  const notifier = mail.state === 'on' ? notifyTimer(sqlite, mail.config, notifyIntervalMs()) : null;
  const app = createApp(sqlite, {
    today: () => todayInBerlin(), onNewDay, mail: mail.state === 'on' ? mail.config : null, onAlertQueued: () => notifier?.kick(), log: { level: logLevel },
  });
  const refresher = refreshMs ? serveRefresher(sqlite, file, refreshMs, { via: option(args, 'via') }) : null;
  return new Promise((resolve) => {
    const server = createHttpServer(app).listen(port, host, () => {
      process.stdout.write(`ratsradar serves ${file} on http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/\n`);
      if (refresher) process.stdout.write(`refreshing the crawled sources every ${refreshText}\n`);
      refresher?.start();
      if (notifier) process.stdout.write('sending e-mail alerts through the configured SMTP server\n');
      notifier?.start();
    });
    server.on('error', (err: NodeJS.ErrnoException) => {
      process.stderr.write(`ratsradar serve: cannot listen on ${host}:${port}: ${err.code === 'EADDRINUSE' ? 'address already in use' : err.message}\n`);
      resolve(1);
    });
    const stop = () => {
      server.close(() => void Promise.all([refresher?.stop(), notifier?.stop()]).then(() => resolve(0)));
      server.closeIdleConnections();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
