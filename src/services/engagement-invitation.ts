// The invitation as the sender and the listeners see it: facts re-read from Postgres
// (first session on the leader's clock, whether contracting is done), and the builder
// the nudge sender uses for `invitation` rows — sent only while the engagement is invited.
import { and, asc, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { hasContracted } from '../../db/contracting.js';
import { findEngagement, type EngagementRow } from '../../db/engagements.js';
import { findPerson } from '../../db/people.js';
import { sessions } from '../../db/schema/index.js';
import type { SubjectBuilder } from '../../jobs/nudge-subject.js';
import { invitationMessage, type InvitationFacts } from '../slack/blocks/engagement-invitation.js';

export type InvitationState = InvitationFacts & { status: EngagementRow['status']; contracted: boolean; leaderId: string };

export async function loadInvitationState(db: Db, engagement: EngagementRow): Promise<InvitationState> {
  const [[first], person, contracted] = await Promise.all([
    db
      .select({ at: sessions.scheduledAt })
      .from(sessions)
      .where(and(eq(sessions.engagementId, engagement.id), ne(sessions.status, 'cancelled')))
      .orderBy(asc(sessions.scheduledAt))
      .limit(1),
    findPerson(db, engagement.teamId, engagement.leaderId),
    hasContracted(db, engagement.teamId, engagement.id),
  ]);
  return {
    engagementId: engagement.id,
    coachId: engagement.coachId,
    leaderId: engagement.leaderId,
    sessionCount: engagement.sessionCount,
    cadenceDays: engagement.cadenceDays,
    sessionMinutes: engagement.sessionMinutes,
    firstSessionAt: first?.at ?? null,
    tz: person?.tz ?? 'UTC',
    status: engagement.status,
    contracted,
  };
}

/** For the nudge sender: `extraSubjects: { invitation: invitationSubject }`. */
export const invitationSubject: SubjectBuilder = async ({ db, row }) => {
  const engagementId = row.engagementId ?? (typeof row.ref.engagementId === 'string' ? row.ref.engagementId : undefined);
  const engagement = engagementId ? await findEngagement(db, row.teamId, engagementId) : undefined;
  if (!engagement) return { applies: false, status: 'cancelled', reason: 'engagement_gone' };
  if (engagement.status !== 'invited') return { applies: false, status: 'cancelled', reason: `engagement_${engagement.status}` };
  if (engagement.leaderId !== row.recipientId) return { applies: false, status: 'failed', reason: 'recipient_not_leader' };
  return { applies: true, message: invitationMessage(await loadInvitationState(db, engagement)) };
};
