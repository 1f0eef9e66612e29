/**
 * GET /suche?q= — search over reference numbers, titles, text sections and document pages (FTS5
 * papers_fts): umlauts either way (ä = ae, ß = ss), every word also as a prefix, exact reference matches
 * first, then by relevance (reference > title > text > documents) or the chosen sort; the same facets
 * and pagination as the start page, and "gefunden in" (?in=titel|text|dokumente). Each motion says
 * where it matched, with excerpts. Beside them, on the first page, the meetings' own documents (Einladung,
 * Niederschrift) with a matching page, in the city the search is filtered to.
 * ?format=csv sends all matches as CSV (as /suche.csv does); ?format=json or Accept: application/json
 * one page as JSON (as /suche.json does).
 */
import type { Request, Response } from 'express';
import type { AppContext } from '../context';
import { HttpError } from '../http-error';
import { loadFacets, loadFoundIn, loadMeetingDocumentPlaces, loadPage, loadPlaces, searchSpec } from '../views/list-data';
import { listParamsOf } from './city-params';
import { PAGE_SIZE } from '../views/list-view';
import { toSearchView, type SearchResult } from '../views/search-view';
import { pageFormat } from '../json/negotiate';
import { sendPaperCsv } from './csv';
import { sendSearchJson } from './list-json';
import { alertForm } from '../alerts/alert-form';

export function searchRoute(ctx: AppContext) {
  return (req: Request, res: Response) => {
    const p = listParamsOf(ctx, req, null, 'search');
    const spec = searchSpec(p, ctx.sqlite);
    const format = pageFormat(req, ['csv']);
    if (format === 'json') {
      sendSearchJson(ctx, req, res, p);
      return;
    }
    if (format === 'csv') {
      if (!spec) throw new HttpError(400, 'Bitte einen Suchbegriff angeben.');
      sendPaperCsv(ctx, req, res, spec, 'ratsradar-suche.csv');
      return;
    }
    let result: SearchResult | null = null;
    if (spec) {
      const { rows, total } = loadPage(ctx.sqlite, spec, PAGE_SIZE, (p.page - 1) * PAGE_SIZE);
      if (p.page > 1 && rows.length === 0) throw new HttpError(404, 'Diese Seite gibt es nicht.');
      const places = loadPlaces(ctx.sqlite, spec, rows.map((r) => r.id));
      const meetingDocuments = p.page === 1 ? loadMeetingDocumentPlaces(ctx.sqlite, p) : [];
      result = { rows, total, facets: loadFacets(ctx.sqlite, spec), places, foundIn: loadFoundIn(ctx.sqlite, p), meetingDocuments };
    }
    res.type('html').send(ctx.render('search', { ...toSearchView(p, result, ctx.today()), alertForm: spec ? alertForm(ctx, 'search', p.q, p.filters.source ?? null) : null }));
  };
}
