// The leader's current action, changed from App Home: done early, a new due date, or
// replaced by another action. Every change is judged against current data (the action
// must still be open and the leader's own), then the follow-up is re-planned: through
// the engagement's plan when there is one, else by the action's own follow-up rows.
import { findPerson } from '../../db/people.js';
import { findLeaderOpenAction, markActionDoneEarly, moveActionDue, replaceOpenAction, type LooseNudge } from '../../db/current-action.js';
import { resolveActionDue } from '../domain/checkin/due-date.js';
import { LIMITS, visibilitySchema, type Visibility } from '../domain/checkin/rules.js';
import { dueDateSlot } from '../domain/planner/due-date-slot.js';
import { preconditionAt } from '../domain/planner/precondition.js';
import { resolveWorkingHours, type WorkingHours } from '../domain/time/working-hours.js';
import type { ServiceContext } from './context.js';

export interface CurrentActionRef {
  teamId: string;
  leaderId: string;
  actionId: string;
}

/** What the modals need to show the action as it stands. */
export interface CurrentActionView {
  actionId: string;
  text: string;
  dueAt: Date;
  visibility: Visibility;
  tz: string;
}

export type ActionChangeResult =
  | { outcome: 'gone' }
  | { outcome: 'invalid'; errors: Record<string, string> }
  | { outcome: 'changed'; actionId: string; dueAt: Date | null; tz: string };

export const DATE_FROM_TODAY = 'Please choose a date from today on.';
export const GONE_TEXT = 'This action has already been answered or replaced, so nothing was changed. Your Home now shows your current action.';

export async function hoursOf(ctx: ServiceContext, teamId: string, leaderId: string): Promise<WorkingHours & { tz: string }> {
  const person = await findPerson(ctx.db, teamId, leaderId);
  return resolveWorkingHours({
    tz: person?.tz ?? 'UTC',
    workDays: person?.workDays ?? ctx.defaultWorkingHours.workDays,
    startMinute: person?.workStartMinute ?? ctx.defaultWorkingHours.startMinute,
    endMinute: person?.workEndMinute ?? ctx.defaultWorkingHours.endMinute,
  });
}

/** The leader's open action, or null when it is no longer open or not theirs. */
export async function loadCurrentAction(ctx: ServiceContext, ref: CurrentActionRef): Promise<CurrentActionView | null> {
  const [action, person] = await Promise.all([findLeaderOpenAction(ctx.db, ctx.cipher, ref.teamId, ref.leaderId, ref.actionId), findPerson(ctx.db, ref.teamId, ref.leaderId)]);
  if (!action) return null;
  return { actionId: action.id, text: action.text, dueAt: action.dueAt, visibility: action.visibility, tz: person?.tz ?? 'UTC' };
}

/** A date the leader picked, as the action's due instant (end of their working day). */
function dueFromDate(ctx: ServiceContext, hours: WorkingHours & { tz: string }, date: string | undefined): { dueAt: Date } | { error: string } {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return { error: 'Please choose a date.' };
  const now = ctx.now();
  const dueAt = resolveActionDue({ chosenDate: date, tz: hours.tz, now, endMinute: hours.endMinute, workDays: hours.workDays });
  return dueAt <= now ? { error: DATE_FROM_TODAY } : { dueAt };
}

/** The follow-up of an action outside any engagement: late on its due date, and the precondition nudge when asked for. */
export function loosePlan(now: Date, dueAt: Date, hours: WorkingHours, askPrecondition: boolean): LooseNudge[] {
  const followUpAt = dueDateSlot(dueAt, now.getTime(), hours);
  const precondition = askPrecondition ? preconditionAt(now, followUpAt, hours) : null;
  return [{ kind: 'follow_up', dueAt: followUpAt }, ...(precondition ? [{ kind: 'precondition' as const, dueAt: precondition }] : [])];
}

