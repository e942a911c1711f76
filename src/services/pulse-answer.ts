// A stakeholder answers or declines a round, once. Only someone asked in that round, only
// while it is open. The answer is stored without the person (see db/pulse.ts), and the
// log line names the round, never who answered it next to what they said.
import { findEngagement } from '../../db/engagements.js';
import { findRound, invitationStatus, saveAnswers, saveDecline, type PulseRoundRow } from '../../db/pulse.js';
import { listTargets, type TargetView } from '../../db/targets.js';
import { isClosed, parsePulseAnswers, type PulseStage } from '../domain/pulse/index.js';
import type { ServiceContext } from './context.js';

export interface PulseClick {
  teamId: string;
  userId: string;
  roundId: string;
}

export type PulseStaleReason = 'answered' | 'declined' | 'closed' | 'not_open' | 'ended';

export type PulseCheck =
  | { outcome: 'refused' }
  | { outcome: 'stale'; reason: PulseStaleReason }
  | { outcome: 'open'; round: PulseRoundRow; stage: PulseStage; leaderId: string; targets: TargetView[] };

export async function checkPulse(ctx: ServiceContext, input: PulseClick): Promise<PulseCheck> {
  const round = await findRound(ctx.db, input.teamId, input.roundId);
  if (!round) return { outcome: 'refused' };
  const status = await invitationStatus(ctx.db, input.teamId, round.id, input.userId);
  if (!status) return { outcome: 'refused' };
  if (status !== 'asked') return { outcome: 'stale', reason: status };
  const now = ctx.now();
  if (isClosed(round, now)) return { outcome: 'stale', reason: 'closed' };
  if (round.opensAt > now) return { outcome: 'stale', reason: 'not_open' };
  const engagement = await findEngagement(ctx.db, input.teamId, round.engagementId);
  if (engagement?.status !== 'active') return { outcome: 'stale', reason: 'ended' };
  const targets = await listTargets(ctx.db, ctx.cipher, input.teamId, engagement.id);
  return { outcome: 'open', round, stage: round.stage, leaderId: engagement.leaderId, targets };
}

export type AnswerPulseResult = { outcome: 'invalid'; errors: Record<string, string> } | Exclude<PulseCheck, { outcome: 'open' }> | { outcome: 'saved' };

export async function answerPulse(ctx: ServiceContext, input: PulseClick & { values: Record<string, string | undefined> }): Promise<AnswerPulseResult> {
  const check = await checkPulse(ctx, input);
  if (check.outcome !== 'open') return check;
  const parsed = parsePulseAnswers(check.stage, check.targets, input.values);
  if (!parsed.ok) return { outcome: 'invalid', errors: parsed.errors };
  const saved = await saveAnswers(ctx.db, ctx.cipher, { teamId: input.teamId, roundId: input.roundId, userId: input.userId, answers: parsed.answers });
  if (!saved) return { outcome: 'stale', reason: 'answered' };
  // Deliberately without the user: a log line must not tie a person to an answer.
  ctx.logger.info({ teamId: input.teamId, roundId: input.roundId }, 'pulse answer saved');
  return { outcome: 'saved' };
}

export async function declinePulse(ctx: ServiceContext, input: PulseClick): Promise<Exclude<PulseCheck, { outcome: 'open' }> | { outcome: 'declined' }> {
  const check = await checkPulse(ctx, input);
  if (check.outcome !== 'open') return check;
  if (!(await saveDecline(ctx.db, input))) return { outcome: 'stale', reason: 'answered' };
  ctx.logger.info({ teamId: input.teamId, roundId: input.roundId }, 'pulse declined');
  return { outcome: 'declined' };
}
