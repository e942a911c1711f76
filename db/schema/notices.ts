// A coach's pending notice items: ids and the kind of event only, never what was written
// or why. The coach's `coach_notice` nudge renders the items it has not yet told and marks
// them with its own id.
import { sql } from 'drizzle-orm';
import { check, index, text, uuid } from 'drizzle-orm/pg-core';
import { pgTable } from 'drizzle-orm/pg-core';
import { NOTICE_EVENTS } from '../../src/domain/notices/index.js';
import { createdAt, keyAndTeam } from './columns.js';
import { engagementRef, sessions } from './engagements.js';

const knownEvents = sql.raw(NOTICE_EVENTS.map((e) => `'${e}'`).join(', '));

export const coachNotices = pgTable(
  'coach_notices',
  {
    ...keyAndTeam(),
    coachId: text('coach_id').notNull(),
    leaderId: text('leader_id').notNull(),
    engagementId: engagementRef('cascade').notNull(),
    event: text('event').notNull(),
    sessionId: uuid('session_id').references(() => sessions.id, { onDelete: 'set null' }),
    /** The coach_notice nudge that told (or withdrew) this item; null while pending. */
    nudgeId: uuid('nudge_id'),
    createdAt: createdAt(),
  },
  (t) => [index('coach_notices_pending_idx').on(t.teamId, t.coachId).where(sql`${t.nudgeId} is null`), check('coach_notices_event_check', sql`${t.event} in (${knownEvents})`)],
);
