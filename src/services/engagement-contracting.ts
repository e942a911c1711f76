// Contracting: the leader of an active engagement sets up to three targets and answers
// the coachability questions, once. Only the leader; never on someone else's behalf.
import { hasContracted, saveContracting } from '../../db/contracting.js';
import { findEngagement } from '../../db/engagements.js';
import { COACHABILITY_USES, parseContracting, type ContractingErrors, type ContractingValues, type OpenCoachabilityQuestion } from '../domain/engagement/contracting.js';
import { askQuestions } from './questions.js';
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

/**
 * The open coachability questions for this leader, drawn from the bank (the coach's own
 * first), never the ones they were asked at their last contracting.
 */
export async function contractingQuestions(ctx: Pick<ServiceContext, 'db' | 'cipher' | 'now'>, input: ContractingTarget): Promise<Record<OpenCoachabilityQuestion, string>> {
  const uses = Object.values(COACHABILITY_USES);
  const asked = await askQuestions(ctx, { teamId: input.teamId, leaderId: input.userId, engagementId: input.engagementId, seed: input.engagementId }, uses);
  return { worked: asked.contracting_worked.text, not_worked: asked.contracting_not_worked.text, worthwhile: asked.contracting_worthwhile.text };
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
