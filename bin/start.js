#!/usr/bin/env node
// `npm start`: compiles only when a source is newer than the last build (bin/build.js), then runs
// `ratsradar serve` in this same process (one node start fewer than a prestart script).
'use strict';
const path = require('node:path');
const { build, isStale } = require('./build.js');

const root = path.resolve(__dirname, '..');
if (isStale(root)) {
  process.stderr.write('ratsradar: sources changed since the last build: compiling (tsc --incremental)…\n');
  const code = build(root);
  if (code !== 0) process.exit(code);
}
require(path.join(root, 'dist', 'src', 'cli.js'))
  .main(['serve', ...process.argv.slice(2)])
  .then((code) => {
    process.exitCode = code;
  });
