// What a check-in needs to know about the leader's engagement: which one it belongs to
// (a leader may have two coaches), its targets and when the next session is. Absent when
// the leader has no active engagement.
import { and, asc, eq, gt } from 'drizzle-orm';
import type { Cipher } from '../src/crypto.js';
import { chooseEngagement } from '../src/domain/checkin/engagement-choice.js';
import type { Style } from '../src/domain/engagement/style.js';
import type { Db } from './client.js';
import { rowSeal } from './sealed.js';
import { engagements, people, sessions, targets } from './schema/index.js';

export interface ActiveEngagement {
  id: string;
  coachId: string;
  style: Style;
}

export interface EngagementContext {
  engagementId: string;
  coachId: string;
  /** How Grow works with the leader in this engagement; it shapes the check-in. */
  style: Style;
  /** Every active engagement of the leader in this team, oldest first (two or more: the leader picks). */
  active: ActiveEngagement[];
  targets: { id: string; description: string }[];
  nextSessionAt: Date | null;
}

/**
 * `chosenId` is the engagement the leader picked; one that is not among their own active
 * engagements in this team is ignored here, so the caller can refuse it by comparing.
 */
export async function findEngagementContext(
  db: Db,
  cipher: Cipher,
  teamId: string,
  leaderId: string,
  now: Date,
  chosenId?: string,
): Promise<EngagementContext | undefined> {
  const [active, [person]] = await Promise.all([
    db
      .select({ id: engagements.id, coachId: engagements.coachId, style: engagements.style })
      .from(engagements)
      .where(and(eq(engagements.teamId, teamId), eq(engagements.leaderId, leaderId), eq(engagements.status, 'active')))
      .orderBy(asc(engagements.createdAt), asc(engagements.id)),
    db
      .select({ lastEngagementId: people.lastEngagementId })
      .from(people)
      .where(and(eq(people.teamId, teamId), eq(people.userId, leaderId))),
  ]);
  const engagement = chooseEngagement(active, { chosenId, lastId: person?.lastEngagementId ?? undefined });
  if (!engagement) return undefined;
  const [targetRows, [next]] = await Promise.all([
    db
      .select({ id: targets.id, descriptionEnc: targets.descriptionEnc })
      .from(targets)
      .where(and(eq(targets.teamId, teamId), eq(targets.engagementId, engagement.id)))
      .orderBy(asc(targets.position)),
    db
      .select({ at: sessions.scheduledAt })
      .from(sessions)
      .where(and(eq(sessions.teamId, teamId), eq(sessions.engagementId, engagement.id), eq(sessions.status, 'scheduled'), gt(sessions.scheduledAt, now)))
      .orderBy(asc(sessions.scheduledAt))
      .limit(1),
  ]);
  return {
    engagementId: engagement.id,
    coachId: engagement.coachId,
    style: engagement.style,
    active,
    targets: targetRows.map((t) => ({ id: t.id, description: rowSeal(cipher, 'targets', { teamId, id: t.id }).open('description_enc', t.descriptionEnc) })),
    nextSessionAt: next?.at ?? null,
  };
}
