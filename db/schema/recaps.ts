// Session recaps: what an engagement's coach sent the leader as "what we agreed". Kept,
// encrypted and bound to the row, only so the leader's "Make this my action" can read the
// words back server-side rather than carrying them in the button. The recap is the
// leader's: in their export, gone with their data and with the engagement; its text
// emptied by retention like the rest of the engagement's.
import { index, text } from 'drizzle-orm/pg-core';
import { coachAndLeader, createdAt } from './columns.js';
import { engagementTable } from './engagements.js';

export const sessionRecaps = engagementTable(
  'session_recaps',
  {
    /** The coach who sent it, and the one person who may use it: the engagement's leader when it was sent. */
    ...coachAndLeader(),
    /** Encrypted: the coach's words to the leader. */
    textEnc: text('text_enc').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('session_recaps_engagement_idx').on(t.engagementId), index('session_recaps_leader_idx').on(t.teamId, t.leaderId)],
);
