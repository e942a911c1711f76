// One coaching session at a time: read it with its engagement, move it, mark it held or
// cancelled. Every write names the status it leaves, so a stale click changes nothing.
import { and, eq, sql, type SQL } from 'drizzle-orm';
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
  const [row] = await db.select({ at: previousSessionAtSql(teamId, engagementId, before) }).from(sql`(select 1) as one`);
  return row?.at ?? null;
}

/**
 * `previousSessionAt` as a scalar subquery, for a statement that reads it with other
 * facts: `engagementId` and `before` may be that statement's columns (written qualified).
 */
export function previousSessionAtSql(teamId: string, engagementId: string | SQL, before: Date | SQL): SQL<Date | null> {
  const engagement = typeof engagementId === 'string' ? sql`${engagementId}::uuid` : engagementId;
  const at = before instanceof Date ? sql`${before.toISOString()}::timestamptz` : before;
  return sql<Date | null>`coalesce(
    (select max(earlier.scheduled_at) from sessions earlier
      where earlier.team_id = ${teamId} and earlier.engagement_id = ${engagement} and earlier.scheduled_at < ${at} and earlier.status <> 'cancelled'),
    (select started.created_at from engagements started where started.team_id = ${teamId} and started.id = ${engagement}))`.mapWith(sessions.scheduledAt);
}
