/**
 * GET /health — JSON: whether the database answers, how many papers and meetings it holds, and each
 * source's last sync (sources.last_sync_at; and, where the crawler's source_sync table exists, its
 * last success and when it last failed). 200 when the database answers, 503 when it does not. Never cached.
 * /health is public: it names no failure's message (a path, an errno, a host's answer) — those are
 * for the operator, in `ratsradar sources`.
 */
import type { Request, Response } from 'express';
import type Database from 'better-sqlite3';
import type { AppContext } from '../context';
import { stmt } from '../../db/registry';

interface SourceHealth {
  key: string;
  name: string;
  demo: boolean;
  lastSyncAt: string | null;
  lastSuccessAt?: string | null;
  lastFailureAt?: string | null;
}

function hasTable(sqlite: Database.Database, name: string): boolean {
  return stmt(sqlite, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(name) === 1;
}

function loadSources(sqlite: Database.Database): SourceHealth[] {
  const sync = hasTable(sqlite, 'source_sync');
  const rows = stmt(sqlite, 
      `SELECT s.key, s.name, s.is_demo AS demo, s.last_sync_at AS lastSyncAt${sync ? ', y.last_success_at AS lastSuccessAt, y.last_failure_at AS lastFailureAt' : ''}
       FROM sources s ${sync ? 'LEFT JOIN source_sync y ON y.source_id = s.id' : ''} ORDER BY s.key LIMIT 1000`,
    )
    .all() as (Omit<SourceHealth, 'demo'> & { demo: number })[];
  return rows.map((r) => ({ ...r, demo: r.demo === 1 }));
}

export function healthRoute(ctx: AppContext) {
  return (_req: Request, res: Response) => {
    res.setHeader('Cache-Control', 'no-store');
    try {
      const papers = stmt(ctx.sqlite, 'SELECT COUNT(*) FROM papers').pluck().get() as number;
      const meetings = stmt(ctx.sqlite, 'SELECT COUNT(*) FROM meetings').pluck().get() as number;
      res.json({ status: 'ok', today: ctx.today(), database: { ok: true, papers, meetings }, sources: loadSources(ctx.sqlite) });
    } catch (err) {
      res.status(503).json({
        status: 'error',
        today: ctx.today(),
        database: { ok: false, error: 'Die Datenbank antwortet nicht.' },
        sources: [],
      });
      process.stderr.write(`ratsradar: /health: ${err instanceof Error ? err.message : String(err)}\n`);
    }
  };
}
