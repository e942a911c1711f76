// Slack requests already acted on, so a replayed or retried request acts once. Rows live
// a little longer than Slack's five-minute signature window; older ones are deleted as
// new ones arrive (a request older than the window is refused by its signature anyway).
import { index, pgTable, text } from 'drizzle-orm/pg-core';
import { at } from './columns.js';

export const seenRequests = pgTable(
  'seen_requests',
  {
    /** A digest of the event id, view id and hash, or signature; never the body itself. */
    key: text('key').primaryKey(),
    seenAt: at('seen_at').notNull().defaultNow(),
  },
  (t) => [index('seen_requests_seen_at').on(t.seenAt)],
);
