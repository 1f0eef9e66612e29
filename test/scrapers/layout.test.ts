/**
 * The shape of scrapers/ (README, "Scrapers"): the toolkit (html/) and shared/ import no generation
 * folder, every file under 300 lines. The import graph and the no-cycle check are test/structure's.
 */
import fs from 'node:fs';
import { importGraph } from '../structure/import-graph';
import { ROOT, sourceFiles } from '../structure/source-files';
import path from 'node:path';

const files = sourceFiles(['scrapers']);
const folderOf = (file: string) => file.split('/')[1];

describe('scrapers/ layout', () => {
  const graph = importGraph(files);

  it('reads the import graph (a file that imports another is seen)', () => {
    expect(graph.get('scrapers/parse.ts')).toContain('scrapers/detect.ts');
    expect(graph.get('scrapers/parse.ts')).toContain('scrapers/html/context.ts');
  });

  it('keeps generation-specific markup out of html/ and shared/', () => {
    const wrong = [...graph].flatMap(([file, deps]) => {
      if (folderOf(file) !== 'html' && folderOf(file) !== 'shared') return [];
      return deps.filter((d) => /^(allris3|allris4|oparl)$/.test(folderOf(d))).map((d) => `${file} → ${d}`);
    });
    expect(wrong).toEqual([]);
  });

  it('keeps every file under 300 lines', () => {
    const long = files
      .map((file) => ({ file, lines: fs.readFileSync(path.join(ROOT, file), 'utf8').split('\n').length }))
      .filter((f) => f.lines > 300);
    expect(long).toEqual([]);
  });
});
