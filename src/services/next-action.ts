// "Make this my next action": what the leader said they will try next, in a reflection on
// a follow-up, becomes their next action through the check-in itself, with the goal (or
// target) and engagement of the action it reflects on. The new action supersedes the
// previous open one, and its follow-up is planned exactly as a check-in's is.
import { and, desc, eq, gte, ne } from 'drizzle-orm';
import { checkIns, actions, reflections } from '../../db/schema/index.js';
import { openReflection } from '../../db/reflections.js';
import { rowSeal } from '../../db/sealed.js';
import { findPerson } from '../../db/people.js';
import { visibilitySchema, type Visibility } from '../domain/checkin/rules.js';
import type { ServiceContext } from './context.js';
import { submitCheckIn } from './check-in.js';

export interface NextActionClick {
  teamId: string;
  userId: string;
  nudgeId: string;
  actionId: string;
}

/** Why the offer no longer applies. */
export type NextActionStale = 'newer_action' | 'no_try_next';

export type OpenNextActionResult =
  | { outcome: 'refused' }
  | { outcome: 'stale'; reason: NextActionStale; previousText: string | null; tz: string }
  | { outcome: 'open'; tryNext: string; previousText: string; visibility: Visibility };

export type SaveNextActionResult =
  | { outcome: 'refused' }
  | { outcome: 'invalid'; errors: Record<string, string> }
  | Extract<OpenNextActionResult, { outcome: 'stale' }>
  | { outcome: 'saved'; previousText: string; will: string; dueAt: Date; followUpAt: Date | null; visibility: Visibility; tz: string };

/** Field names of the modal, mapped from the check-in's own. */
const FIELD_OF: Record<string, string> = { will: 'will', dueDate: 'will_due', commitment: 'commitment', visibility: 'visibility' };

export const LOW_COMMITMENT =
  'Below 8 usually means this does not fit yet. Reword it into something you would rate 8 or more, or think it through in a full check-in (/grow).';

async function load(ctx: ServiceContext, input: NextActionClick) {
  const [row] = await ctx.db
    .select({ action: actions, checkIn: checkIns })
    .from(actions)
    .innerJoin(checkIns, eq(checkIns.id, actions.checkInId))
    .where(and(eq(actions.teamId, input.teamId), eq(actions.id, input.actionId)));
  if (!row || row.action.leaderId !== input.userId) return { kind: 'refused' as const };
  const person = await findPerson(ctx.db, input.teamId, input.userId);
  const tz = person?.tz ?? 'UTC';
  const previousText = rowSeal(ctx.cipher, 'actions', row.action).open('text_enc', row.action.textEnc);
  // Anything newer than the action reflected on means the next action is already there.
  const [newer] = await ctx.db
    .select({ id: actions.id })
    .from(actions)
    .where(and(eq(actions.teamId, input.teamId), eq(actions.leaderId, input.userId), ne(actions.id, row.action.id), gte(actions.createdAt, row.action.createdAt)))
    .limit(1);
  if (newer) return { kind: 'stale' as const, reason: 'newer_action' as const, previousText, tz };
  const [reflection] = await ctx.db
    .select()
    .from(reflections)
    .where(and(eq(reflections.teamId, input.teamId), eq(reflections.leaderId, input.userId), eq(reflections.actionId, row.action.id), eq(reflections.kind, 'follow_up')))
    .orderBy(desc(reflections.createdAt))
    .limit(1);
  const body = reflection && reflection.contentErasedAt === null ? (JSON.parse(openReflection(ctx.cipher, reflection).body) as Record<string, unknown>) : {};
  const tryNext = typeof body.try_next === 'string' ? body.try_next.trim() : '';
  if (!tryNext) return { kind: 'stale' as const, reason: 'no_try_next' as const, previousText, tz };
  const goal = rowSeal(ctx.cipher, 'check_ins', row.checkIn).open('goal_enc', row.checkIn.goalEnc);
  return { kind: 'open' as const, action: row.action, checkIn: row.checkIn, goal, tryNext, previousText, tz };
}

export async function openNextAction(ctx: ServiceContext, input: NextActionClick): Promise<OpenNextActionResult> {
  const found = await load(ctx, input);
  if (found.kind === 'refused') return { outcome: 'refused' };
  if (found.kind === 'stale') return { outcome: 'stale', reason: found.reason, previousText: found.previousText, tz: found.tz };
  return { outcome: 'open', tryNext: found.tryNext, previousText: found.previousText, visibility: found.checkIn.visibility };
}

export async function saveNextAction(ctx: ServiceContext, input: NextActionClick & { values: Record<string, string | undefined> }): Promise<SaveNextActionResult> {
  const found = await load(ctx, input);
  if (found.kind === 'refused') return { outcome: 'refused' };
  if (found.kind === 'stale') return { outcome: 'stale', reason: found.reason, previousText: found.previousText, tz: found.tz };
  const visibility = visibilitySchema.safeParse(input.values.visibility);
  // The goal (or target) and the engagement stay those of the action reflected on; what
  // happened stays in the reflection, with the visibility the leader gave it there.
  const result = await submitCheckIn(ctx, {
    teamId: input.teamId,
    leaderId: input.userId,
    revisited: false,
    style: 'light',
    values: {
      ...(found.checkIn.targetId ? { targetId: found.checkIn.targetId } : { goal: found.goal }),
      ...(found.action.engagementId ? { engagementId: found.action.engagementId } : {}),
      will: input.values.will ?? '',
      ...(input.values.will_due ? { dueDate: input.values.will_due } : {}),
      commitment: input.values.commitment,
      visibility: visibility.success ? visibility.data : found.checkIn.visibility,
    },
  });
  if (result.outcome === 'revisit') return { outcome: 'invalid', errors: { commitment: LOW_COMMITMENT } };
  if (result.outcome === 'invalid') {
    const errors: Record<string, string> = {};
    for (const [field, message] of Object.entries(result.errors)) if (message) errors[FIELD_OF[field] ?? 'will'] ??= message;
    return { outcome: 'invalid', errors };
  }
  return {
    outcome: 'saved',
    previousText: found.previousText,
    will: result.will,
    dueAt: result.dueAt,
    followUpAt: result.followUpAt,
    visibility: visibility.success ? visibility.data : found.checkIn.visibility,
    tz: result.tz,
  };
}
