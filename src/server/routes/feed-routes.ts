/** Registers the search, the feeds, calendars, CSV downloads and /health (the start page itself is in app.ts). */
import type express from 'express';
import type { AppContext } from '../context';
import { allMeetingsCalendarRoute, organizationCalendarRoute, paperCalendarRoute } from './calendar';
import { listCsvRoute, meetingAgendaCsvRoute, organizationMeetingsCsvRoute, searchCsvRoute } from './csv';
import { listFeedRoute, organizationFeedRoute, paperFeedRoute, searchFeedRoute } from './feeds';
import { healthRoute } from './health';
import { searchRoute } from './search';

export function registerFeedRoutes(app: express.Express, ctx: AppContext): void {
  app.get('/suche', searchRoute(ctx));
  app.get('/suche.csv', searchCsvRoute(ctx));
  app.get('/suche/feed.atom', searchFeedRoute(ctx));
  app.get('/feed.atom', listFeedRoute(ctx));
  app.get('/vorlagen.csv', listCsvRoute(ctx));
  app.get('/calendar.ics', allMeetingsCalendarRoute(ctx));
  app.get('/papers/:id/feed.atom', paperFeedRoute(ctx));
  app.get('/papers/:id/calendar.ics', paperCalendarRoute(ctx));
  app.get('/organizations/:id/feed.atom', organizationFeedRoute(ctx));
  app.get('/organizations/:id/calendar.ics', organizationCalendarRoute(ctx));
  app.get('/organizations/:id/meetings.csv', organizationMeetingsCsvRoute(ctx));
  app.get('/meetings/:id/agenda.csv', meetingAgendaCsvRoute(ctx));
  app.get('/health', healthRoute(ctx));
}
