// A coach's pending notice items: ids and the kind of event only, never what was written
// or why. The coach's `coach_notice` nudge renders the items it has not yet told and marks
// them with its own id.
import { sql } from 'drizzle-orm';
import { check, index, text, uuid } from 'drizzle-orm/pg-core';
import { NOTICE_EVENTS } from '../../src/domain/notices/index.js';
import { coachAndLeader, createdAt } from './columns.js';
import { engagementTable, sessionRef } from './engagements.js';

const knownEvents = sql.raw(NOTICE_EVENTS.map((e) => `'${e}'`).join(', '));

export const coachNotices = engagementTable(
  'coach_notices',
  {
    ...coachAndLeader(),
    event: text('event').notNull(),
    sessionId: sessionRef(),
    /** The coach_notice nudge that told (or withdrew) this item; null while pending. */
    nudgeId: uuid('nudge_id'),
    createdAt: createdAt(),
  },
  (t) => [index('coach_notices_pending_idx').on(t.teamId, t.coachId).where(sql`${t.nudgeId} is null`), check('coach_notices_event_check', sql`${t.event} in (${knownEvents})`)],
);
