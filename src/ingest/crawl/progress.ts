/**
 * What a crawl shows while it runs: a progress bar on a terminal (cli-progress), structured logs
 * (pino, JSON lines on stderr) otherwise — one line per page, one per retry.
 */
import cliProgress from 'cli-progress';
import pino from 'pino';
import type { FetchEvent } from '../fetch/fetcher';
import type { CrawlObserver } from './crawler';

export interface ProgressDisplay extends CrawlObserver {
  stop(): void;
}

export function terminalProgress(stream: NodeJS.WriteStream): ProgressDisplay {
  const bar = new cliProgress.SingleBar(
    { stream, format: '{bar} {value}/{total} Seiten | {url}', hideCursor: true, clearOnComplete: true, etaBuffer: 50 },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    progress(done, total, url) {
      const short = url.length > 70 ? `…${url.slice(-69)}` : url;
      if (!started) {
        bar.start(total, done, { url: short });
        started = true;
      } else {
        bar.setTotal(total);
        bar.update(done, { url: short });
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

/** JSON lines on stderr (file descriptor 2), so stdout keeps the report alone. */
export function logProgress(source: string): ProgressDisplay {
  const log = pino({ name: 'ratsradar-crawl', base: { source } }, pino.destination({ dest: 2, sync: true }));
  return {
    progress(done, total, url, outcome) {
      log.info({ url, outcome, done, total }, 'page');
    },
    fetchEvent(e: FetchEvent) {
      if (e.type === 'retry') log.warn({ url: e.url, reason: e.reason, waitMs: e.waitMs, attempt: e.attempt }, 'retry');
      else if (e.type === 'robots') log.info({ origin: e.origin, robots: e.outcome }, 'robots.txt');
    },
    stop() {
      log.flush?.();
    },
  };
}
