import { benchImport, benchIngest } from './import';
import { benchParse } from './parse';
import fs from 'node:fs';
fs.mkdirSync('/tmp/bw/imp', { recursive: true });
const b = Number(process.argv[2] ?? 100);
console.log(JSON.stringify(benchParse('/work/shared/corpus', 2000, 2)));
console.log(JSON.stringify(benchImport({ motions: Number(process.argv[3] ?? 2000), seed: 1, today: '2026-10-01', batch: b, rounds: 1, dir: '/tmp/bw/imp' })));
console.log(JSON.stringify(benchIngest({ corpus: '/work/shared/corpus', minPages: 2000, today: '2026-10-01', dir: '/tmp/bw/imp' })));
