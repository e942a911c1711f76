// One coaching session at a time: read it with its engagement, move it, mark it held or
// cancelled. Every write names the status it leaves, so a stale click changes nothing.
import { and, desc, eq, lt, ne } from 'drizzle-orm';
import type { Db } from './client.js';
import { updateRowIf } from './update-row.js';
import type { EngagementRow, SessionRow } from './engagements.js';
import { engagements, sessions } from './schema/index.js';

export async function findSessionWithEngagement(db: Db, teamId: string, sessionId: string): Promise<{ session: SessionRow; engagement: EngagementRow } | undefined> {
  const [row] = await db
    .select({ session: sessions, engagement: engagements })
    .from(sessions)
    .innerJoin(engagements, eq(engagements.id, sessions.engagementId))
    .where(and(eq(sessions.teamId, teamId), eq(sessions.id, sessionId)));
  return row;
}

export async function rescheduleSession(db: Db, teamId: string, sessionId: string, at: Date): Promise<boolean> {
  return updateRowIf(db, sessions, { teamId, id: sessionId }, { scheduledAt: at }, eq(sessions.status, 'scheduled'));
}

export async function closeSession(db: Db, teamId: string, sessionId: string, status: 'held' | 'cancelled'): Promise<boolean> {
  return updateRowIf(db, sessions, { teamId, id: sessionId }, { status }, eq(sessions.status, 'scheduled'));
}

/**
 * Where "since the last session" starts for the session at `before`: the latest session
 * before it that was not cancelled, or the engagement's start when there is none.
 */
export async function previousSessionAt(db: Db, teamId: string, engagementId: string, before: Date): Promise<Date | null> {
  const [prev] = await db
    .select({ at: sessions.scheduledAt })
    .from(sessions)
    .where(and(eq(sessions.teamId, teamId), eq(sessions.engagementId, engagementId), lt(sessions.scheduledAt, before), ne(sessions.status, 'cancelled')))
    .orderBy(desc(sessions.scheduledAt))
    .limit(1);
  if (prev) return prev.at;
  const [engagement] = await db.select({ at: engagements.createdAt }).from(engagements).where(and(eq(engagements.teamId, teamId), eq(engagements.id, engagementId)));
  return engagement?.at ?? null;
}
