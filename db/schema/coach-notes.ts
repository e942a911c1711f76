// A coach's private notes, one or more per session: the text encrypted and bound to its
// row, readable only by the coach who wrote it (never the leader, the sponsor or anyone
// else's export). Gone with the engagement; emptied with its text by retention.
import { index, text } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.js';
import { engagementTable, sessionRef } from './engagements.js';

export const coachNotes = engagementTable(
  'coach_notes',
  {
    /** The session the note is about, when there is one; the note outlives a moved session. */
    sessionId: sessionRef(),
    coachId: text('coach_id').notNull(),
    /** Encrypted: the coach's own words. */
    textEnc: text('text_enc').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('coach_notes_engagement_idx').on(t.engagementId, t.createdAt), index('coach_notes_coach_idx').on(t.teamId, t.coachId)],
);
