/**
 * The replay server: recorded pages at their original ALLRIS and OParl URLs, faults on demand.
 * A request names the page by its Host header and path (the crawler's `--via` sends it that way) or by
 * an absolute request target (proxy style). Listens on 127.0.0.1 only. Every request is logged in
 * `requests` (and emitted as "request") so tests can see what the crawler asked for and when.
 */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import { sha256 } from '../store/page-store';
import { errorPage } from './error-pages';
import { FaultPlan, type FaultConfig, type FaultKind, type FaultRule } from './faults';
import type { LoadedPage } from './manifest';
import { urlKey } from './url-key';

export interface ReplayRequest {
  /** ms since the epoch when the request arrived */
  at: number;
  method: string;
  /** host + path + query as requested, e.g. "srv19.regensburg.de/bi/vo020.asp?VOLFDNR=22820" */
  url: string;
  status: number | 'reset' | 'timeout' | 'truncated';
  fault: FaultKind | null;
  userAgent: string | null;
  acceptLanguage: string | null;
  conditional: boolean;
  cookie: string | null;
}

interface Served {
  bytes: Buffer;
  contentType: string;
  etag: string;
  lastModified: string;
  ajax: boolean;
  setCookie: string | null;
}

export interface ReplayOptions {
  faults?: FaultConfig;
  /** answer If-None-Match / If-Modified-Since with 304 (default true) */
  conditional?: boolean;
  /** compress answers for clients that accept gzip (default true) */
  gzip?: boolean;
}

