// Reflect… on a follow-up: a short note on what happened, what the leader learned and
// what they will try next, kept with the action it is about and its own visibility.
import { rowSeal } from '../../db/sealed.js';
import { insertReflection } from '../../db/reflections.js';
import { loadFollowUpClick, markNudgeAnswered } from '../../db/follow-ups.js';
import { parseReflectionForm, REFLECT_QUESTIONS } from '../domain/engagement/reflection.js';
import type { Visibility } from '../domain/checkin/rules.js';
import type { StaleReason } from '../domain/engagement/follow-up.js';
import type { ServiceContext } from './context.js';
import { judgeClick, viewOf, withAskedQuestion, type FollowUpClick, type FollowUpView } from './follow-up.js';
import { askQuestions } from './questions.js';

/** The reflection's three answers, each asked with a question from the bank. */
export const REFLECT_USES = { happened: 'reflect_happened', learned: 'reflect_learned', try_next: 'reflect_next' } as const;
export type ReflectQuestions = Record<keyof typeof REFLECT_USES, string>;

export type OpenReflectionResult =
  | { outcome: 'refused' }
  | { outcome: 'stale'; reason: StaleReason; view: FollowUpView | null }
  | { outcome: 'open'; actionText: string; questions: ReflectQuestions };

export async function openFollowUpReflection(ctx: ServiceContext, input: FollowUpClick): Promise<OpenReflectionResult> {
  const { rows, verdict, tz } = await judgeClick(ctx, input, false);
  if (verdict.kind === 'refuse') return { outcome: 'refused' };
  if (verdict.kind === 'stale') return { outcome: 'stale', reason: verdict.reason, view: await withAskedQuestion(ctx, { ...input, engagementId: rows.action?.engagementId ?? null }, viewOf(ctx, rows, tz)) };
  const action = rows.action!;
  const asked = await askQuestions(ctx, { teamId: input.teamId, leaderId: input.userId, engagementId: action.engagementId, seed: input.nudgeId }, Object.values(REFLECT_USES));
  const questions = { happened: asked.reflect_happened.text, learned: asked.reflect_learned.text, try_next: asked.reflect_next.text };
  return { outcome: 'open', actionText: rowSeal(ctx.cipher, 'actions', action).open('text_enc', action.textEnc), questions };
}

export type SaveReflectionResult =
  | { outcome: 'invalid'; errors: Record<string, string> }
  | Exclude<OpenReflectionResult, { outcome: 'open' }>
  | { outcome: 'saved'; visibility: Visibility; view: FollowUpView; /** The leader said what they will try next: it can become the next action. */ tryNext: boolean };

export async function saveFollowUpReflection(ctx: ServiceContext, input: FollowUpClick & { values: Record<string, string | undefined> }): Promise<SaveReflectionResult> {
  const form = parseReflectionForm(REFLECT_QUESTIONS, input.values);
  if (!form.ok) return { outcome: 'invalid', errors: form.errors };
  const { rows, verdict, tz } = await judgeClick(ctx, input, false);
  if (verdict.kind === 'refuse') return { outcome: 'refused' };
  if (verdict.kind === 'stale') return { outcome: 'stale', reason: verdict.reason, view: await withAskedQuestion(ctx, { ...input, engagementId: rows.action?.engagementId ?? null }, viewOf(ctx, rows, tz)) };
  const action = rows.action!;
  await insertReflection(ctx.db, ctx.cipher, {
    teamId: input.teamId,
    leaderId: input.userId,
    engagementId: action.engagementId,
    actionId: action.id,
    kind: 'follow_up',
    body: form.body,
    visibility: form.visibility,
  });
  await markNudgeAnswered(ctx.db, { teamId: input.teamId, leaderId: input.userId, nudgeId: input.nudgeId, now: ctx.now() });
  if (action.engagementId) await ctx.replan?.(input.teamId, action.engagementId);
  ctx.logger.info({ teamId: input.teamId, userId: input.userId, actionId: action.id, visibility: form.visibility }, 'follow-up reflection saved');
  const after = await loadFollowUpClick(ctx.db, input.teamId, input.nudgeId, input.actionId);
  return { outcome: 'saved', visibility: form.visibility, tryNext: !!form.body.try_next, view: (await withAskedQuestion(ctx, { ...input, engagementId: action.engagementId }, viewOf(ctx, after, tz)))! };
}
