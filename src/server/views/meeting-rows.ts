/**
 * The meeting page's agenda rows as HTML, built here instead of by a handlebars {{#each}}
 * (templates/pages/meeting.hbs places them): a meeting at 100,000 motions has agendas of 20 items and
 * more, each with its earlier stations, and each row cost a dozen block-helper calls through the
 * template. Byte for byte the markup the template made (test/server/views/meeting-rows.test.ts renders
 * the old row template as the reference); every value through handlebars' escapeExpression where the
 * template had {{value}}, neutralised with the rest of the model (see committee-rows.ts).
 */
import { esc } from './committee-rows';
import type { MeetingItemView } from './meeting-view';

type RowView = Pick<MeetingItemView, 'number' | 'public' | 'name' | 'paperId' | 'paperReference' | 'result' | 'publicLabel' | 'check' | 'checkStatus' | 'earlier'> & {
  decision: { voteText: string | null; decisionText: string | null } | null;
};

function subject(i: RowView): string {
  let out = i.name ? esc(i.name) : '<em>nichtöffentlich</em>';
  const c = i.check;
  if (c) out += `<br><strong class="flag${c.blocking ? ' flag-blocking' : ''}">⚠ Vorstation offen</strong> <ul class="issues">${c.messages.map((m) => `<li>${esc(m)}</li>`).join('')}</ul>`;
  if (i.earlier.length) {
    out += `<div class="earlier"><span class="earlier-label">Bisherige Beratung:</span><ul>${i.earlier.map((e) => `<li${e.settled ? '' : ' class="open"'}>${esc(e.text)}</li>`).join('')}</ul></div>`;
  }
  return out;
}

function outcome(i: RowView): string {
  const d = i.decision;
  return (i.result ? `<strong>${esc(i.result)}</strong>` : '') +
    (d?.voteText ? `<span class="vote">Abstimmung: ${esc(d.voteText)}</span>` : '') +
    (d?.decisionText ? `<details class="decision-text"><summary>Beschlusstext</summary><p class="pre">${esc(d.decisionText)}</p></details>` : '');
}

/** The agenda table's rows (the body of its <tbody>). */
export function meetingRowsHtml(items: readonly RowView[]): string {
  let out = '';
  for (const i of items) {
    const nonPublic = i.public === false;
    const top = i.publicLabel ? `<abbr title="${nonPublic ? 'nichtöffentlich' : 'öffentlich'}">${esc(i.publicLabel)}</abbr> ` : '';
    const paper = i.paperId ? `<a href="/papers/${esc(i.paperId)}">${esc(i.paperReference)}</a>` : esc(i.paperReference);
    out += `  <tr${nonPublic ? ' class="nonpublic"' : ''}>\n` +
      `    <td data-label="TOP">${top}${esc(i.number)}</td>\n` +
      `    <td data-label="Betreff">${subject(i)}</td>\n` +
      `    <td data-label="Vorlage">${paper}${i.checkStatus ? `<br><small class="check-status">Agenda-Check: ${esc(i.checkStatus)}</small>` : ''}</td>\n` +
      `    <td data-label="Ergebnis">${outcome(i)}</td>\n` +
      '  </tr>\n';
  }
  return out;
}
