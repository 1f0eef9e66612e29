/** GET / — the motions with state, current station, next step and date; filter by state and committee; paginated. */
import type { Request, Response } from 'express';
import { listCommittees, listPapers, stateCounts } from '../../db/queries';
import { PAPER_STATES, STATE_LABELS, type PaperState } from '../../domain/progress';
import type { AppContext } from '../app';
import { HttpError } from '../http-error';

export const PAGE_SIZE = 25;

function one(q: unknown): string | null {
  if (typeof q === 'string' && q.trim() !== '') return q.trim();
  return null;
}

export function homeRoute(ctx: AppContext) {
  return (req: Request, res: Response) => {
    ctx.ensureFresh();
    const state = one(req.query.state);
    if (state && !(PAPER_STATES as readonly string[]).includes(state)) throw new HttpError(400, 'Unbekannter Status im Filter.');
    const organization = one(req.query.gremium);
    const pageText = one(req.query.seite) ?? '1';
    const page = Number(pageText);
    if (!Number.isInteger(page) || page < 1 || page > 100000) throw new HttpError(400, 'Ungültige Seitenzahl.');
    const { rows, total } = listPapers(ctx.sqlite, { state, organization, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    if (page > pages) throw new HttpError(404, 'Diese Seite gibt es nicht.');
    const counts = stateCounts(ctx.sqlite);
    const link = (p: number) => {
      const params = new URLSearchParams();
      if (state) params.set('state', state);
      if (organization) params.set('gremium', organization);
      if (p > 1) params.set('seite', String(p));
      const s = params.toString();
      return s ? `/?${s}` : '/';
    };
    res.type('html').send(
      ctx.render('home', {
        title: 'Vorlagen',
        today: ctx.today(),
        total,
        papers: rows.map((r) => ({
          ...r,
          stateLabel: r.state ? STATE_LABELS[r.state as PaperState] ?? r.state : 'unbekannt',
        })),
        states: PAPER_STATES.map((s) => ({ value: s, label: STATE_LABELS[s], count: counts.get(s) ?? 0, selected: s === state })),
        committees: listCommittees(ctx.sqlite).map((c) => ({ value: c, selected: c === organization })),
        filtered: Boolean(state || organization),
        page,
        pages,
        prev: page > 1 ? link(page - 1) : null,
        next: page < pages ? link(page + 1) : null,
      }),
    );
  };
}
