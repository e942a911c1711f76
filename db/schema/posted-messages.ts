// Slack messages and files Grow posted outside the nudge rows (check-in confirmations,
// DMs after a click, the export file), recorded by location only so `/grow delete` can
// remove them from Slack too. Nudge rows already carry the location of what they sent.
import { index, pgTable, text } from 'drizzle-orm/pg-core';
import { keyAndTeam, createdAt } from './columns.js';

export const postedMessageKinds = ['checkin_confirmation', 'dm', 'export_file', 'digest'] as const;

export const postedMessages = pgTable(
  'posted_messages',
  {
    ...keyAndTeam(),
    /** Whose DM the message sits in. */
    recipientId: text('recipient_id').notNull(),
    /** For a coach's digest: one row per leader it covered, so erasing one leader finds it. */
    aboutId: text('about_id'),
    kind: text('kind', { enum: postedMessageKinds }).notNull(),
    channelId: text('channel_id'),
    messageTs: text('message_ts'),
    /** Set for an uploaded file: deleting the file removes its message with it. */
    fileId: text('file_id'),
    createdAt: createdAt(),
  },
  (t) => [index('posted_messages_recipient_idx').on(t.teamId, t.recipientId), index('posted_messages_about_idx').on(t.teamId, t.aboutId)],
);
