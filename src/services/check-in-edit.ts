// Editing a saved check-in for 24 hours after it was saved: the same check-in and its
// action are rewritten, and a new due date re-plans the follow-up as a change from Home does.
import { DateTime } from 'luxon';
import { findOwnCheckIn, updateCheckIn } from '../../db/check-in-edit.js';
import { openCheckIn } from '../../db/check-ins.js';
import { rowSeal } from '../../db/sealed.js';
import { moveActionDue } from '../../db/current-action.js';
import { findEngagementContext } from '../../db/engagement-context.js';
import { resolveActionDue } from '../domain/checkin/due-date.js';
import { validateCheckInDraft, type DraftErrors } from '../domain/checkin/rules.js';
import type { Style } from '../domain/engagement/style.js';
import type { ServiceContext } from './context.js';
import { DATE_FROM_TODAY, hoursOf, loosePlan } from './current-action.js';

export const EDIT_WINDOW_MS = 24 * 3_600_000;
export const EDIT_EXPIRED_TEXT = 'This check-in was saved more than 24 hours ago, so it can no longer be edited. You can change your current action from your Home, or check in again with `/grow`.';

/** Whether a check-in saved at `createdAt` may still be edited at `now`. */
export const editableAt = (createdAt: Date, now: Date) => now.getTime() - createdAt.getTime() < EDIT_WINDOW_MS;

export type EditCheckInResult =
  | { outcome: 'gone' }
  | { outcome: 'expired' }
  | { outcome: 'invalid'; errors: DraftErrors }
  | { outcome: 'saved'; checkInId: string; will: string; commitment: number; dueAt: Date | null; tz: string };

export async function editCheckIn(
  ctx: ServiceContext,
  input: { teamId: string; leaderId: string; checkInId: string; values: Record<string, unknown>; style?: Style },
): Promise<EditCheckInResult> {
  const now = ctx.now();
  const found = await findOwnCheckIn(ctx.db, input.teamId, input.leaderId, input.checkInId);
  if (!found) return { outcome: 'gone' };
  if (!editableAt(found.checkIn.createdAt, now)) return { outcome: 'expired' };
  const result = validateCheckInDraft(input.values, input.style);
  if (!result.ok) return { outcome: 'invalid', errors: result.errors };
  const draft = result.draft;
  const engagementId = found.checkIn.engagementId;
  const [engagement, hours] = await Promise.all([
    engagementId ? findEngagementContext(ctx.db, ctx.cipher, input.teamId, input.leaderId, now, engagementId) : Promise.resolve(undefined),
    hoursOf(ctx, input.teamId, input.leaderId),
  ]);
  const target = draft.targetId ? engagement?.targets.find((t) => t.id === draft.targetId) : undefined;
  if (draft.targetId && !target) return { outcome: 'invalid', errors: { targetId: 'That target is no longer part of your engagement. Please pick again.' } };
  const action = found.action?.status === 'open' ? found.action : null;
  let dueAt: Date | null = action?.dueAt ?? null;
  if (action && draft.dueDate) {
    dueAt = resolveActionDue({ chosenDate: draft.dueDate, tz: hours.tz, now, endMinute: hours.endMinute, workDays: hours.workDays });
    if (dueAt <= now) return { outcome: 'invalid', errors: { dueDate: DATE_FROM_TODAY } };
  }
  // Fields this modal did not ask (the revisit step's, another style's) keep what was written.
  const before = openCheckIn(ctx.cipher, found.checkIn);
  const saved = await updateCheckIn(ctx.db, ctx.cipher, {
    teamId: input.teamId,
    leaderId: input.leaderId,
    checkInId: input.checkInId,
    edit: {
      goal: draft.goal || target?.description || '',
      reality: draft.reality ?? '',
      options: draft.options ?? '',
      will: draft.will,
      makeItTen: draft.makeItTen ?? before.makeItTen ?? undefined,
      expectation: draft.expectation ?? before.expectation ?? undefined,
      commitment: draft.commitment,
      visibility: draft.visibility,
      // The edit modal shows no target picker: the target chosen at saving stays.
      targetId: target?.id ?? found.checkIn.targetId,
    },
  });
  if (!saved) return { outcome: 'gone' };
  if (action && dueAt && dueAt.getTime() !== action.dueAt.getTime()) {
    const planned = await moveActionDue(ctx.db, {
      teamId: input.teamId,
      leaderId: input.leaderId,
      actionId: action.id,
      dueAt,
      now,
      loose: action.engagementId ? null : loosePlan(now, dueAt, hours, action.askPrecondition),
    });
    if (planned && !action.engagementId) await ctx.handOffNudges?.(planned.map((n) => ({ ...n, repaired: false })));
  }
  if (engagementId) await ctx.replan?.(input.teamId, engagementId);
  ctx.logger.info({ teamId: input.teamId, userId: input.leaderId, checkInId: input.checkInId }, 'check-in edited');
  return { outcome: 'saved', checkInId: input.checkInId, will: draft.will, commitment: draft.commitment, dueAt, tz: hours.tz };
}

export type CheckInForEdit =
  | { outcome: 'gone' }
  | { outcome: 'expired' }
  | { outcome: 'open'; draft: { goal: string; reality: string; options: string; will: string; commitment: number; visibility: 'private' | 'summary' | 'shared'; makeItTen?: string; expectation?: string; dueDate?: string } };

/** What the check-in modal shows again when the leader edits a saved check-in. */
export async function loadCheckInForEdit(ctx: ServiceContext, input: { teamId: string; leaderId: string; checkInId: string }): Promise<CheckInForEdit> {
  const found = await findOwnCheckIn(ctx.db, input.teamId, input.leaderId, input.checkInId);
  if (!found) return { outcome: 'gone' };
  if (!editableAt(found.checkIn.createdAt, ctx.now())) return { outcome: 'expired' };
  const texts = openCheckIn(ctx.cipher, found.checkIn);
  // An action replaced from Home is what the leader committed to now.
  const actionText = found.action?.status === 'open' ? rowSeal(ctx.cipher, 'actions', found.action).open('text_enc', found.action.textEnc) : undefined;
  const hours = await hoursOf(ctx, input.teamId, input.leaderId);
  const dueDate = found.action?.status === 'open' ? (DateTime.fromJSDate(found.action.dueAt, { zone: hours.tz }).toISODate() ?? undefined) : undefined;
  return {
    outcome: 'open',
    draft: {
      goal: texts.goal,
      reality: texts.reality,
      options: texts.options,
      will: actionText ?? texts.will,
      commitment: found.checkIn.commitment,
      visibility: found.checkIn.visibility,
      ...(texts.makeItTen ? { makeItTen: texts.makeItTen } : {}),
      ...(texts.expectation ? { expectation: texts.expectation } : {}),
      ...(dueDate ? { dueDate } : {}),
    },
  };
}
