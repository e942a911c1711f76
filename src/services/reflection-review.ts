// Midpoint and closing reviews: the leader rates each target again against its
// baseline, and at the midpoint may reword a target that no longer fits (the baseline
// stays). The closing review returns the before/after for the leader's summary.
import { and, eq } from 'drizzle-orm';
import { findEngagement, setClosingVisibility } from '../../db/engagements.js';
import { visibilitySchema } from '../domain/checkin/rules.js';
import { markNudgeAnswered } from '../../db/follow-ups.js';
import { nudges } from '../../db/schema/index.js';
import { listTargets, rewordTargets, saveRatings, type TargetView } from '../../db/targets.js';
import { LOOKING_BACK_MAX, parseReviewRatings, parseRewordings, stageOfKind, type ReviewStage } from '../domain/engagement/review.js';
import { tellCoach } from './coach-notices.js';
import type { ServiceContext } from './context.js';
import { stakeholderScoresAt, type StakeholderScores } from './pulse-results.js';
import { insertReflection } from '../../db/reflections.js';
import { askQuestions, questionsAsked } from './questions.js';

export interface ReviewClick {
  teamId: string;
  userId: string;
  nudgeId: string;
  engagementId: string;
  /** The closing review's looking-back question, drawn when its modal opened. */
  questionId?: string;
}

/**
 * The review as the modal opens it: the midpoint asks again the question its DM asked; a
 * closing review also asks one looking-back question from the bank.
 */
export async function openReview(ctx: ServiceContext, input: ReviewClick) {
  const check = await checkReview(ctx, input);
  if (check.outcome !== 'open') return check;
  if (check.stage === 'midpoint') {
    const { midpoint } = await questionsAsked(ctx, { teamId: input.teamId, leaderId: input.userId, engagementId: input.engagementId, seed: input.nudgeId }, ['midpoint']);
    return { ...check, opening: midpoint.text };
  }
  const { review } = await askQuestions(ctx, { teamId: input.teamId, leaderId: input.userId, engagementId: input.engagementId, seed: input.nudgeId }, ['review']);
  return { ...check, question: { id: review.id, text: review.text } };
}

export type ReviewCheck =
  | { outcome: 'refused' }
  | { outcome: 'stale'; reason: 'answered' | 'ended' | 'gone' | 'no_targets' }
  | { outcome: 'open'; stage: ReviewStage; targets: TargetView[]; /** The stakeholders' scores for this review, once released. */ stakeholders: StakeholderScores | null };

export async function checkReview(ctx: ServiceContext, input: ReviewClick): Promise<ReviewCheck> {
  const [[nudge], engagement] = await Promise.all([
    ctx.db.select().from(nudges).where(and(eq(nudges.teamId, input.teamId), eq(nudges.id, input.nudgeId))),
    findEngagement(ctx.db, input.teamId, input.engagementId),
  ]);
  if (!nudge || !engagement) return { outcome: 'stale', reason: 'gone' };
  const stage = stageOfKind(nudge.kind);
  if (nudge.recipientId !== input.userId || engagement.leaderId !== input.userId || !stage || nudge.engagementId !== engagement.id) return { outcome: 'refused' };
  // A closing review is still worth answering once the engagement has ended or completed.
  if (engagement.status !== 'active' && engagement.status !== 'ended' && engagement.status !== 'completed') return { outcome: 'stale', reason: 'ended' };
  if (nudge.answeredAt) return { outcome: 'stale', reason: 'answered' };
  const targets = await listTargets(ctx.db, ctx.cipher, input.teamId, engagement.id);
  if (targets.length === 0) return { outcome: 'stale', reason: 'no_targets' };
  const stakeholders = await stakeholderScoresAt(ctx, { teamId: input.teamId, engagementId: engagement.id, stage });
  return { outcome: 'open', stage, targets, stakeholders };
}

export type SubmitReviewResult = { outcome: 'invalid'; errors: Record<string, string> } | Exclude<ReviewCheck, { outcome: 'open' }> | { outcome: 'saved'; stage: ReviewStage; targets: TargetView[] };

export async function submitReview(ctx: ServiceContext, input: ReviewClick & { values: Record<string, string | undefined> }): Promise<SubmitReviewResult> {
  const check = await checkReview(ctx, input);
  if (check.outcome !== 'open') return check;
  const parsed = parseReviewRatings(check.targets, input.values);
  const reworded = check.stage === 'midpoint' ? parseRewordings(check.targets, input.values) : { ok: true as const, rewordings: [] };
  if (!parsed.ok || !reworded.ok) return { outcome: 'invalid', errors: { ...(parsed.ok ? {} : parsed.errors), ...(reworded.ok ? {} : reworded.errors) } };
  await ctx.db.transaction(async (tx) => {
    await saveRatings(tx as unknown as typeof ctx.db, { teamId: input.teamId, engagementId: input.engagementId, stage: check.stage, ratings: parsed.ratings });
    await rewordTargets(tx as unknown as typeof ctx.db, ctx.cipher, { teamId: input.teamId, engagementId: input.engagementId, rewordings: reworded.rewordings });
    // The closing ratings reach the coach only as the leader chose (src/domain/privacy).
    if (check.stage === 'closing') {
      const visibility = visibilitySchema.catch('summary').parse(input.values.visibility ?? 'summary');
      await setClosingVisibility(tx as unknown as typeof ctx.db, input.teamId, input.engagementId, visibility);
      // The looking-back answer is the leader's words: kept with the visibility they chose for the review.
      const answer = input.values.looking_back?.trim().slice(0, LOOKING_BACK_MAX);
      if (answer) await insertReflection(tx as unknown as typeof ctx.db, ctx.cipher, { teamId: input.teamId, leaderId: input.userId, engagementId: input.engagementId, kind: 'review', body: { [input.questionId ?? 'looking_back']: answer }, visibility });
    }
  });
  await markNudgeAnswered(ctx.db, { teamId: input.teamId, leaderId: input.userId, nudgeId: input.nudgeId, now: ctx.now() });
  ctx.logger.info({ teamId: input.teamId, userId: input.userId, engagementId: input.engagementId, stage: check.stage, reworded: reworded.rewordings.length }, 'review saved');
  if (check.stage === 'closing') {
    const engagement = await findEngagement(ctx.db, input.teamId, input.engagementId);
    if (engagement) await tellCoach(ctx, { teamId: input.teamId, engagement, event: 'review_done' });
  }
  const targets = await listTargets(ctx.db, ctx.cipher, input.teamId, input.engagementId);
  return { outcome: 'saved', stage: check.stage, targets };
}
