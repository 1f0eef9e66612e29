import request from 'supertest';
import { buildFixtureApp } from './fixture-app';
test('x', async () => {
  const fx = buildFixtureApp();
  const res = await request(fx.app).get('/papers/13');
  console.log(res.status, [...res.text.matchAll(/href="([^"]*)"/g)].map((m) => m[1]).join('\n'));
  fx.cleanup();
});
