// The check-in verb: validates a draft, decides whether to ask "what would make it a
// 10?", saves the check-in with its action, and plans the follow-up.
import { and, asc, eq, gt } from 'drizzle-orm';
import { insertCheckIn } from '../../db/check-ins.js';
import { findEngagementContext } from '../../db/engagement-context.js';
import { findPerson } from '../../db/people.js';
import { nudges } from '../../db/schema/index.js';
import { resolveActionDue } from '../domain/checkin/due-date.js';
import { NOT_YOUR_ENGAGEMENT, needsRevisit, validateCheckInDraft, type DraftErrors } from '../domain/checkin/rules.js';
import { dueDateSlot } from '../domain/planner/due-date-slot.js';
import { preconditionAt } from '../domain/planner/precondition.js';
import { nextWorkingInstant, resolveWorkingHours } from '../domain/time/working-hours.js';
import type { ServiceContext } from './context.js';
import type { Style } from '../domain/engagement/style.js';

export interface SubmitCheckInInput {
  teamId: string;
  leaderId: string;
  values: Record<string, unknown>;
  /** True when this submission comes from the revisit step. */
  revisited: boolean;
  /** The style the modal was built for: it decides what was asked. */
  style?: Style;
}

export type SubmitCheckInResult =
  | { outcome: 'invalid'; errors: DraftErrors }
  | { outcome: 'revisit' }
  | { outcome: 'saved'; checkInId: string; actionId: string; will: string; commitment: number; dueAt: Date; followUpAt: Date | null; tz: string };

export async function submitCheckIn(ctx: ServiceContext, input: SubmitCheckInInput): Promise<SubmitCheckInResult> {
  const result = validateCheckInDraft(input.values, input.style);
  if (!result.ok) return { outcome: 'invalid', errors: result.errors };
  const draft = result.draft;
  if (needsRevisit(draft, input.revisited)) return { outcome: 'revisit' };

  const now = ctx.now();
  const [person, engagement] = await Promise.all([
    findPerson(ctx.db, input.teamId, input.leaderId),
    findEngagementContext(ctx.db, ctx.cipher, input.teamId, input.leaderId, now, draft.engagementId),
  ]);
  // A forged or stale choice (another leader's, an ended one, another workspace's) is not among the leader's own.
  if (draft.engagementId && engagement?.engagementId !== draft.engagementId) return { outcome: 'invalid', errors: { engagementId: NOT_YOUR_ENGAGEMENT } };
  const tz = person?.tz ?? 'UTC';
  const hours = resolveWorkingHours({
    tz,
    workDays: person?.workDays ?? ctx.defaultWorkingHours.workDays,
    startMinute: person?.workStartMinute ?? ctx.defaultWorkingHours.startMinute,
    endMinute: person?.workEndMinute ?? ctx.defaultWorkingHours.endMinute,
  });
  const target = engagement?.targets.find((t) => t.id === draft.targetId);
  if (draft.targetId && !target) return { outcome: 'invalid', errors: { targetId: 'That target is no longer part of your engagement. Please pick again.' } };
  const dueAt = resolveActionDue({ chosenDate: draft.dueDate, nextSessionAt: engagement?.nextSessionAt, tz, now, endMinute: hours.endMinute, workDays: hours.workDays });
  if (dueAt <= now) return { outcome: 'invalid', errors: { dueDate: 'Please choose a date from today on.' } };

  // Only meaningful with an answer to ask about.
  const askPrecondition = !!draft.makeItTen && draft.preconditionNudge === 'yes';
  const saved = await insertCheckIn(ctx.db, ctx.cipher, {
    teamId: input.teamId,
    leaderId: input.leaderId,
    engagementId: engagement?.engagementId ?? null,
    targetId: target?.id ?? null,
    goal: draft.goal || target!.description,
    reality: draft.reality ?? '',
    options: draft.options ?? '',
    will: draft.will,
    commitment: draft.commitment,
    visibility: draft.visibility,
    revisited: input.revisited,
    makeItTen: draft.makeItTen,
    expectation: draft.expectation,
    actionDueAt: dueAt,
    askPrecondition,
  });

  let followUpAt: Date | null;
  if (engagement && ctx.replan) {
    await ctx.replan(input.teamId, engagement.engagementId);
    followUpAt = await findFollowUpAt(ctx, input.teamId, saved.actionId, now);
  } else {
    // Without an engagement: late on a date the leader chose (or the next working morning),
    // else halfway to the default due date, inside the leader's working hours.
    followUpAt = draft.dueDate ? dueDateSlot(dueAt, now.getTime(), hours) : nextWorkingInstant(new Date((now.getTime() + dueAt.getTime()) / 2), hours);
    const preconditionDue = askPrecondition ? preconditionAt(now, followUpAt, hours) : null;
    const row = (kind: 'follow_up' | 'precondition', dueAt: Date) => ({
      teamId: input.teamId,
      recipientId: input.leaderId,
      kind,
      dedupeKey: `action:${saved.actionId}:${kind}`,
      dueAt,
      ref: { actionId: saved.actionId },
    });
    const planned = await ctx.db
      .insert(nudges)
      .values([row('follow_up', followUpAt), ...(preconditionDue ? [row('precondition', preconditionDue)] : [])])
      .onConflictDoNothing()
      .returning({ id: nudges.id, teamId: nudges.teamId, dueAt: nudges.dueAt });
    await ctx.handOffNudges?.(planned.map((n) => ({ ...n, repaired: false })));
  }
  ctx.logger.info({ teamId: input.teamId, userId: input.leaderId, checkInId: saved.checkInId, commitment: draft.commitment }, 'check-in saved');
  return { outcome: 'saved', ...saved, will: draft.will, commitment: draft.commitment, dueAt, followUpAt, tz };
}

async function findFollowUpAt(ctx: ServiceContext, teamId: string, actionId: string, now: Date): Promise<Date | null> {
  const rows = await ctx.db
    .select({ dueAt: nudges.dueAt, ref: nudges.ref })
    .from(nudges)
    .where(and(eq(nudges.teamId, teamId), eq(nudges.kind, 'follow_up'), eq(nudges.status, 'pending'), gt(nudges.dueAt, now)))
    .orderBy(asc(nudges.dueAt));
  return rows.find((r) => r.ref.actionId === actionId)?.dueAt ?? null;
}
