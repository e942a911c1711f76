// The sponsor's answers as the leader or the coach may read them (the rule is
// `sponsorAnswersSeenBy` in src/domain/privacy), and the leader passing the change the
// sponsor saw on to their coach.
import type { Db } from '../../db/client.js';
import { findEngagement, listEngagementsOf } from '../../db/engagements.js';
import { listSponsorAnswers, shareChangeWithCoach } from '../../db/sponsor-answers.js';
import type { Cipher } from '../crypto.js';
import { sponsorAnswersSeenBy, type SeenSponsorAnswers } from '../domain/privacy/index.js';
import type { ServiceContext } from './context.js';

type Reader = { db: Db; cipher: Cipher };

export async function sponsorAnswersFor(
  ctx: Reader,
  engagement: { id: string; teamId: string; coachId: string; leaderId: string; sponsorId: string | null },
  viewerId: string,
): Promise<SeenSponsorAnswers | null> {
  if (!engagement.sponsorId) return null;
  const answers = await listSponsorAnswers(ctx.db, ctx.cipher, engagement.teamId, engagement.id);
  return sponsorAnswersSeenBy(viewerId, engagement, answers);
}

export interface LeaderSponsorAnswers {
  engagementId: string;
  seen: SeenSponsorAnswers;
}

/** For the leader's App Home: the answers of the sponsors of their engagements, where there are any. */
export async function loadLeaderSponsorAnswers(ctx: Reader, teamId: string, leaderId: string): Promise<LeaderSponsorAnswers[]> {
  const engagements = await listEngagementsOf(ctx.db, teamId, leaderId, ['active', 'ended'], 'leader');
  const out: LeaderSponsorAnswers[] = [];
  for (const e of engagements.filter((x) => x.sponsorId)) {
    const seen = await sponsorAnswersFor(ctx, e, leaderId);
    if (seen && (seen.outcomes || seen.change)) out.push({ engagementId: e.id, seen });
  }
  return out;
}

/** The outcomes the sponsor hopes for, for the leader's contracting; null when none yet. */
export async function sponsorOutcomesForLeader(ctx: Reader, teamId: string, engagementId: string, leaderId: string): Promise<{ sponsorId: string; outcomes: string } | null> {
  const engagement = await findEngagement(ctx.db, teamId, engagementId);
  if (!engagement || engagement.leaderId !== leaderId) return null;
  const seen = await sponsorAnswersFor(ctx, engagement, leaderId);
  return seen?.outcomes ? { sponsorId: seen.sponsorId, outcomes: seen.outcomes } : null;
}

export async function shareSponsorChange(
  ctx: ServiceContext,
  input: { teamId: string; userId: string; engagementId: string },
): Promise<{ outcome: 'refused' } | { outcome: 'shared' | 'already'; coachId: string }> {
  const engagement = await findEngagement(ctx.db, input.teamId, input.engagementId);
  if (!engagement || engagement.leaderId !== input.userId) return { outcome: 'refused' };
  const shared = await shareChangeWithCoach(ctx.db, { teamId: input.teamId, engagementId: engagement.id, now: ctx.now() });
  if (shared) ctx.logger.info({ teamId: input.teamId, userId: input.userId, engagementId: engagement.id }, 'sponsor change shared with coach');
  return { outcome: shared ? 'shared' : 'already', coachId: engagement.coachId };
}
