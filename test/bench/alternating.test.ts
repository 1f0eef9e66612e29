/**
 * bench/alternating.ts's loop: one client taking turns between two real HTTP servers on loopback, round
 * by round, warm-up rounds not kept, fresh routes with a URL of their own per request.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { alternate, median, WARM_ROUNDS } from '../../bench/alternating';

const seen: string[] = [];

function server(name: string): Promise<http.Server> {
  const s = http.createServer((req, res) => {
    seen.push(`${name}${req.url}`);
    res.statusCode = req.url === '/missing' ? 404 : 200;
    res.end('ok');
  });
  return new Promise((resolve) => s.listen(0, '127.0.0.1', () => resolve(s)));
}

describe('alternate', () => {
  let a: http.Server;
  let b: http.Server;
  const agents = [new http.Agent({ keepAlive: true, maxSockets: 1 }), new http.Agent({ keepAlive: true, maxSockets: 1 })];
  beforeAll(async () => {
    a = await server('A');
    b = await server('B');
  });
  afterAll(async () => {
    for (const x of agents) x.destroy();
    for (const s of [a, b]) await new Promise((resolve) => s.close(resolve));
  });
  beforeEach(() => {
    seen.length = 0;
  });
  const port = (s: http.Server) => (s.address() as AddressInfo).port;

  test('the servers take turns round by round, each round all the paths of one server, the shorter list wrapping around; the warm-up rounds are not measured', async () => {
    const ms = await alternate([
      { port: port(a), agent: agents[0], paths: ['/1', '/2', '/3'] },
      { port: port(b), agent: agents[1], paths: ['/x'] },
    ], false, 200);
    // 200 measured rounds of 3 (the longer list), after WARM_ROUNDS rounds
    expect(ms.map((m) => m.length)).toEqual([600, 600]);
    expect(seen.length).toBe((WARM_ROUNDS + 200) * 3 * 2);
    expect(seen.slice(0, 9)).toEqual(['A/1', 'A/2', 'A/3', 'B/x', 'B/x', 'B/x', 'A/1', 'A/2', 'A/3']);
    expect(ms.flat().every((t) => t > 0 && t < 10_000)).toBe(true);
  });

  test('a fresh route gets a URL of its own per request; a short run still measures at least 320 requests per server', async () => {
    const ms = await alternate([
      { port: port(a), agent: agents[0], paths: ['/p'] },
      { port: port(b), agent: agents[1], paths: ['/q'] },
    ], true, 2);
    expect(ms.map((m) => m.length)).toEqual([320, 320]);
    expect(new Set(seen).size).toBe(seen.length);
    // 160 requests a round (320 over 2 rounds), first to A, then to B
    expect(seen[0]).toMatch(/^A\/p\?_r=\d+$/);
    expect(seen[159]).toMatch(/^A\/p\?_r=\d+$/);
    expect(seen[160]).toMatch(/^B\/q\?_r=\d+$/);
  });

  test('an answer other than 200 stops the run with the path in the error', async () => {
    await expect(alternate([
      { port: port(a), agent: agents[0], paths: ['/p'] },
      { port: port(b), agent: agents[1], paths: ['/missing'] },
    ], false, 1)).rejects.toThrow('/missing answers 404');
  });

  test('median is the lower middle value', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2);
  });
});
