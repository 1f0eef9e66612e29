/**
 * GET /openapi.json — the OpenAPI 3.1 document of every JSON answer: the paths, their parameters (the
 * same as the pages': German names as in the page addresses) and the schemas (openapi-schemas.ts).
 * `servers` names the site's base address (RATSRADAR_BASE_URL, else the request's host).
 */
import { LIST_SORTS } from '../../db/queries-lists';
import { PAPER_STATES } from '../../domain/states';
import { COMPONENT_SCHEMAS } from './openapi-schemas';
import { enumOf, int, ref, str, type Schema } from './schema-kit';

const query = (name: string, description: string, schema: Schema = str, required = false) => ({ name, in: 'query', required, description, schema });
const pathParam = (name: string, schema: Schema = int) => ({ name, in: 'path', required: true, schema });

const FILTERS = [
  query('stadt', 'Only motions of this source (its key, e.g. "hamburg-nord").'),
  query('state', 'Only motions in this derived state.', enumOf(PAPER_STATES)),
  query('gremium', 'Only motions with a station at this committee: "<city key>:<name>" (e.g. "hamburg-nord:Hauptausschuss"), or a bare name for every city.'),
  query('fraktion', 'Only motions this originator filed (a faction or an elected person, as the motion names it; case ignored).'),
  query('art', 'Only motions of this type (Vorlage-Art as shown).'),
  query('jahr', 'Only motions dated in this year.', { type: 'string', pattern: '^\\d{4}$' }),
  query('sort', 'Order: activity (newest activity, the list’s default), next (next date), date, reference; relevance (the search’s default).', enumOf(LIST_SORTS)),
  query('seite', 'Page number (1 when absent); a page past the last is a 404.', { type: 'integer', minimum: 1 }),
];
const TOPIC = query('thema', 'A topic of data/topics.json, or "alle" for every motion (default: the configured default topic).');
const Q = (required: boolean) => query('q', 'Words to search for in references and titles (umlauts folded, every word also as a prefix).', str, required);
const FORMAT = query('format', '"json" for this answer (or send Accept: application/json); "html" or absent for the page.', enumOf(['json', 'html', 'csv']));
const PAGE = query('seite', 'Page of the committee’s queue (1 when absent).', { type: 'integer', minimum: 1 });

function json(schema: string, description: string) {
  return { description, content: { 'application/json': { schema: ref(schema) } } };
}

const ERRORS = {
  '400': json('Error', 'A parameter is invalid (one line in German).'),
  '404': json('Error', 'No such object, topic or page.'),
};

function get(summary: string, parameters: unknown[], schema: string, description: string) {
  return { get: { summary, parameters, responses: { '200': json(schema, description), ...ERRORS } } };
}

export function openApiDocument(base: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'ratsradar open data',
      version: '1',
      description:
        'Every list and page of ratsradar as JSON, with ratsradar’s reading of each motion: its derived state, the explanation ' +
        'of it and the next step. The same parameters as the pages. Links are absolute. Errors of JSON requests are JSON (Error).',
      license: { name: 'Data: as published by the councils’ information systems' },
    },
    servers: [{ url: base }],
    paths: {
      '/vorlagen.json': get('The start page’s list of motions, one page', [TOPIC, ...FILTERS], 'PaperListPage', 'One page of motions.'),
      '/': get('The start page as JSON (with format=json or Accept: application/json)', [FORMAT, TOPIC, ...FILTERS], 'PaperListPage', 'As /vorlagen.json.'),
      '/suche.json': get('Search motions, one page of matches', [Q(true), ...FILTERS], 'SearchPage', 'One page of matches.'),
      '/suche': get('The search page as JSON (with format=json or Accept: application/json)', [FORMAT, Q(true), ...FILTERS], 'SearchPage', 'As /suche.json.'),
      '/papers/{id}.json': get('A motion', [pathParam('id')], 'Paper', 'The motion (also /papers/{id} with Accept: application/json).'),
      '/meetings/{id}.json': get('A meeting with its agenda', [pathParam('id')], 'Meeting', 'The meeting (also /meetings/{id} with Accept: application/json).'),
      '/organizations/{id}.json': get('A committee with its queue', [pathParam('id'), PAGE], 'Organization', 'The committee (also /organizations/{id} with Accept: application/json).'),
      '/organizations/{id}/meetings.json': get('A committee’s meetings, newest first (the data of its feed, calendar and CSV)', [pathParam('id'), query('seite', 'Page (100 meetings a page).', { type: 'integer', minimum: 1 })], 'MeetingListPage', 'One page of meetings.'),
      '/gremien/{source}/{name}': get(
        'A committee known only by name (format=json or Accept: application/json); redirects to /organizations/{id} once it has one',
        [pathParam('source', str), pathParam('name', str), FORMAT, PAGE], 'Organization', 'The committee.',
      ),
      '/health': { get: { summary: 'Database and sources', responses: { '200': json('Health', 'The database answers.'), '503': json('Health', 'The database does not answer.') } } },
      '/dashboard.json': get('The dashboard of a topic across cities (= /dashboard?format=json)', [TOPIC, query('stadt', 'Only this source (its key).')], 'Dashboard', 'The tables of the five charts.'),
      '/staedte.json': get('Every city with its numbers (= /staedte with format=json or Accept: application/json)', [], 'CityList', 'Every city.'),
      '/staedte/{key}.json': get('One city: numbers, committees, meetings, motions of the default topic (also /staedte/{key} with Accept: application/json)', [pathParam('key', str)], 'City', 'The city.'),
      '/gremien.json': get('The committees of every city or of one (= /gremien with format=json or Accept: application/json)', [query('stadt', 'Only this city (its key).')], 'CommitteeList', 'The committees, by city.'),
      '/sitzungen.json': get('The meeting calendar (= /sitzungen with format=json or Accept: application/json)', [
        query('stadt', 'Only this city (its key).'),
        query('gremium', 'Only this committee: "<city key>:<name>".'),
        query('monat', 'The month (YYYY-MM; default: this month).', { type: 'string', pattern: '^\\d{4}-\\d{2}$' }),
      ], 'MeetingCalendar', 'This week, next week and the month.'),
      '/openapi.json': { get: { summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1', content: { 'application/json': { schema: { type: 'object' } } } } } } },
    },
    components: { schemas: COMPONENT_SCHEMAS },
  };
}

