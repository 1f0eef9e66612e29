/** `ratsradar replay DIR [--port P] [--manifest FILE] [--faults FILE] [--no-conditional]`: serves recorded pages until stopped. */
import fs from 'node:fs';
import { CommandError } from '../command-args';
import { loadReplayPages } from './manifest';
import { validateFaults, type FaultConfig } from './faults';
import { ReplayServer } from './server';

export interface ReplayCommandOptions {
  dir: string;
  port: number;
  manifest?: string;
  faults?: string;
  conditional: boolean;
  out: (line: string) => void;
}

export function readFaultFile(file: string): FaultConfig {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new CommandError(`cannot read the fault file ${file}: ${(err as Error).message.split('\n')[0]}`);
  }
  try {
    return validateFaults(parsed);
  } catch (err) {
    throw new CommandError(`${file}: ${(err as Error).message}`);
  }
}

/** Starts the server; resolves with the exit code once SIGINT / SIGTERM stop it. */
export async function runReplay(o: ReplayCommandOptions): Promise<number> {
  const pages = loadReplayPages(o.dir, o.manifest);
  const faults = o.faults ? readFaultFile(o.faults) : undefined;
  const server = new ReplayServer(pages, { faults, conditional: o.conditional });
  let url: string;
  try {
    ({ url } = await server.listen(o.port));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new CommandError(`cannot listen on 127.0.0.1:${o.port}: ${code === 'EADDRINUSE' ? 'address already in use' : (err as Error).message}`);
  }
  const hosts = new Set(pages.map((p) => new URL(p.url).hostname));
  o.out(`ratsradar replays ${server.pageCount} pages of ${hosts.size} hosts on ${url}/ (crawl with --via ${url})`);
  server.on('request', (r) => o.out(`${r.method} ${r.url} → ${r.status}${r.fault ? ` (fault: ${r.fault})` : ''}`));
  return new Promise((resolve) => {
    const stop = () => {
      void server.close().then(() => resolve(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
