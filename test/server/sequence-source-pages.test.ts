/**
 * The motion page of a paper whose Beratungsfolge was not read from its own page says so (domain/paper.ts
 * SequenceSource), on the corpus: Hamburg-Nord's 22-1470.1, known from the agenda of 11.12.2025 only ("überwiesen"),
 * and 22-2389, known from the motion list (vo040) only — whose row offers its decisions (BES): "keine Beratungsfolge
 * angegeben" was false. A paper read from its own page keeps the old wording.
 */
import request from 'supertest';
import { buildFixtureApp, type FixtureApp } from './fixture-app';

let fixture: FixtureApp;
beforeAll(() => {
  fixture = buildFixtureApp();
});
afterAll(() => fixture.cleanup());

const squash = (s: string) => s.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();

test('known from agendas only: the Beratungsfolge says so, the state is in deliberation and nothing is said to be planned or not', async () => {
  const id = fixture.idOf('22-1470.1');
  const html = (await request(fixture.app).get(`/papers/${id}`).expect(200)).text;
  const note = html.match(/<p class="sequence-note">([\s\S]*?)<\/p>/);
  expect(squash(note![1])).toBe('Diese Beratungsfolge ist nur aus Tagesordnungen bekannt, die die Vorlage nennen; die Seite der Vorlage (im Ratsinformationssystem) wurde nicht gelesen. Frühere und weitere Stationen sind möglich.');
  expect(html).not.toContain('nichts geplant');
  const json = (await request(fixture.app).get(`/papers/${id}.json`).expect(200)).body;
  // beside the record, which keeps its contract (CONTRACTS.md)
  expect([json.sequence, 'sequence' in json.record]).toEqual(['agenda', false]);
  expect([json.state, json.explanation]).toEqual(['in-deliberation',
    'In Beratung: zuletzt Bezirksversammlung am 11.12.2025 („überwiesen“); wie es weitergeht, ist nicht bekannt (die Beratungsfolge ist nur aus Tagesordnungen bekannt, die Seite der Vorlage wurde nicht gelesen).']);
});

test('known from a list only: "nicht bekannt", not "keine Beratungsfolge angegeben"', async () => {
  const id = fixture.idOf('22-2389');
  const html = (await request(fixture.app).get(`/papers/${id}`).expect(200)).text;
  expect(html).toContain('Die Beratungsfolge dieser Vorlage ist nicht bekannt: die Seite der Vorlage (<a href="https://sitzungsdienst-hamburg-nord.hamburg.de/bi/vo020.asp?VOLFDNR&#x3D;1016833" rel="noopener noreferrer">im Ratsinformationssystem</a>) wurde nicht gelesen, nur Listen oder Tagesordnungen, die sie nennen.');
  expect(html).not.toContain('keine Beratungsfolge angegeben');
  expect(html).not.toContain('sequence-note');
  const json = (await request(fixture.app).get(`/papers/${id}.json`).expect(200)).body;
  expect(json.sequence).toBe('unknown');
  expect(json.explanation).toBe('Eingereicht: am 01.07.2026 vorgelegt, die Beratungsfolge ist nicht bekannt (die Seite der Vorlage wurde nicht gelesen).');
});

test('read from its own page: no note', async () => {
  const html = (await request(fixture.app).get(`/papers/${fixture.idOf('22-2402')}`).expect(200)).text;
  expect(html).not.toContain('sequence-note');
  expect(html).not.toContain('Beratungsfolge dieser Vorlage ist nicht bekannt');
  expect((await request(fixture.app).get(`/papers/${fixture.idOf('22-2402')}.json`).expect(200)).body.sequence).toBeNull();
});
