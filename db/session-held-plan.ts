// Plans the coach's "did this session take place?" question for each unmarked session of
// an active engagement (`session_held:<sessionId>`), two days after it was due, in the
// coach's working hours. Run with the digests and briefs by the hourly coach schedule;
// idempotent by dedupe key. A session that moved moves its question while it is pending.
import { gte } from 'drizzle-orm';
import { SESSION_HELD_LOOKBACK_MS, sessionHeldDedupeKey, sessionHeldDueAt } from '../src/domain/engagement/session-held.js';
import type { Db } from './client.js';
import { scheduledCoachSessions, writeSessionNudges, type CoachPlanInput } from './coach-plan-sync.js';
import { sessions } from './schema/index.js';

export async function planSessionHeldQuestions(db: Db, input: CoachPlanInput): Promise<number> {
  const unmarked = await scheduledCoachSessions(db, input, gte(sessions.scheduledAt, new Date(input.now.getTime() - SESSION_HELD_LOOKBACK_MS)));
  return writeSessionNudges(db, input, unmarked, { kind: 'session_held', dedupeKey: sessionHeldDedupeKey, dueAt: (s, hours) => sessionHeldDueAt(s.scheduledAt, hours) });
}
