/** The routes of an Express 5 app, read from its router (mounted routers included), so tests cover routes added later. */
import type express from 'express';

export interface RouteInfo {
  path: string;
  /** upper case; "_ALL" for app.all() */
  methods: string[];
}

interface LayerLike {
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle?: { stack?: LayerLike[] };
  rawPath?: string | RegExp | (string | RegExp)[];
}

export function listRoutes(app: express.Express): RouteInfo[] {
  const out: RouteInfo[] = [];
  const walk = (stack: LayerLike[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const p of ([] as (string | RegExp)[]).concat(layer.route.path)) {
          if (typeof p !== 'string') throw new Error(`route with a RegExp path under ${prefix || '/'}: probe it by hand`);
          out.push({ path: prefix + p, methods: Object.keys(layer.route.methods).map((m) => m.toUpperCase()) });
        }
      } else if (layer.handle?.stack) {
        const raw = layer.rawPath ?? '/';
        if (typeof raw !== 'string') throw new Error('router mounted at a non-string path: probe it by hand');
        walk(layer.handle.stack, prefix + (raw === '/' ? '' : raw));
      }
    }
  };
  walk((app as unknown as { router: { stack: LayerLike[] } }).router.stack, '');
  return out;
}

/** A concrete URL for a route pattern: each parameter from `params` (by name), else "1"; wildcards "x". */
export function concreteUrl(pattern: string, params: Record<string, string | number> = {}): string {
  return (
    pattern
      .replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(String(params[name] ?? '1')))
      .replace(/\*\w*/g, 'x')
      .replace(/[{}]/g, '') || '/'
  );
}
