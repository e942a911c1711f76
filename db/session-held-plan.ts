// Plans the coach's "did this session take place?" question for each unmarked session of
// an active engagement (`session_held:<sessionId>`), two days after it was due, in the
// coach's working hours. Run with the digests and briefs by the hourly coach schedule;
// idempotent by dedupe key. A session that moved moves its question while it is pending.
import { gte, sql } from 'drizzle-orm';
import { SESSION_HELD_LOOKBACK_MS, sessionHeldDedupeKey, sessionHeldDueAt } from '../src/domain/engagement/session-held.js';
import type { Db } from './client.js';
import { hoursOf, scheduledCoachSessions, type CoachPlanInput } from './coach-plan-sync.js';
import { nudges, sessions } from './schema/index.js';

export async function planSessionHeldQuestions(db: Db, input: CoachPlanInput): Promise<number> {
  const unmarked = await scheduledCoachSessions(db, input, gte(sessions.scheduledAt, new Date(input.now.getTime() - SESSION_HELD_LOOKBACK_MS)));
  if (unmarked.length === 0) return 0;
  const rows = unmarked.map((s) => ({
    teamId: s.teamId,
    recipientId: s.coachId,
    engagementId: s.engagementId,
    sessionId: s.sessionId,
    kind: 'session_held',
    dedupeKey: sessionHeldDedupeKey(s.sessionId),
    dueAt: sessionHeldDueAt(s.scheduledAt, hoursOf(s, input.defaultWorkingHours)),
    ref: { sessionId: s.sessionId, sessionAt: s.scheduledAt.getTime() },
  }));
  const written = await db
    .insert(nudges)
    .values(rows)
    .onConflictDoUpdate({
      target: [nudges.teamId, nudges.dedupeKey],
      set: { dueAt: sql`excluded.due_at`, ref: sql`excluded.ref`, updatedAt: input.now },
      setWhere: sql`${nudges.status} = 'pending' and ${nudges.ref}->>'sessionAt' is distinct from excluded.ref->>'sessionAt'`,
    })
    .returning({ id: nudges.id });
  return written.length;
}
