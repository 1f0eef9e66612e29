/**
 * The "Benachrichtigen" form of a page (templates/partials/alert-form.hbs): what it follows, the form
 * token, and a sentence saying so — or null when e-mail alerts are off (no SMTP configured).
 */
import type { AlertKind } from '../../domain/alert-rules';
import type { AppContext } from '../context';

export interface AlertFormView {
  kind: AlertKind;
  target: string;
  city: string | null;
  token: string;
  /** "dieser Vorlage", "diesem Thema", … */
  what: string;
}

const WHAT: Record<AlertKind, string> = {
  paper: 'dieser Vorlage',
  topic: 'diesem Thema',
  committee: 'diesem Gremium',
  faction: 'den Anträgen dieser Fraktion',
  search: 'dieser Suche',
};

export function alertForm(ctx: AppContext, kind: AlertKind, target: string | number | null | undefined, city: string | null = null): AlertFormView | null {
  if (!ctx.alerts || target === null || target === undefined || String(target).trim() === '') return null;
  return { kind, target: String(target), city, token: ctx.alerts.tokens.issue(ctx.today()), what: WHAT[kind] };
}
