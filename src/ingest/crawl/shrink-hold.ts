/**
 * What happens to an answer the shrink guard (src/db/shrink-guard.ts) calls suspicious, in the crawler
 * and in `reparse`: it is kept in the page store but not applied, and listed as "suspicious shrink"
 * (crawl report, data/failures/<source>/), until either
 * - the RIS shows the same shrunk page again at least a day later (SAME_SHRINK_AFTER_MS: an answer of
 *   the URL fetched that much earlier that parses to the very same record, and no other record shown in
 *   between), so the change is meant; or
 * - a person runs `ratsradar reparse --accept URL`, which applies the URL's newest stored answer and
 *   notes it in `<store>/accepted.jsonl`, so later reparses apply it too.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ensureDir } from '../../util/ensure-dir';
import { parsePage } from '../../../scrapers/parse';
import type { RisRecord } from '../../../scrapers/records';
import { hasBody, readBody, type StoredFetch } from '../store/page-store';

/** The same shrunk page seen this long apart (or more) is believed. */
export const SAME_SHRINK_AFTER_MS = 24 * 3600 * 1000;

function sameRecord(storeDir: string, e: StoredFetch, json: string): boolean {
  if (!hasBody(storeDir, e.sha256)) return false;
  try {
    return JSON.stringify(parsePage(readBody(storeDir, e.sha256), e.url)) === json;
  } catch {
    return false;
  }
}

/**
 * Whether the RIS has shown this record at `url` without a break since at least SAME_SHRINK_AFTER_MS before
 * `at`: `answers` (store log entries, any order) hold an answer fetched that long before that gives the same
 * record (the same bytes, or bytes that parse the same), and every answer of the URL since gave it too. An
 * older answer of the shrunk page that a fuller one followed (a stale replica, a page put back to an earlier
 * version) does not count: the shrunk page must have stood for a day after the last fuller one.
 */
export function shownADayBefore(storeDir: string, answers: StoredFetch[], url: string, record: RisRecord, sha: string, at: string): boolean {
  const now = Date.parse(at);
  const until = now - SAME_SHRINK_AFTER_MS;
  const json = JSON.stringify(record);
  const before = answers
    .filter((e) => e.url === url && e.status === 200 && Date.parse(e.fetchedAt) < now)
    .sort((a, b) => Date.parse(b.fetchedAt) - Date.parse(a.fetchedAt));
  for (const e of before) {
    if (e.sha256 !== sha && !sameRecord(storeDir, e, json)) return false;
    if (Date.parse(e.fetchedAt) <= until) return true;
  }
  return false;
}

export interface Acceptance {
  url: string;
  sha256: string;
  acceptedAt: string;
}

function acceptedFile(storeDir: string): string {
  return path.join(storeDir, 'accepted.jsonl');
}

/** The answers a person accepted despite a suspicious shrink ("url\0sha256"). */
export function readAccepted(storeDir: string): Set<string> {
  const file = acceptedFile(storeDir);
  if (!fs.existsSync(file)) return new Set();
  const out = new Set<string>();
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    try {
      const a = JSON.parse(line) as Acceptance;
      if (typeof a.url === 'string' && typeof a.sha256 === 'string') out.add(`${a.url}\u0000${a.sha256}`);
    } catch {
      // an empty or torn line
    }
  }
  return out;
}

export function saveAcceptance(storeDir: string, a: Acceptance): void {
  ensureDir(storeDir);
  fs.appendFileSync(acceptedFile(storeDir), `${JSON.stringify(a)}\n`);
}
