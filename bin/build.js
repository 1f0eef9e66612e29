#!/usr/bin/env node
// Builds dist/ from src/ and scrapers/ with tsc — only when a source is newer than the last build
// (`npm start` through bin/start.js, or `node bin/build.js`), or always with --always (`npm run build`, `npm test`). tsc runs with --incremental
// (its build info in dist/, which git ignores), so a build after a small change re-emits little.
// Plain JavaScript: it must run before anything is compiled.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

/** What the build reads: the compiled folders and the compiler's settings. */
const INPUTS = ['src', 'scrapers', 'tsconfig.json'];
const STAMP = path.join('dist', '.build-stamp');
const BUILD_INFO = path.join('dist', '.tsbuildinfo');

/** The newest modification time (ms) among the inputs under `root`: files and folders (a deleted file changes its folder's). */
function newestInput(root) {
  let newest = 0;
  const visit = (p) => {
    let st;
    try {
      st = fs.statSync(p);
    } catch {
      return;
    }
    newest = Math.max(newest, st.mtimeMs);
    if (st.isDirectory()) for (const name of fs.readdirSync(p)) visit(path.join(p, name));
  };
  for (const input of INPUTS) visit(path.join(root, input));
  return newest;
}

/** Whether dist/ under `root` is older than its inputs (or was never built, or a build did not finish). */
function isStale(root) {
  let built;
  try {
    built = fs.statSync(path.join(root, STAMP)).mtimeMs;
  } catch {
    return true;
  }
  return newestInput(root) > built;
}

/** Runs tsc on `root`; on success, stamps dist/ with the time the build started (an edit during it stays newer). Returns tsc's exit code (its messages on stderr unless quiet). */
function build(root, quiet = false) {
  const started = new Date();
  const tsc = require.resolve('typescript/bin/tsc');
  fs.rmSync(path.join(root, STAMP), { force: true });
  const r = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.json'), '--incremental', '--tsBuildInfoFile', path.join(root, BUILD_INFO)], { stdio: quiet ? 'pipe' : 'inherit' });
  if (r.status !== 0) return r.status ?? 1;
  fs.writeFileSync(path.join(root, STAMP), `built ${started.toISOString()}\n`);
  fs.utimesSync(path.join(root, STAMP), started, started);
  return 0;
}

module.exports = { newestInput, isStale, build };

if (require.main === module) {
  const root = path.resolve(__dirname, '..');
  const always = process.argv.includes('--always');
  if (!always && !isStale(root)) process.exit(0);
  if (!always) process.stderr.write('ratsradar: sources changed since the last build: compiling (tsc --incremental)…\n');
  process.exit(build(root));
}
