// The *Stakeholders* section of the leader's App Home: who is named for the engagement
// under way and where each round stands — counts only once a round has closed.
import { listStakeholders } from '../../db/pulse.js';
import { listEngagementsOf } from '../../db/engagements.js';
import { isClosed, releaseRound } from '../domain/pulse/index.js';
import type { ServiceContext } from './context.js';
import { summariseRounds } from './pulse-results.js';

export interface StakeholdersHome {
  engagementId: string;
  stakeholders: string[];
  rounds: { id: string; stage: 'baseline' | 'midpoint' | 'closing'; opensAt: Date; closesAt: Date; opened: boolean; closed: boolean; asked: number; answered: number; released: boolean }[];
}

export async function loadStakeholdersHome(ctx: ServiceContext, teamId: string, userId: string): Promise<StakeholdersHome | null> {
  const [engagement] = await listEngagementsOf(ctx.db, teamId, userId, ['active'], 'leader');
  if (!engagement) return null;
  const now = ctx.now();
  const [stakeholders, summaries] = await Promise.all([listStakeholders(ctx.db, teamId, engagement.id), summariseRounds(ctx, teamId, engagement.id)]);
  return {
    engagementId: engagement.id,
    stakeholders,
    rounds: summaries.map(({ round, asked, answered }) => ({
      id: round.id,
      stage: round.stage,
      opensAt: round.opensAt,
      closesAt: round.closesAt,
      opened: round.opensAt <= now,
      closed: isClosed(round, now),
      asked,
      answered,
      // The same rule as the results themselves; no answers are read for it.
      released: releaseRound({ closesAt: round.closesAt, now, answered, targetIds: [], responses: [], random: Math.random }).released,
    })),
  };
}
