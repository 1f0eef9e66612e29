import { benchServe } from './serve';
(async () => {
  const r = await benchServe('/tmp/bw/g10k.sqlite', { motions: 10000, today: '2026-10-01', seed: 1, connections: [10], seconds: 3, log: (l) => console.log(l) });
  console.log(JSON.stringify({ missing: r.missing, bare: r.bare, memory: r.memory, seconds: r.seconds }));
})();
