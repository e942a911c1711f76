// Contracting: the leader of an active engagement sets up to three targets and answers
// the coachability questions, once. Only the leader; never on someone else's behalf.
import { hasContracted, saveContracting } from '../../db/contracting.js';
import { findEngagement } from '../../db/engagements.js';
import { parseContracting, type ContractingErrors, type ContractingValues } from '../domain/engagement/contracting.js';
import { DomainError } from '../domain/errors.js';
import { tellCoach } from './coach-notices.js';
import type { ServiceContext } from './context.js';

export interface ContractingTarget {
  teamId: string;
  userId: string;
  engagementId: string;
}

/** The engagement, if this person may contract it now; throws a DomainError otherwise. */
export async function loadContractable(ctx: ServiceContext, input: ContractingTarget) {
  const engagement = await findEngagement(ctx.db, input.teamId, input.engagementId);
  if (!engagement) throw new DomainError('not_found', `engagement ${input.engagementId}`);
  if (engagement.leaderId !== input.userId) throw new DomainError('forbidden', 'contracting by non-leader');
  if (engagement.status !== 'active') {
    throw new DomainError('stale', `contracting on ${engagement.status}`, 'This engagement is not under way, so there is nothing to set up.');
  }
  if (await hasContracted(ctx.db, input.teamId, engagement.id)) {
    throw new DomainError('conflict', 'contracting already saved', 'Your targets are already saved for this engagement.');
  }
  return engagement;
}

export type SubmitContractingResult = { outcome: 'invalid'; errors: ContractingErrors } | { outcome: 'saved'; targets: number; answers: number };

export async function submitContracting(ctx: ServiceContext, input: ContractingTarget & { values: ContractingValues; keptKinds?: readonly string[] }): Promise<SubmitContractingResult> {
  const parsed = parseContracting(input.values, input.keptKinds);
  if (!parsed.ok) return { outcome: 'invalid', errors: parsed.errors };
  const engagement = await loadContractable(ctx, input);
  await saveContracting(ctx.db, ctx.cipher, { teamId: input.teamId, engagementId: engagement.id, leaderId: input.userId, ...parsed.input });
  // Stakeholders named before the targets: their baseline round opens now.
  await ctx.replan?.(input.teamId, engagement.id);
  await tellCoach(ctx, { teamId: input.teamId, engagement, event: 'contracting_done' });
  ctx.logger.info(
    { teamId: input.teamId, userId: input.userId, engagementId: engagement.id, targets: parsed.input.targets.length, answers: parsed.input.answers.length, style: parsed.input.style, mutedKinds: parsed.input.mutedKinds },
    'contracting saved',
  );
  return { outcome: 'saved', targets: parsed.input.targets.length, answers: parsed.input.answers.length };
}
