// The leader names the 3–8 people the pulse asks, for their engagement under way. The new
// set and the re-plan it causes (the baseline round opening, a later round's invitations)
// commit together; whatever falls due soon is handed to the queue after the commit.
import type { Db } from '../../db/client.js';
import { listEngagementsOf, type EngagementRow } from '../../db/engagements.js';
import { syncEngagementPlan } from '../../db/plan-sync.js';
import { listStakeholders, replaceStakeholders } from '../../db/pulse.js';
import { listTargets, type TargetView } from '../../db/targets.js';
import { checkStakeholders } from '../domain/pulse/index.js';
import type { ServiceContext } from './context.js';

export interface StakeholderChoiceView {
  engagement: EngagementRow;
  stakeholders: string[];
  targets: TargetView[];
}

/** The leader's engagement under way, with who is named and the targets they will be asked about. */
export async function loadStakeholderChoice(ctx: ServiceContext, input: { teamId: string; userId: string }): Promise<StakeholderChoiceView | null> {
  const [engagement] = await listEngagementsOf(ctx.db, input.teamId, input.userId, ['active'], 'leader');
  if (!engagement) return null;
  const [stakeholders, targets] = await Promise.all([listStakeholders(ctx.db, input.teamId, engagement.id), listTargets(ctx.db, ctx.cipher, input.teamId, engagement.id)]);
  return { engagement, stakeholders, targets };
}

export type NameStakeholdersResult =
  | { outcome: 'invalid'; error: string }
  | { outcome: 'stale' }
  | { outcome: 'saved'; count: number; contracted: boolean };

export async function nameStakeholders(
  ctx: ServiceContext,
  input: { teamId: string; userId: string; engagementId: string; selected: string[] },
): Promise<NameStakeholdersResult> {
  const choice = await loadStakeholderChoice(ctx, input);
  // Only the leader, only for the engagement under way (ended or someone else's: out of date).
  if (!choice || choice.engagement.id !== input.engagementId) return { outcome: 'stale' };
  const checked = checkStakeholders(input.selected, choice.engagement.leaderId, choice.engagement.coachId);
  if (!checked.ok) return { outcome: 'invalid', error: checked.error };
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    await replaceStakeholders(tx, { teamId: input.teamId, engagementId: input.engagementId, userIds: checked.userIds, now });
    await syncEngagementPlan(tx as unknown as Db, { teamId: input.teamId, engagementId: input.engagementId, now, rhythm: ctx.rhythm, defaultWorkingHours: ctx.defaultWorkingHours });
  });
  await ctx.handOff?.(input.teamId, input.engagementId);
  ctx.logger.info({ teamId: input.teamId, userId: input.userId, engagementId: input.engagementId, stakeholders: checked.userIds.length }, 'stakeholders named');
  return { outcome: 'saved', count: checked.userIds.length, contracted: choice.targets.length > 0 };
}
