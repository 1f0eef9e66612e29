/**
 * The bench's baseline: a bare route (`/__bare`, a fixed string) made the app's first layer, ahead of all
 * its middleware, so that the bare and the real rows are answered by the one app and server production runs.
 */
import type express from 'express';

export function addBareRoute(app: express.Express): void {
  app.get('/__bare', (_req, res) => {
    res.type('text').send('ratsradar bench: a fixed string');
  });
  app.router.stack.unshift(app.router.stack.pop()!);
}
