// One coaching session at a time: read it with its engagement, move it, mark it held or
// cancelled. Every write names the status it leaves, so a stale click changes nothing.
import { and, eq } from 'drizzle-orm';
import type { Db } from './client.js';
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
  const rows = await db
    .update(sessions)
    .set({ scheduledAt: at })
    .where(and(eq(sessions.teamId, teamId), eq(sessions.id, sessionId), eq(sessions.status, 'scheduled')))
    .returning({ id: sessions.id });
  return rows.length > 0;
}

export async function closeSession(db: Db, teamId: string, sessionId: string, status: 'held' | 'cancelled'): Promise<boolean> {
  const rows = await db
    .update(sessions)
    .set({ status })
    .where(and(eq(sessions.teamId, teamId), eq(sessions.id, sessionId), eq(sessions.status, 'scheduled')))
    .returning({ id: sessions.id });
  return rows.length > 0;
}
