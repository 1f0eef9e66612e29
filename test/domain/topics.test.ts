import fs from 'node:fs';
import path from 'node:path';
import { matchTopic, parseKeyword, parseTopics, topicHits, toWords, TopicsFormatError, type Topic } from '../../src/domain/topics';

const topicsJson = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', 'data', 'topics.json'), 'utf8'));
const set = parseTopics(topicsJson);
const topic = (id: string): Topic => set.topics.find((t) => t.id === id)!;

describe('words', () => {
  test('words split at everything but letters and digits', () => {
    expect(toWords('Smart-City-Strategie Musterstadt 2030')).toEqual(['smart', 'city', 'strategie', 'musterstadt', '2030']);
    expect(toWords('Umsetzung des Onlinezugangsgesetzes (OZG): Bürgerkonto')).toEqual(['umsetzung', 'des', 'onlinezugangsgesetzes', 'ozg', 'buergerkonto']);
    expect(toWords('DS/2026/0078')).toEqual(['ds', '2026', '0078']);
  });
});

describe('keywords', () => {
  test.each([
    ['digital*', [{ term: 'digital', prefix: true }]],
    ['OZG', [{ term: 'ozg', prefix: false }]],
    ['Smart Cit*', [{ term: 'smart', prefix: false }, { term: 'cit', prefix: true }]],
    ['E-Government*', [{ term: 'e', prefix: false }, { term: 'government', prefix: true }]],
    ['Wärmeplanung*', [{ term: 'waermeplanung', prefix: true }]],
  ])('%s', (text, words) => {
    expect(parseKeyword(text).words).toEqual(words);
  });

  test('bad keywords are refused with the reason', () => {
    expect(() => parseKeyword('*')).toThrow(TopicsFormatError);
    expect(() => parseKeyword('a*')).toThrow('a stem needs at least 2 letters');
    expect(() => parseKeyword(' - ')).toThrow('has no word');
  });
});

describe('the digitalisation topic (data/topics.json)', () => {
  const digital = topic('digitalisierung');
  // [title, expected keywords (as written in topics.json) — [] when the title must not match]
  test.each<[string, string[]]>([
    ['Digitalisierung der Verwaltung', ['digital*']],
    ['Digitale Bürgerbeteiligung: Beteiligungsportal für die Bauleitplanung', ['digital*', 'Beteiligungsportal*']],
    ['Teilnahme der Stadt Leipzig am bundesweiten Digitaltag 2020', ['digital*']],
    ['DIGITALSTRATEGIE 2030', ['digital*']],
    ['Smart-City-Strategie Musterstadt 2030', ['Smart Cit*']],
    ['Modellprojekte Smart Cities', ['Smart Cit*']],
    ['Kostenloses WLAN in allen Stadtbibliotheken', ['WLAN*']],
    ['Freies W-LAN am Marktplatz', ['W-LAN*']],
    ['Breitbandausbau: Glasfaseranschluss für alle Schulen', ['Breitband*', 'Glasfaser*']],
    ['Bericht zum Stand der Open-Data-Plattform', ['Open Data', 'Open Data*']],
    ['Open Data in der Verwaltung', ['Open Data', 'Open Data*']],
    ['E-Government-Gesetz: Umsetzung', ['E-Government*']],
    ['Umsetzung des Onlinezugangsgesetzes (OZG): Bürgerkonto und Serviceportal', ['Onlinezugangsgesetz*', 'Online*', 'OZG', 'Serviceportal*']],
    ['OZG-Umsetzung im Bürgeramt', ['OZG']],
    ['Online-Terminvergabe für alle Bürgerbüros', ['Online*']],
    ['Livestream und Aufzeichnung der öffentlichen Ratssitzungen', ['Livestream*']],
    ['Schuldigitalisierung: Tablets für die Grundschulen', ['Tablet*', 'Schuldigital*']],
    // no false hits
    ['Ozeanografisches Museum', []],
    ['Sanierung des Ozeaneums', []],
    ['Haushaltssatzung 2027', []],
    ['Digitalfunk? nein: Dig. Plan', ['digital*']],
    ['Bebauungsplan Nr. 12 „Am Kaiwall“', []],
    ['Kita-Neubau in der Applestraße', []],
  ])('%s', (title, expected) => {
    expect(matchTopic(digital, title).sort()).toEqual([...expected].sort());
  });

  test('topicHits names the words as written, in text order, each once', () => {
    expect(topicHits(digital, 'Smart-City-Sensorik: Messnetz für Luftqualität und Parkraum')).toEqual(['Smart City', 'Sensorik']);
    expect(topicHits(digital, 'Digitaltag 2027 – Digitaltag im Rathaus, digitale Angebote')).toEqual(['Digitaltag', 'digitale']);
    expect(topicHits(digital, 'Haushalt')).toEqual([]);
  });
});

