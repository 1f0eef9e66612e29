/** ratsradar's version, as package.json states it (the user agent of the crawler, `ratsradar --version`). */
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from './paths';

let version: string | null = null;

export function packageVersion(): string {
  version ??= String(JSON.parse(fs.readFileSync(path.join(projectRoot(), 'package.json'), 'utf8')).version);
  return version;
}
