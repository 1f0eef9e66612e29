/** The motion a `/papers/:id/…` route names, with where it stands today; 404 when there is none. */
import { loadPaper } from '../../db/queries';
import { loadPaperAgenda } from '../../db/queries-agenda';
import { progress } from '../../domain/progress';
import type { AppContext } from '../context';
import { HttpError } from '../http-error';
import { parseId } from './ids';

export function paperOfRoute(ctx: AppContext, rawId: unknown) {
  const id = parseId(rawId);
  const stored = id === null ? null : loadPaper(ctx.sqlite, id);
  if (!stored || id === null) throw new HttpError(404, 'Diese Vorlage gibt es nicht.');
  return { id, stored, progress: progress(stored.record, ctx.today(), { agenda: loadPaperAgenda(ctx.sqlite, id) }) };
}
