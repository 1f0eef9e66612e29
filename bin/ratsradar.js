#!/usr/bin/env node
// The `ratsradar` command: runs the built CLI (npm install / npm ci build it through the "prepare" script).
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const cli = path.join(__dirname, '..', 'dist', 'src', 'cli.js');
if (!fs.existsSync(cli)) {
  process.stderr.write('ratsradar: not built yet: run `npm run build` (npm install does it for you)\n');
  process.exit(1);
}
require(cli)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
