// Rows the leader-facing kinds re-read at send time: the session a row is about, the
// leader's latest open action, the engagement the row belongs to.
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { NudgeRow } from '../../db/nudges.js';
import { actions, engagements, sessions } from '../../db/schema/index.js';

export async function loadRowSession(db: Db, row: NudgeRow) {
  if (!row.sessionId) return undefined;
  const [session] = await db.select().from(sessions).where(and(eq(sessions.id, row.sessionId), eq(sessions.teamId, row.teamId)));
  return session;
}

export async function loadOpenAction(db: Db, row: NudgeRow) {
  const [action] = await db
    .select()
    .from(actions)
    .where(
      and(eq(actions.teamId, row.teamId), eq(actions.leaderId, row.recipientId), eq(actions.engagementId, row.engagementId!), eq(actions.status, 'open')),
    )
    .orderBy(desc(actions.createdAt))
    .limit(1);
  return action;
}

export async function loadEngagementStatus(db: Db, teamId: string, engagementId: string) {
  const [engagement] = await db
    .select({ status: engagements.status })
    .from(engagements)
    .where(and(eq(engagements.id, engagementId), eq(engagements.teamId, teamId)));
  return engagement?.status;
}
