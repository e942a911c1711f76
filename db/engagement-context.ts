// What a check-in needs to know about the leader's engagement: its targets and when the
// next session is. One small query each; absent when the leader has no active engagement.
import { and, asc, eq, gt } from 'drizzle-orm';
import type { Cipher } from '../src/crypto.js';
import type { Db } from './client.js';
import { rowSeal } from './sealed.js';
import { engagements, sessions, targets } from './schema/index.js';

export interface EngagementContext {
  engagementId: string;
  targets: { id: string; description: string }[];
  nextSessionAt: Date | null;
}

export async function findEngagementContext(db: Db, cipher: Cipher, teamId: string, leaderId: string, now: Date): Promise<EngagementContext | undefined> {
  const [engagement] = await db
    .select({ id: engagements.id })
    .from(engagements)
    .where(and(eq(engagements.teamId, teamId), eq(engagements.leaderId, leaderId), eq(engagements.status, 'active')))
    .limit(1);
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
    targets: targetRows.map((t) => ({ id: t.id, description: rowSeal(cipher, 'targets', { teamId, id: t.id }).open('description_enc', t.descriptionEnc) })),
    nextSessionAt: next?.at ?? null,
  };
}
