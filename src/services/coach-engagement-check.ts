// The check before a coach writes on an engagement (a private note, a question of their
// own, a session recap): only the engagement's coach may, and only while the engagement
// still takes what they write, which each verb says for itself.
import { findEngagement, type EngagementRow } from '../../db/engagements.js';
import type { ServiceContext } from './context.js';

export interface CoachEngagementClick {
  teamId: string;
  userId: string;
  engagementId: string;
}

export type CoachEngagementCheck = { outcome: 'refused' } | { outcome: 'closed' } | { outcome: 'open'; leaderId: string };

export async function checkCoachEngagement(
  ctx: Pick<ServiceContext, 'db'>,
  input: CoachEngagementClick,
  takes: (engagement: EngagementRow) => boolean,
): Promise<CoachEngagementCheck> {
  const engagement = await findEngagement(ctx.db, input.teamId, input.engagementId);
  if (!engagement || engagement.coachId !== input.userId) return { outcome: 'refused' };
  if (!takes(engagement)) return { outcome: 'closed' };
  return { outcome: 'open', leaderId: engagement.leaderId };
}
