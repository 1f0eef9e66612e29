/**
 * The committee page's long tables as HTML: the rows of its queue and of its coming agendas, built here
 * instead of by a handlebars {{#each}} (templates/pages/organization.hbs places them). A fresh render of
 * the page at 100,000 motions has some 50 queue rows and 50 agenda rows; through the template each cost
 * a dozen block-helper calls, an options object and a context frame apiece. Byte for byte the markup the
 * template made: every value goes through handlebars' own escapeExpression, exactly where the template
 * had {{value}}, and the rows are neutralised with the rest of the model (render.ts: dropping bidi and
 * control characters and HTML-escaping touch disjoint characters, so their order does not matter).
 */
import Handlebars from 'handlebars';
import { formatGermanDate } from '../../domain/german-format';
import type { AgendaItemRow } from './committee-view';

/** {{value}}: null and undefined as '', numbers as digits, the rest HTML-escaped */
export const esc = (v: string | number | null): string => Handlebars.Utils.escapeExpression(v as string);

interface CheckCell {
  flagged: boolean;
  blocking: boolean;
  label: string;
  messages: string[];
}

/** What a queue row of loadCommitteeModel shows (its progress is for the JSON view). */
export interface QueueRowView {
  id: number;
  reference: string | null;
  name: string | null;
  role: string | null;
  date: string | null;
  agendaText: string | null;
  deadlineText: string | null;
  state: string;
  stateLabel: string;
  waitingSince: string | null;
  earlier: string;
  check: CheckCell | null;
}

const time = (iso: string) => `<time datetime="${esc(iso)}">${esc(formatGermanDate(iso))}</time>`;
const rowStart = (indent: string, c: CheckCell | null) => `${indent}<tr${c?.flagged ? ' class="flagged"' : ''}>\n`;
const flagged = (c: CheckCell) =>
  `<strong class="flag${c.blocking ? ' flag-blocking' : ''}">⚠ ${esc(c.label)}</strong> <ul class="issues">${c.messages.map((m) => `<li>${esc(m)}</li>`).join('')}</ul>`;
const paperLink = (id: number, reference: string | null, name: string | null) =>
  `<a href="/papers/${esc(id)}"><span class="ref">${esc(reference)}</span> ${esc(name)}</a>`;

/** The queue table's rows (the body of its <tbody>). */
export function queueRowsHtml(rows: readonly QueueRowView[]): string {
  let out = '';
  for (const r of rows) {
    const when = r.date ? `${time(r.date)}${r.agendaText ? ` <br><small>${esc(r.agendaText)}</small>` : ''}` : 'ohne Termin';
    out += rowStart('  ', r.check) +
      `    <td data-label="Termin">${when}${r.deadlineText ? ` <br><strong class="deadline">${esc(r.deadlineText)}</strong>` : ''}</td>\n` +
      `    <td data-label="Vorlage">${paperLink(r.id, r.reference, r.name)}${r.waitingSince ? `<br><small>letzte Sitzung: ${time(r.waitingSince)}</small>` : ''}</td>\n` +
      `    <td data-label="Rolle">${esc(r.role)}</td>\n` +
      `    <td data-label="Vorstationen">${esc(r.earlier)}${r.check?.flagged ? ` <br>${flagged(r.check)}` : ''}</td>\n` +
      `    <td data-label="Status"><span class="state state-${esc(r.state)}">${esc(r.stateLabel)}</span></td>\n` +
      '  </tr>\n';
  }
  return out;
}

/** A coming agenda's rows (the body of its <tbody>). */
export function agendaRowsHtml(items: readonly AgendaItemRow[]): string {
  let out = '';
  for (const i of items) {
    const subject = i.paperId
      ? paperLink(i.paperId, i.reference, i.name)
      : `${i.name ? esc(i.name) : '<em>nichtöffentlich</em>'}${i.reference ? ` <span class="ref">${esc(i.reference)}</span>` : ''}`;
    const c = i.check;
    const check = c ? (c.flagged ? flagged(c) : `<span class="ok">✓ ${esc(c.label)}</span>`) : '–';
    out += rowStart('    ', c) +
      `      <td data-label="TOP">${i.number ? esc(i.number) : '<small>vorgesehen</small>'}</td>\n` +
      `      <td data-label="Betreff">${subject}${i.plannedOnly ? '<br><small>laut Beratungsfolge, noch nicht auf der veröffentlichten Tagesordnung</small>' : ''}</td>\n` +
      `      <td data-label="Agenda-Check">${check}</td>\n` +
      '    </tr>\n';
  }
  return out;
}

/**
 * The page's model of loadCommitteeModel's result: the queue and each coming agenda as their rows' HTML
 * (`queueRows`, `itemRows`: empty when there are none) instead of row objects.
 */
export function committeePageView<A extends { items: AgendaItemRow[] }, S extends { queue: QueueRowView[]; coming: A[] }>(staff: S) {
  const { queue, coming, ...rest } = staff;
  return {
    ...rest,
    queueRows: queueRowsHtml(queue),
    coming: coming.map(({ items, ...a }) => ({ ...a, itemRows: agendaRowsHtml(items) })),
  };
}
