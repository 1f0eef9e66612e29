/**
 * Error pages are pages of the site like the others: the layout's footer names the day of the evaluation
 * ("Stand der Auswertung"), never an empty date ("Stand der Auswertung: .", as a 404 page once said).
 */
import request from 'supertest';
import { buildFixtureApp, TODAY, type FixtureApp } from './fixture-app';

let f: FixtureApp;
beforeAll(() => {
  f = buildFixtureApp({ corpus: false });
});
afterAll(() => f.cleanup());

const german = (iso: string) => iso.split('-').reverse().join('.');

test.each([
  ['/gibt-es-nicht', 404, 'Diese Seite gibt es nicht.'],
  ['/papers/999999', 404, 'Nicht gefunden'],
  ['/feed.atom?thema=a&thema=b', 400, 'Fehler'],
])('%s answers %d with the evaluation day in its footer', async (path, status, text) => {
  const res = await request(f.app).get(path).set('Accept', 'text/html');
  expect(res.status).toBe(status);
  expect(res.text).toContain(text);
  expect(res.text).toContain(`Stand der Auswertung: ${german(TODAY)}.`);
  expect(res.text).not.toMatch(/Stand der Auswertung:\s*\./);
});
