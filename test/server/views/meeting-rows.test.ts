/**
 * The meeting page's agenda rows, built as HTML (src/server/views/meeting-rows.ts), are byte for byte
 * what the handlebars row of templates/pages/meeting.hbs made before them: the old row template is kept
 * here as the reference and rendered with the app's helpers over items that take every branch (public,
 * non-public and unknown, with and without a motion, flagged and blocking checks, earlier stations
 * settled and open, results, votes and Beschluss texts, hostile text).
 */
import Handlebars from 'handlebars';
import { registerHelpers } from '../../../src/server/helpers';
import { meetingRowsHtml } from '../../../src/server/views/meeting-rows';

const ROW = `  {{#each rows}}
  <tr{{#if (eq public false)}} class="nonpublic"{{/if}}>
    <td data-label="TOP">{{#if publicLabel}}<abbr title="{{#if (eq public false)}}nichtöffentlich{{else}}öffentlich{{/if}}">{{publicLabel}}</abbr> {{/if}}{{number}}</td>
    <td data-label="Betreff">{{#if name}}{{name}}{{else}}<em>nichtöffentlich</em>{{/if}}{{#if check}}<br><strong class="flag{{#if check.blocking}} flag-blocking{{/if}}">⚠ Vorstation offen</strong> <ul class="issues">{{#each check.messages}}<li>{{this}}</li>{{/each}}</ul>{{/if}}{{#if earlier.length}}<div class="earlier"><span class="earlier-label">Bisherige Beratung:</span><ul>{{#each earlier}}<li{{#unless settled}} class="open"{{/unless}}>{{text}}</li>{{/each}}</ul></div>{{/if}}</td>
    <td data-label="Vorlage">{{#if paperId}}<a href="/papers/{{paperId}}">{{paperReference}}</a>{{else}}{{paperReference}}{{/if}}{{#if checkStatus}}<br><small class="check-status">Agenda-Check: {{checkStatus}}</small>{{/if}}</td>
    <td data-label="Ergebnis">{{#if result}}<strong>{{result}}</strong>{{/if}}{{#if decision.voteText}}<span class="vote">Abstimmung: {{decision.voteText}}</span>{{/if}}{{#if decision.decisionText}}<details class="decision-text"><summary>Beschlusstext</summary><p class="pre">{{decision.decisionText}}</p></details>{{/if}}</td>
  </tr>
  {{/each}}
`;

const hbs = Handlebars.create();
registerHelpers(hbs);
const HOSTILE = `<img src=x onerror="alert(1)"> & 'q' \`t\` =`;

const rows = [
  {
    number: 'Ö 3', public: true, name: HOSTILE, paperId: 12, paperReference: 'DS/2026/0012', result: 'ungeändert beschlossen', publicLabel: 'Ö',
    check: { blocking: true, messages: [HOSTILE, 'Vorberatung im Hauptausschuss offen'] }, checkStatus: 'Vorstation offen',
    earlier: [{ stationIndex: 0, settled: true, text: 'Ortsbeirat: beschlossen' }, { stationIndex: 1, settled: false, text: HOSTILE }],
    decision: { voteText: '12 Ja, 3 Nein', decisionText: `Der Rat beschließt:\n${HOSTILE}` },
  },
  {
    number: 'N 4', public: false, name: null, paperId: null, paperReference: null, result: null, publicLabel: 'N',
    check: null, checkStatus: null, earlier: [], decision: { voteText: null, decisionText: null },
  },
  {
    number: null, public: null, name: 'Mitteilungen', paperId: null, paperReference: HOSTILE, result: '', publicLabel: '',
    check: { blocking: false, messages: [] }, checkStatus: 'bereit', earlier: [], decision: null,
  },
  {
    number: '5', public: true, name: 'Radweg', paperId: 13, paperReference: null, result: 'vertagt', publicLabel: 'Ö',
    check: null, checkStatus: 'Vorstation ausstehend', earlier: [{ stationIndex: 0, settled: false, text: 'Bauausschuss: noch offen' }],
    decision: { voteText: null, decisionText: 'Text' },
  },
];

describe('meeting page rows as HTML', () => {
  test('the old row template\'s bytes for every branch, hostile text escaped', () => {
    const html = meetingRowsHtml(rows);
    expect(html).toBe(hbs.compile(ROW)({ rows }));
    expect(html.match(/<tr/g)).toHaveLength(4);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src&#x3D;x onerror&#x3D;&quot;alert(1)&quot;&gt; &amp; &#x27;q&#x27; &#x60;t&#x60; &#x3D;');
  });

  test('no items: nothing', () => {
    expect(meetingRowsHtml([])).toBe('');
  });
});
