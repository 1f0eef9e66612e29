/**
 * The dashboard as JSON (/dashboard.json?thema=…&stadt=…, or /dashboard with ?format=json or Accept:
 * application/json): the tables beside the charts, numbers as numbers, each with its CSV address.
 */
import type { ChartView, DashboardParams } from '../views/dashboard-view';
import { dashboardQuery } from '../views/dashboard-view';
import type { JsonLinks } from './links';

export function toDashboardJson(p: DashboardParams, charts: ChartView[], today: string, links: JsonLinks) {
  const q = (extra: Record<string, string> = {}) => dashboardQuery(p, extra).replace(/^\?/, '');
  return {
    type: 'Dashboard',
    today,
    topic: p.topic ? { id: p.topic.id, label: p.topic.label } : null,
    city: p.source,
    tables: charts.map((c) => ({
      key: c.key,
      heading: c.heading,
      caption: c.table.caption,
      columns: c.table.head,
      rows: c.table.rows.map((r) => r.map((cell) => cell.value ?? cell.text)),
      csv: links.url('/dashboard.csv', q({ tabelle: c.key })),
    })),
    links: { self: links.url('/dashboard.json', q()), html: links.url('/dashboard', q()) },
  };
}
