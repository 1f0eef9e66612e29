/** A replay server over ../shared/corpus (test/fixtures/replay/corpus-manifest.json) on 127.0.0.1, for crawl tests. */
import path from 'node:path';
import { loadManifest } from '../../src/ingest/replay/manifest';
import { ReplayServer, type ReplayOptions } from '../../src/ingest/replay/server';
import { CORPUS } from './tmp';

export const CORPUS_MANIFEST = path.resolve(__dirname, '..', 'fixtures', 'replay', 'corpus-manifest.json');

export function corpusPages() {
  return loadManifest(CORPUS_MANIFEST, CORPUS);
}

export async function startCorpusReplay(opts: ReplayOptions = {}): Promise<{ server: ReplayServer; via: string }> {
  const server = new ReplayServer(corpusPages(), opts);
  const { url } = await server.listen(0);
  return { server, via: url };
}

/**
 * One replay server for the tests of a describe block (started before them, closed after them):
 * `const replay = useCorpusReplay();` then `replay.server`, `replay.via`. Call it before a beforeAll that crawls.
 */
export function useCorpusReplay(opts: ReplayOptions = {}): { server: ReplayServer; via: string } {
  const replay = {} as { server: ReplayServer; via: string };
  beforeAll(async () => {
    Object.assign(replay, await startCorpusReplay(opts));
  });
  afterAll(async () => {
    await replay.server?.close();
  });
  return replay;
}
