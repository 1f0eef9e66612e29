/**
 * The committee page's queue and agenda rows, built as HTML (src/server/views/committee-rows.ts), are
 * byte for byte what the handlebars rows of templates/pages/organization.hbs made before them: the old
 * row templates are kept here as the reference and rendered with the app's helpers over rows that
 * take every branch (no date, deadline, flagged and blocking checks, no check, non-public items,
 * planned-only items, hostile text).
 */
import Handlebars from 'handlebars';
import { registerHelpers } from '../../../src/server/helpers';
import { agendaRowsHtml, queueRowsHtml, type QueueRowView } from '../../../src/server/views/committee-rows';
import type { AgendaItemRow } from '../../../src/server/views/committee-view';

const QUEUE_ROW = `  {{#each rows}}
  <tr{{#if check.flagged}} class="flagged"{{/if}}>
    <td data-label="Termin">{{#if date}}<time datetime="{{date}}">{{dateDe date}}</time>{{#if agendaText}} <br><small>{{agendaText}}</small>{{/if}}{{else}}ohne Termin{{/if}}{{#if deadlineText}} <br><strong class="deadline">{{deadlineText}}</strong>{{/if}}</td>
    <td data-label="Vorlage"><a href="/papers/{{id}}"><span class="ref">{{reference}}</span> {{name}}</a>{{#if waitingSince}}<br><small>letzte Sitzung: <time datetime="{{waitingSince}}">{{dateDe waitingSince}}</time></small>{{/if}}</td>
    <td data-label="Rolle">{{role}}</td>
    <td data-label="Vorstationen">{{earlier}}{{#if check.flagged}} <br><strong class="flag{{#if check.blocking}} flag-blocking{{/if}}">⚠ {{check.label}}</strong> <ul class="issues">{{#each check.messages}}<li>{{this}}</li>{{/each}}</ul>{{/if}}</td>
    <td data-label="Status"><span class="state state-{{state}}">{{stateLabel}}</span></td>
  </tr>
  {{/each}}
`;

const AGENDA_ROW = `    {{#each rows}}
    <tr{{#if check.flagged}} class="flagged"{{/if}}>
      <td data-label="TOP">{{#if number}}{{number}}{{else}}<small>vorgesehen</small>{{/if}}</td>
      <td data-label="Betreff">{{#if paperId}}<a href="/papers/{{paperId}}"><span class="ref">{{reference}}</span> {{name}}</a>{{else}}{{#if name}}{{name}}{{else}}<em>nichtöffentlich</em>{{/if}}{{#if reference}} <span class="ref">{{reference}}</span>{{/if}}{{/if}}{{#if plannedOnly}}<br><small>laut Beratungsfolge, noch nicht auf der veröffentlichten Tagesordnung</small>{{/if}}</td>
      <td data-label="Agenda-Check">{{#if check}}{{#if check.flagged}}<strong class="flag{{#if check.blocking}} flag-blocking{{/if}}">⚠ {{check.label}}</strong> <ul class="issues">{{#each check.messages}}<li>{{this}}</li>{{/each}}</ul>{{else}}<span class="ok">✓ {{check.label}}</span>{{/if}}{{else}}–{{/if}}</td>
    </tr>
    {{/each}}
`;

const hbs = Handlebars.create();
registerHelpers(hbs);
const reference = (template: string, rows: unknown[]) => hbs.compile(template)({ rows });

const HOSTILE = `<script>alert("x")</script> & 'quotes' \`tick\` a=b`;
const blocking = { flagged: true, blocking: true, label: 'Vorstation offen', messages: [HOSTILE, 'Anhörung im Ortsbeirat fehlt'] };
const pending = { flagged: true, blocking: false, label: 'Vorstation ausstehend', messages: [] };
const ready = { flagged: false, blocking: false, label: 'bereit', messages: [] };

const queueRows: QueueRowView[] = [
  { id: 7, reference: 'DS/2026/0001', name: HOSTILE, role: 'Vorberatung', date: '2026-12-17', agendaText: 'TOP Ö 4 der veröffentlichten Tagesordnung', deadlineText: null, state: 'scheduled', stateLabel: 'terminiert', waitingSince: '2026-11-02', earlier: '1 von 2 erledigt', check: blocking },
  { id: 8, reference: null, name: null, role: null, date: null, agendaText: null, deadlineText: 'muss vor dem 17.12.2026 beraten werden — Rat', state: 'in_progress', stateLabel: 'in Beratung', waitingSince: null, earlier: 'keine', check: null },
  { id: 9, reference: HOSTILE, name: 'Radweg', role: 'Entscheidung', date: '2027-01-05', agendaText: null, deadlineText: null, state: 'scheduled"><x', stateLabel: HOSTILE, waitingSince: null, earlier: 'keine', check: pending },
  { id: 10, reference: 'A-1', name: 'Ampel', role: 'Kenntnisnahme', date: '2027-02-01', agendaText: '', deadlineText: '', state: 'scheduled', stateLabel: 'terminiert', waitingSince: '', earlier: '2 von 2 erledigt', check: ready },
];

const agendaItems: AgendaItemRow[] = [
  { number: 'Ö 1', name: HOSTILE, paperId: 3, reference: 'DS/1', plannedOnly: false, nonPublic: false, check: ready },
  { number: null, name: 'geplant', paperId: 4, reference: null, plannedOnly: true, nonPublic: false, check: blocking },
  { number: 'N 2', name: null, paperId: null, reference: null, plannedOnly: false, nonPublic: true, check: null },
  { number: '', name: 'Mitteilungen', paperId: null, reference: HOSTILE, plannedOnly: false, nonPublic: false, check: pending },
];

describe('committee page rows as HTML', () => {
  test('queue rows: the old row template\'s bytes, for dated, undated, deadline, flagged, blocking and unchecked rows and hostile text', () => {
    const html = queueRowsHtml(queueRows);
    expect(html).toBe(reference(QUEUE_ROW, queueRows));
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;quotes&#x27; &#x60;tick&#x60; a&#x3D;b');
    expect(html.match(/<tr/g)).toHaveLength(4);
  });

  test('agenda rows: the old row template\'s bytes, for linked, planned-only, non-public, unlinked and unchecked items', () => {
    const html = agendaRowsHtml(agendaItems);
    expect(html).toBe(reference(AGENDA_ROW, agendaItems));
    expect(html).toContain('<em>nichtöffentlich</em>');
    expect(html).not.toContain('<script>');
  });

  test('no rows: nothing', () => {
    expect([queueRowsHtml([]), agendaRowsHtml([])]).toEqual(['', '']);
  });
});
