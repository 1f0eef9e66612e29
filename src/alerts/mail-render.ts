/**
 * One queued mail as German plain text and HTML (templates/mail/), with the headers every alert mail
 * carries: List-Unsubscribe (the one-click POST address, RFC 8058) and List-Unsubscribe-Post. Scraped
 * strings are escaped by handlebars in the HTML part and stripped of control and bidi characters in
 * both; every link is absolute (the configured base URL).
 */
import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import type { AlertEvent } from '../db/alerts-events';
import type { Cadence } from '../domain/alert-rules';
import { neutraliseModel, neutraliseText } from '../server/text-safety';
import { projectRoot } from '../util/paths';
import { eventSentence } from '../domain/event-text';
import type { EventDraft } from '../domain/paper-event';

/** The event's German sentence, worded as in the feeds (src/domain/event-text.ts). */
function sentenceOf(e: Pick<AlertEvent, 'kind' | 'committee' | 'happenedOn' | 'payload'>): string {
  return eventSentence(e as Pick<EventDraft, 'kind' | 'happenedOn' | 'committee' | 'payload'>);
}

export interface MailInput {
  kind: 'confirm' | 'event' | 'digest';
  baseUrl: string;
  email: string;
  cadence: Cadence;
  /** what is followed, in words, and its site-relative path */
  followed: { label: string; path: string };
  confirmToken: string;
  unsubscribeToken: string;
  manageToken: string;
  events: AlertEvent[];
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

/** Events listed in one mail; the rest are counted and linked. */
export const MAX_ITEMS = 30;

let compiled: { html: Handlebars.TemplateDelegate; text: Handlebars.TemplateDelegate } | null = null;

function templates() {
  if (compiled) return compiled;
  const dir = path.join(projectRoot(), 'templates', 'mail');
  const read = (f: string) => fs.readFileSync(path.join(dir, f), 'utf8');
  compiled = {
    html: Handlebars.create().compile(read('mail.html.hbs'), { strict: false }),
    text: Handlebars.create().compile(read('mail.text.hbs'), { noEscape: true, strict: false }),
  };
  return compiled;
}

/** One line for a header: no line breaks, no control characters, at most 180 characters. */
function headerText(text: string): string {
  const one = neutraliseText(text).replace(/[\r\n\t]+/g, ' ').replace(/\s+/g, ' ').trim();
  return one.length > 180 ? `${one.slice(0, 179)}…` : one;
}

function eventItem(base: string, e: AlertEvent) {
  return {
    paper: [e.reference, e.paperName].filter(Boolean).join(': ') || 'Vorlage',
    city: e.sourceName,
    sentence: sentenceOf(e),
    href: `${base}/papers/${e.paperId}`,
  };
}

export function renderMail(m: MailInput): RenderedMail {
  const base = m.baseUrl;
  const unsubscribeHref = `${base}/benachrichtigen/abbestellen/${m.unsubscribeToken}`;
  const common = {
    manageHref: `${base}/benachrichtigen/verwalten/${m.manageToken}`,
    unsubscribeHref,
    privacyHref: `${base}/datenschutz`,
    followHref: `${base}${m.followed.path}`,
    why: `Sie erhalten diese E-Mail, weil für ${m.email} eine Benachrichtigung zu ${m.followed.label} eingerichtet wurde.`,
  };
  let model: Record<string, unknown>;
  let subject: string;
  if (m.kind === 'confirm') {
    subject = `Bitte bestätigen: Benachrichtigung zu ${m.followed.label}`;
    model = {
      heading: 'Benachrichtigung bestätigen',
      intro: `Jemand – hoffentlich Sie – möchte ${m.cadence === 'daily' ? 'einmal täglich eine Zusammenfassung' : 'bei jeder Änderung eine E-Mail'} zu ${m.followed.label} erhalten. Erst nach Ihrer Bestätigung senden wir etwas. Ohne Bestätigung wird die Adresse nach 48 Stunden gelöscht.`,
      action: { label: 'Benachrichtigung bestätigen', href: `${base}/benachrichtigen/bestaetigen/${m.confirmToken}` },
      why: `Sie erhalten diese E-Mail, weil ${m.email} auf ratsradar für eine Benachrichtigung eingetragen wurde. Wenn Sie das nicht waren, ignorieren Sie sie einfach.`,
    };
  } else {
    const items = m.events.slice(0, MAX_ITEMS).map((e) => eventItem(base, e));
    const first = m.events[0];
    subject = m.kind === 'event' && first
      ? `${first.reference ?? 'Vorlage'}: ${sentenceOf(first)}`
      : `Tageszusammenfassung: ${m.events.length} ${m.events.length === 1 ? 'Änderung' : 'Änderungen'} zu ${m.followed.label}`;
    model = {
      heading: m.kind === 'event' ? 'Neues zu einer Vorlage' : 'Ihre tägliche Zusammenfassung',
      intro: `Neues zu ${m.followed.label}:`,
      items,
      more: m.events.length > MAX_ITEMS ? m.events.length - MAX_ITEMS : 0,
    };
  }
  const full = neutraliseModel({ ...common, ...model, subject: headerText(subject) });
  const t = templates();
  return {
    subject: full.subject as string,
    text: t.text(full),
    html: t.html(full),
    headers: {
      'List-Unsubscribe': `<${unsubscribeHref}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'Auto-Submitted': 'auto-generated',
    },
  };
}