describe('the other topics', () => {
  test.each<[string, string, boolean]>([
    ['klima', 'Klimaschutzkonzept 2035', true],
    ['klima', 'Kommunale Wärmeplanung: Bericht', true],
    ['klima', 'Photovoltaik auf städtischen Dächern', true],
    ['klima', 'Austausch der Klimaanlage im Rathaus', false],
    ['mobilitaet', 'Radverkehrskonzept Innenstadt', true],
    ['mobilitaet', 'Ausschuss für Stadtentwicklung und Mobilität', true],
    ['mobilitaet', 'Barrierefreier Ausbau der Bushaltestelle Marktplatz', true],
    ['mobilitaet', 'Sanierung der Busch-Grundschule', false],
    ['mobilitaet', 'Tempo 30 vor Schulen', true],
  ])('%s: %s → %s', (id, title, matches) => {
    expect(matchTopic(topic(id), title).length > 0).toBe(matches);
  });
});

describe('parseTopics', () => {
  const ok = { default: 'a', topics: [{ id: 'a', label: 'A', description: 'd', keywords: ['xy*'] }] };

  test('data/topics.json has the digitalisation topic as default and at least three topics', () => {
    expect(set.defaultId).toBe('digitalisierung');
    expect(topic('digitalisierung').label).toBe('Digitalisierung & Digitaltag');
    expect(set.topics.length).toBeGreaterThanOrEqual(3);
  });

  test.each<[string, unknown, string]>([
    ['not an object', 42, 'expected an object'],
    ['no topics', { default: 'a', topics: [] }, '"topics" must be a non-empty list'],
    ['unknown default', { ...ok, default: 'b' }, 'default topic "b" is not in the list'],
    ['duplicate id', { ...ok, topics: [ok.topics[0], ok.topics[0]] }, 'appears twice'],
    ['bad id', { ...ok, default: 'A B', topics: [{ ...ok.topics[0], id: 'A B' }] }, 'may only hold'],
    ['reserved id', { ...ok, default: 'alle', topics: [{ ...ok.topics[0], id: 'alle' }] }, 'reserved'],
    ['no keywords', { ...ok, topics: [{ ...ok.topics[0], keywords: [] }] }, 'needs keywords'],
    ['no label', { ...ok, topics: [{ ...ok.topics[0], label: '' }] }, 'label must be a non-empty string'],
    ['documents not a boolean', { ...ok, topics: [{ ...ok.topics[0], documents: 'ja' }] }, 'documents must be true or false'],
  ])('%s', (_name, data, message) => {
    expect(() => parseTopics(data)).toThrow(message);
  });

  test.each<[unknown, boolean]>([
    [undefined, false],
    [false, false],
    [true, true],
  ])('"documents": %s → the topic reads documents: %s', (documents, expected) => {
    expect(parseTopics({ ...ok, topics: [{ ...ok.topics[0], documents }] }).topics[0].documents).toBe(expected);
  });

  test('data/topics.json: Klima & Energie reads documents, the broader topics do not', () => {
    expect(set.topics.map((t) => [t.id, t.documents])).toEqual([
      ['digitalisierung', false],
      ['klima', true],
      ['mobilitaet', false],
    ]);
  });
});
