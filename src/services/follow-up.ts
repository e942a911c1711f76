// The follow-up answers: Done, Partly, Not yet and Snooze. Each is judged against
// current data first — a click by someone else is refused, a stale one changes nothing —
// then recorded, and the engagement re-planned.
import { rowSeal } from '../../db/sealed.js';
import { answerAction, loadFollowUpClick, snoozeAction, type FollowUpClickRows } from '../../db/follow-ups.js';
import { findPerson, workingHoursOf } from '../../db/people.js';
import { followUpHeadingUse, judgeFollowUpClick, SNOOZE_WORKING_DAYS, type ActionStatus, type FollowUpAnswer, type StaleReason } from '../domain/engagement/follow-up.js';
import type { Style } from '../domain/engagement/style.js';
import { addWorkingDays } from '../domain/time/index.js';
import type { ServiceContext } from './context.js';
import { openNextAction } from './next-action.js';
import { askQuestions, questionsAsked } from './questions.js';

export interface FollowUpClick {
  teamId: string;
  userId: string;
  nudgeId: string;
  actionId: string;
}

/** What the message needs to show the action and how it stands. */
export interface FollowUpView {
  actionText: string;
  dueAt: Date;
  status: ActionStatus;
  answeredAt: Date | null;
  tz: string;
  /** The question asked back once answered, from the bank (or the coach's own). */
  question?: string;
  /** While the action is open: the message's heading as the follow-up asked it, and the engagement's style. */
  heading?: string;
  style?: Style;
  /** A reflection on it says what the leader will try next, not yet made their next action. */
  tryNext?: boolean;
}

export type FollowUpResult =
  | { outcome: 'refused' }
  | { outcome: 'stale'; reason: StaleReason; view: FollowUpView | null }
  | { outcome: 'answered'; answer: FollowUpAnswer; view: FollowUpView }
  | { outcome: 'snoozed'; until: Date; view: FollowUpView };

export function viewOf(ctx: ServiceContext, rows: FollowUpClickRows, tz: string): FollowUpView | null {
  if (!rows.action) return null;
  const a = rows.action;
  return { actionText: rowSeal(ctx.cipher, 'actions', a).open('text_enc', a.textEnc), dueAt: a.dueAt, status: a.status, answeredAt: a.answeredAt, tz, ...(rows.engagementStyle ? { style: rows.engagementStyle } : {}) };
}

/** Reads the click's rows and judges it; `answering` is false for Reflect…. */
export async function judgeClick(ctx: ServiceContext, input: FollowUpClick, answering: boolean) {
  const [rows, person] = await Promise.all([
    loadFollowUpClick(ctx.db, input.teamId, input.nudgeId, input.actionId),
    findPerson(ctx.db, input.teamId, input.userId),
  ]);
  const verdict = judgeFollowUpClick(
    {
      clickerId: input.userId,
      nudge: rows.nudge && { ...rows.nudge, actionId: typeof rows.nudge.ref.actionId === 'string' ? rows.nudge.ref.actionId : null },
      action: rows.action,
      engagementStatus: rows.action?.engagementId ? rows.engagementStatus : null,
      askedAgainSince: rows.askedAgainSince,
    },
    answering,
  );
  return { rows, verdict, person, tz: person?.tz ?? 'UTC' };
}

/** An answered action's view with the question it was asked back, as asked; an open one's with the heading it was asked under. */
export async function withAskedQuestion(ctx: ServiceContext, input: { teamId: string; userId: string; engagementId: string | null }, view: FollowUpView | null): Promise<FollowUpView | null> {
  if (view?.status === 'open') {
    const use = followUpHeadingUse(view.style);
    const asked = await questionsAsked(ctx, { teamId: input.teamId, leaderId: input.userId, engagementId: input.engagementId, seed: view.status }, [use]);
    return { ...view, heading: asked[use].text };
  }
  if (!view || !(view.status === 'done' || view.status === 'partly' || view.status === 'not_yet')) return view;
  const use = `follow_up_${view.status}` as const;
  const asked = await questionsAsked(ctx, { teamId: input.teamId, leaderId: input.userId, engagementId: input.engagementId, seed: view.status }, [use]);
  return { ...view, question: asked[use].text };
}

async function staleResult(ctx: ServiceContext, input: FollowUpClick, reason: StaleReason, tz: string): Promise<FollowUpResult> {
  // Re-read: the action may have been answered by the very click that made this one stale.
  const rows = await loadFollowUpClick(ctx.db, input.teamId, input.nudgeId, input.actionId);
  return { outcome: 'stale', reason, view: await withAskedQuestion(ctx, { ...input, engagementId: rows.action?.engagementId ?? null }, viewOf(ctx, rows, tz)) };
}

export async function answerFollowUp(ctx: ServiceContext, input: FollowUpClick & { answer: FollowUpAnswer | 'snooze' }): Promise<FollowUpResult> {
  const { rows, verdict, person, tz } = await judgeClick(ctx, input, true);
  const log = ctx.logger.child({ teamId: input.teamId, userId: input.userId, nudgeId: input.nudgeId, actionId: input.actionId });
  if (verdict.kind === 'refuse') {
    log.warn('follow-up click refused: not the leader of this action');
    return { outcome: 'refused' };
  }
  if (verdict.kind === 'stale') return { outcome: 'stale', reason: verdict.reason, view: viewOf(ctx, rows, tz) };
  const now = ctx.now();
  const engagementId = rows.action!.engagementId;
  const base = { teamId: input.teamId, leaderId: input.userId, actionId: input.actionId, nudgeId: input.nudgeId, now };
  if (input.answer === 'snooze') {
    const hours = workingHoursOf(person ?? { tz, workDays: [], workStartMinute: -1, workEndMinute: -1 });
    const until = addWorkingDays(now, SNOOZE_WORKING_DAYS, hours);
    if (!(await snoozeAction(ctx.db, { ...base, until, followUpAt: until }))) return staleResult(ctx, input, 'answered', tz);
    if (engagementId) await ctx.replan?.(input.teamId, engagementId);
    log.info({ until }, 'follow-up snoozed');
    return { outcome: 'snoozed', until, view: viewOf(ctx, rows, tz)! };
  }
  if (!(await answerAction(ctx.db, { ...base, status: input.answer }))) return staleResult(ctx, input, 'answered', tz);
  if (engagementId) await ctx.replan?.(input.teamId, engagementId);
  log.info({ answer: input.answer }, 'follow-up answered');
  const view = viewOf(ctx, rows, tz)!;
  const use = `follow_up_${input.answer}` as const;
  const asked = await askQuestions(ctx, { teamId: input.teamId, leaderId: input.userId, engagementId, seed: input.actionId }, [use]);
  const tryNext = (await openNextAction(ctx, input)).outcome === 'open';
  return { outcome: 'answered', answer: input.answer, view: { ...view, status: input.answer, answeredAt: now, question: asked[use].text, tryNext } };
}
