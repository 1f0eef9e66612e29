/** The project's TypeScript and JavaScript source files under some top-level folders, for the structure tests. */
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');

const SOURCE = /\.(ts|js|mjs|cjs)$/;

/** Every source file under `folders` (relative to the project root), as sorted root-relative paths with '/'. */
export function sourceFiles(folders: string[]): string[] {
  const out: string[] = [];
  for (const folder of folders) {
    const dir = path.join(ROOT, folder);
    if (!fs.existsSync(dir)) continue;
    for (const f of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
      if (SOURCE.test(f) && !f.endsWith('.d.ts') && fs.statSync(path.join(dir, f)).isFile()) out.push(`${folder}/${f.split(path.sep).join('/')}`);
    }
  }
  return out.sort();
}
