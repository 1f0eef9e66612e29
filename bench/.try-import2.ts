import { benchImport } from './import';
import fs from 'node:fs';
fs.mkdirSync('/tmp/bw/imp', { recursive: true });
console.log(JSON.stringify(benchImport({ motions: Number(process.argv[3] ?? 2000), seed: 1, today: '2026-10-01', batch: Number(process.argv[2]), rounds: 1, dir: '/tmp/bw/imp' })));