export async function markCurrentActionDone(ctx: ServiceContext, ref: CurrentActionRef): Promise<ActionChangeResult> {
  const action = await findLeaderOpenAction(ctx.db, ctx.cipher, ref.teamId, ref.leaderId, ref.actionId);
  if (!action || !(await markActionDoneEarly(ctx.db, { ...ref, now: ctx.now() }))) return { outcome: 'gone' };
  if (action.engagementId) await ctx.replan?.(ref.teamId, action.engagementId);
  ctx.logger.info({ teamId: ref.teamId, userId: ref.leaderId, actionId: ref.actionId }, 'action marked done from Home');
  return { outcome: 'changed', actionId: ref.actionId, dueAt: null, tz: 'UTC' };
}

export async function changeCurrentActionDate(ctx: ServiceContext, ref: CurrentActionRef & { dueDate: string | undefined }): Promise<ActionChangeResult> {
  const [action, hours] = await Promise.all([findLeaderOpenAction(ctx.db, ctx.cipher, ref.teamId, ref.leaderId, ref.actionId), hoursOf(ctx, ref.teamId, ref.leaderId)]);
  if (!action) return { outcome: 'gone' };
  const due = dueFromDate(ctx, hours, ref.dueDate);
  if ('error' in due) return { outcome: 'invalid', errors: { dueDate: due.error } };
  const now = ctx.now();
  const planned = await moveActionDue(ctx.db, {
    teamId: ref.teamId,
    leaderId: ref.leaderId,
    actionId: ref.actionId,
    dueAt: due.dueAt,
    now,
    loose: action.engagementId ? null : loosePlan(now, due.dueAt, hours, action.askPrecondition),
  });
  if (!planned) return { outcome: 'gone' };
  if (action.engagementId) await ctx.replan?.(ref.teamId, action.engagementId);
  else await ctx.handOffNudges?.(planned.map((n) => ({ ...n, repaired: false })));
  ctx.logger.info({ teamId: ref.teamId, userId: ref.leaderId, actionId: ref.actionId }, 'action due date changed from Home');
  return { outcome: 'changed', actionId: ref.actionId, dueAt: due.dueAt, tz: hours.tz };
}

export async function replaceCurrentAction(
  ctx: ServiceContext,
  ref: CurrentActionRef & { text: string | undefined; dueDate: string | undefined; visibility: string | undefined },
): Promise<ActionChangeResult> {
  const errors: Record<string, string> = {};
  const text = ref.text?.trim() ?? '';
  if (!text) errors.will = 'Please write the action you will take.';
  else if (text.length > LIMITS.will) errors.will = `Please keep the action under ${LIMITS.will} characters (it is ${text.length}).`;
  const visibility = visibilitySchema.safeParse(ref.visibility);
  if (!visibility.success) errors.visibility = 'Please choose who sees it.';
  const [action, hours] = await Promise.all([findLeaderOpenAction(ctx.db, ctx.cipher, ref.teamId, ref.leaderId, ref.actionId), hoursOf(ctx, ref.teamId, ref.leaderId)]);
  if (!action) return { outcome: 'gone' };
  const due = dueFromDate(ctx, hours, ref.dueDate);
  if ('error' in due) errors.dueDate = due.error;
  if (Object.keys(errors).length > 0 || 'error' in due || !visibility.success) return { outcome: 'invalid', errors };
  const now = ctx.now();
  const replaced = await replaceOpenAction(ctx.db, ctx.cipher, {
    teamId: ref.teamId,
    leaderId: ref.leaderId,
    actionId: ref.actionId,
    text,
    dueAt: due.dueAt,
    visibility: visibility.data,
    now,
    loose: () => loosePlan(now, due.dueAt, hours, false),
  });
  if (!replaced) return { outcome: 'gone' };
  if (replaced.engagementId) await ctx.replan?.(ref.teamId, replaced.engagementId);
  else await ctx.handOffNudges?.(replaced.planned.map((n) => ({ ...n, repaired: false })));
  ctx.logger.info({ teamId: ref.teamId, userId: ref.leaderId, actionId: replaced.actionId, visibility: visibility.data }, 'action replaced from Home');
  return { outcome: 'changed', actionId: replaced.actionId, dueAt: due.dueAt, tz: hours.tz };
}