function contentTypeOf(file: string, bytes: Buffer): string {
  if (/\.json$/i.test(file)) return 'application/json; charset=utf-8';
  if (/\.xml$/i.test(file)) return 'text/xml; charset=utf-8';
  if (/\.pdf$/i.test(file)) return 'application/pdf';
  const head = bytes.subarray(0, 2048).toString('latin1');
  const m = /charset=["']?([\w-]+)/i.exec(head) ?? /<\?xml[^>]+encoding=["']([\w-]+)/i.exec(head);
  return m ? `text/html; charset=${m[1].toLowerCase()}` : 'text/html';
}

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function httpDate(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toUTCString();
}

/**
 * The ALLRIS 4 calendar shell (`…/si010` without a month), served where the replay has calendar months
 * that come by AJAX: it sets the session cookie the months need and names a new page version each time
 * it is asked (0, 1, 2, …). Hand-made after ALLRIS-NOTES §2b (the real shell is a full Wicket page; only
 * the cookie and the page version matter to a crawler).
 */
function calendarShell(version: number): Buffer {
  return Buffer.from(`<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>ALLRIS - Sitzungskalender</title>
<meta name="description" content="ALLRIS net Version 4.1.7 (4170041) - 08.07.2026">
<script>Wicket.Ajax.baseUrl="si010?${version}";</script></head>
<body><div id="allris" class="si010"><div id="calendarContainer"></div></div></body></html>
`);
}

const NOT_FOUND = Buffer.from('<!DOCTYPE html><html><head><title>404</title></head><body><h1>Nicht gefunden</h1></body></html>\n');

export class ReplayServer extends EventEmitter {
  readonly requests: ReplayRequest[] = [];
  readonly faults: FaultPlan;
  readonly robots = new Map<string, string>();
  private readonly pages = new Map<string, Served>();
  /** host + path of the AJAX calendar months, where the calendar shell is served */
  private readonly ajaxPaths = new Set<string>();
  private sessions = 0;
  /** calendar page versions handed out by the shell, and those a month was asked on already (ALLRIS-NOTES §2b) */
  private versions = 0;
  private readonly usedVersions = new Set<string>();
  /**
   * Lists paged in the session (ALLRIS 3 vo040 "shownext"): the next-page address → its pages; the list's own
   * address → that next-page address. Each session's place in its list, by session cookie.
   */
  private readonly sessionLists = new Map<string, { pages: Buffer[]; contentType: string }>();
  private readonly sessionListStarts = new Map<string, string>();
  private readonly listPlaces = new Map<string, number>();
  private readonly server: http.Server;
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly conditional: boolean;
  private readonly gzip: boolean;

  constructor(pages: LoadedPage[], opts: ReplayOptions = {}) {
    super();
    this.faults = new FaultPlan([...(opts.faults?.rules ?? [])]);
    for (const [host, text] of Object.entries(opts.faults?.robots ?? {})) this.robots.set(host.toLowerCase(), text);
    this.conditional = opts.conditional ?? true;
    this.gzip = opts.gzip ?? true;
    for (const p of pages) {
      const bytes = fs.readFileSync(p.absFile);
      this.put(p.url, bytes, p.contentType ?? contentTypeOf(p.absFile, bytes), { ajax: p.ajax, setCookie: p.setCookie });
    }
    this.server = http.createServer((req, res) => this.handle(req, res));
    this.server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
  }

  /** Serves these bytes at this URL from now on (a changed page, or a new one; `ajax`: a calendar month that comes by Wicket AJAX). */
  setPage(url: string, bytes: Buffer, contentType?: string, opts: { ajax?: boolean } = {}): void {
    const old = this.pages.get(urlKey(url));
    this.put(url, bytes, contentType ?? old?.contentType ?? contentTypeOf(url, bytes), { ajax: opts.ajax ?? old?.ajax, setCookie: old?.setCookie ?? undefined }, Date.now() + 1000);
  }

  removePage(url: string): void {
    this.pages.delete(urlKey(url));
    const next = this.sessionListStarts.get(urlKey(url));
    if (next) this.sessionLists.delete(next);
    this.sessionListStarts.delete(urlKey(url));
  }

  /**
   * Pages a list in the session, as ALLRIS 3's vo040 does (ALLRIS-NOTES §6): `listUrl` answers the first page
   * and starts a session (cookie ASPSESSIONIDREPLAY); `nextUrl` answers the session's next page (the last one
   * again past the end) — and, without a session it knows, the first page, as a RIS whose session ran out.
   */
  setSessionList(listUrl: string, nextUrl: string, pages: Buffer[], contentType: string): void {
    this.sessionLists.set(urlKey(nextUrl), { pages, contentType });
    this.sessionListStarts.set(urlKey(listUrl), urlKey(nextUrl));
  }

  /** The answer of a session-paged list (setSessionList) to this request, or null when `key` is none of its addresses. */
  private sessionListPage(req: http.IncomingMessage, key: string): { body: Buffer; contentType: string; setCookie: string | null } | null {
    const startOf = this.sessionListStarts.get(key);
    const list = this.sessionLists.get(startOf ?? key);
    if (!list) return null;
    const session = /ASPSESSIONIDREPLAY=(\w+)/.exec(String(req.headers.cookie ?? ''))?.[1];
    if (startOf || !session || !this.listPlaces.has(session)) {
      const fresh = `s${++this.sessions}`;
      this.listPlaces.set(fresh, 0);
      return { body: list.pages[0], contentType: list.contentType, setCookie: `ASPSESSIONIDREPLAY=${fresh}; Path=/` };
    }
    const place = Math.min(this.listPlaces.get(session)! + 1, list.pages.length - 1);
    this.listPlaces.set(session, place);
    return { body: list.pages[place], contentType: list.contentType, setCookie: null };
  }

  get pageCount(): number {
    return this.pages.size;
  }

  private put(url: string, bytes: Buffer, contentType: string, extra: { ajax?: boolean; setCookie?: string }, modified = Date.UTC(2026, 0, 1)): void {
    if (extra.ajax) this.ajaxPaths.add(urlKey(url).replace(/\?.*$/, ''));
    this.pages.set(urlKey(url), {
      bytes, contentType, etag: `"${sha256(bytes).slice(0, 16)}"`, lastModified: httpDate(modified), ajax: !!extra.ajax, setCookie: extra.setCookie ?? null,
    });
  }

  listen(port = 0): Promise<{ port: number; url: string }> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => {
        const p = (this.server.address() as AddressInfo).port;
        resolve({ port: p, url: `http://127.0.0.1:${p}` });
      });
    });
  }

  close(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    for (const s of this.sockets) s.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private log(req: http.IncomingMessage, url: string, status: ReplayRequest['status'], fault: FaultKind | null): void {
    const h = (n: string) => (typeof req.headers[n] === 'string' ? (req.headers[n] as string) : null);
    const entry: ReplayRequest = {
      at: Date.now(), method: req.method ?? 'GET', url, status, fault, userAgent: h('user-agent'), acceptLanguage: h('accept-language'),
      conditional: !!(req.headers['if-none-match'] || req.headers['if-modified-since']), cookie: h('cookie'),
    };
    this.requests.push(entry);
    this.emit('request', entry);
  }

  private later(ms: number, fn: () => void): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    this.timers.add(t);
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    let target: URL;
    try {
      target = /^https?:\/\//i.test(req.url ?? '') ? new URL(req.url!) : new URL(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const url = `${target.hostname}${target.pathname}${target.search}`;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      this.log(req, url, 405, null);
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const rule = this.faults.take(`https://${url}`);
    if (rule?.fault === 'slow') {
      this.later(rule.delayMs ?? 500, () => this.answer(req, res, target, url, rule));
      return;
    }
    this.answer(req, res, target, url, rule);
  }

  /**
   * Whether an AJAX month names a page version the shell handed out and no month was asked on yet (the
   * server moves the page on when it shows a month; an old version gets an empty answer). A request that
   * names no version is answered, as before there were versions.
   */
  private freshVersion(target: URL): boolean {
    const token = [...target.searchParams].find(([name, value]) => value === '' && /^\d+(?:-|$)/.test(name));
    if (!token) return true;
    const version = /^\d+/.exec(token[0])![0];
    if (Number(version) >= this.versions || this.usedVersions.has(version)) return false;
    this.usedVersions.add(version);
    return true;
  }

  private answer(req: http.IncomingMessage, res: http.ServerResponse, target: URL, url: string, rule: FaultRule | null): void {
    const fault = rule?.fault ?? null;
    switch (fault) {
      case 'reset':
        this.log(req, url, 'reset', fault);
        req.socket.resetAndDestroy();
        return;
      case 'timeout':
        this.log(req, url, 'timeout', fault);
        return; // never answer; close() or the client ends the connection
      case 'status':
        this.log(req, url, rule!.status ?? 500, fault);
        res.writeHead(rule!.status ?? 500, { 'content-type': 'text/html' }).end(`<html><body><h1>${rule!.status ?? 500}</h1></body></html>`);
        return;
      case 'too-many':
        this.log(req, url, 429, fault);
        res.writeHead(429, { 'retry-after': String(rule!.retryAfter ?? 1), 'content-type': 'text/plain' }).end('Too Many Requests');
        return;
      case 'error-page': {
        const variant = rule!.variant ?? 'zu-viele-zugriffe';
        if (variant === 'noauth') {
          this.log(req, url, 302, fault);
          res.writeHead(302, { location: new URL('noauth.asp', target).pathname }).end();
          return;
        }
        this.log(req, url, 200, fault);
        res.writeHead(200, { 'content-type': 'text/html' }).end(errorPage(variant));
        return;
      }
      case 'redirect-loop': {
        const next = new URL(target);
        if (next.searchParams.has('loop')) next.searchParams.delete('loop');
        else next.searchParams.set('loop', '1');
        this.log(req, url, 302, fault);
        res.writeHead(302, { location: `${next.pathname}${next.search}` }).end();
        return;
      }
      default:
    }
    if (/^\/robots\.txt$/i.test(target.pathname)) {
      const text = this.robots.get(target.hostname.toLowerCase()) ?? this.robots.get('*');
      this.log(req, url, text === undefined ? 404 : 200, null);
      if (text === undefined) res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      else res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(text);
      return;
    }
    if (/\/noauth\.asp$/i.test(target.pathname)) {
      this.log(req, url, 200, null);
      res.writeHead(200, { 'content-type': 'text/html' }).end(errorPage('noauth'));
      return;
    }
    const key = urlKey(target);
    if (!key.includes('?') && this.ajaxPaths.has(key)) {
      this.log(req, url, 200, null);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'set-cookie': `JSESSIONID=replay${++this.sessions}; Path=/; HttpOnly` }).end(calendarShell(this.versions++));
      return;
    }
    const listed = this.sessionListPage(req, key);
    if (listed) {
      this.log(req, url, 200, null);
      const headers: http.OutgoingHttpHeaders = { 'content-type': listed.contentType, 'content-length': String(listed.body.length) };
      if (listed.setCookie) headers['set-cookie'] = listed.setCookie;
      res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : listed.body);
      return;
    }
    const page = this.pages.get(key);
    const sessionOk = !page?.ajax || (req.headers['wicket-ajax'] === 'true' && /JSESSIONID=/.test(String(req.headers.cookie ?? '')) && this.freshVersion(target));
    if (!page || !sessionOk) {
      const status = page ? 200 : 404;
      this.log(req, url, status, null);
      if (page) res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' }).end('<?xml version="1.0" encoding="UTF-8"?><ajax-response></ajax-response>');
      else res.writeHead(404, { 'content-type': 'text/html' }).end(NOT_FOUND);
      return;
    }
    const headers: http.OutgoingHttpHeaders = { 'content-type': page.contentType };
    if (this.conditional) {
      headers.etag = page.etag;
      headers['last-modified'] = page.lastModified;
      const inm = req.headers['if-none-match'];
      const ims = req.headers['if-modified-since'];
      const fresh = inm ? inm.split(/\s*,\s*/).includes(page.etag) : ims ? Date.parse(ims) >= Date.parse(page.lastModified) : false;
      if (fresh) {
        this.log(req, url, 304, fault);
        res.writeHead(304, headers).end();
        return;
      }
    }
    if (page.setCookie) headers['set-cookie'] = page.setCookie;
    let body = page.bytes;
    if (fault === 'wrong-charset') {
      headers['content-type'] = `text/html; charset=${rule!.charset ?? (isUtf8(body) ? 'iso-8859-1' : 'utf-8')}`;
    }
    if (fault === 'truncate') {
      this.log(req, url, 'truncated', fault);
      res.writeHead(200, { ...headers, 'content-length': String(body.length) });
      res.write(body.subarray(0, Math.floor(body.length / 2)), () => req.socket.destroy());
      return;
    }
    if (fault === 'cut') body = body.subarray(0, Math.floor(body.length / 2));
    if (this.gzip && !fault && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      body = gzipSync(body);
      headers['content-encoding'] = 'gzip';
    }
    headers['content-length'] = String(body.length);
    this.log(req, url, 200, fault);
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  }
}
