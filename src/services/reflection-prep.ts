// Session prep answers: one real example to bring, what the leader wants from the next
// session. Only the leader the prep was sent to, only before that session.
import { and, eq } from 'drizzle-orm';
import { markNudgeAnswered } from '../../db/follow-ups.js';
import { findPerson } from '../../db/people.js';
import { hasReflection, insertReflection } from '../../db/reflections.js';
import { nudges } from '../../db/schema/index.js';
import { findSessionWithEngagement } from '../../db/sessions.js';
import { parseReflectionForm, prepQuestionsFor, prepUsesFor } from '../domain/engagement/reflection.js';
import type { Style } from '../domain/engagement/style.js';
import { askedTexts, questionsAsked } from './questions.js';
import type { ServiceContext } from './context.js';

export interface PrepClick {
  teamId: string;
  userId: string;
  nudgeId: string;
  sessionId: string;
}

export type PrepStaleReason = 'answered' | 'passed' | 'ended' | 'gone';

export type PrepCheck =
  | { outcome: 'refused' }
  | { outcome: 'stale'; reason: PrepStaleReason; sessionAt: Date | null; tz: string }
  | { outcome: 'open'; engagementId: string; sessionAt: Date; tz: string; style: Style; firstPrep: boolean; questions: Record<string, string> };

export async function checkPrep(ctx: ServiceContext, input: PrepClick): Promise<PrepCheck> {
  const [[nudge], found, person] = await Promise.all([
    ctx.db.select().from(nudges).where(and(eq(nudges.teamId, input.teamId), eq(nudges.id, input.nudgeId))),
    findSessionWithEngagement(ctx.db, input.teamId, input.sessionId),
    findPerson(ctx.db, input.teamId, input.userId),
  ]);
  const tz = person?.tz ?? 'UTC';
  if (!nudge || !found) return { outcome: 'stale', reason: 'gone', sessionAt: null, tz };
  const { session, engagement } = found;
  if (nudge.recipientId !== input.userId || engagement.leaderId !== input.userId || nudge.kind !== 'session_prep' || nudge.sessionId !== session.id) {
    return { outcome: 'refused' };
  }
  const stale = (reason: PrepStaleReason): PrepCheck => ({ outcome: 'stale', reason, sessionAt: session.scheduledAt, tz });
  if (engagement.status !== 'active') return stale('ended');
  if (nudge.answeredAt) return stale('answered');
  if (session.status !== 'scheduled' || session.scheduledAt <= ctx.now()) return stale('passed');
  const firstPrep = !(await hasReflection(ctx.db, input.teamId, engagement.id, 'session_prep'));
  return { outcome: 'open', engagementId: engagement.id, sessionAt: session.scheduledAt, tz, style: engagement.style, firstPrep, questions: prepQuestionsFor(engagement.style, firstPrep) };
}

/** The prep click, with the questions its DM asked (drawn from the bank for the style's moments) when the modal is to open. */
export async function openPrep(ctx: ServiceContext, input: PrepClick): Promise<PrepCheck> {
  const check = await checkPrep(ctx, input);
  if (check.outcome !== 'open') return check;
  const uses = Object.values(prepUsesFor(check.style, check.firstPrep));
  const asked = await questionsAsked(ctx, { teamId: input.teamId, leaderId: input.userId, engagementId: check.engagementId, seed: input.nudgeId }, uses);
  return { ...check, questions: prepQuestionsFor(check.style, check.firstPrep, askedTexts(asked)) };
}

export type SavePrepResult = { outcome: 'invalid'; errors: Record<string, string> } | PrepCheck;

export async function saveSessionPrep(ctx: ServiceContext, input: PrepClick & { values: Record<string, string | undefined> }): Promise<SavePrepResult> {
  const check = await checkPrep(ctx, input);
  if (check.outcome !== 'open') return check;
  const form = parseReflectionForm(check.questions, input.values);
  if (!form.ok) return { outcome: 'invalid', errors: form.errors };
  // Each answer is kept under the id of the question its modal asked (drawn from the bank,
  // the same as when it opened), so the coach's brief quotes that question, not another.
  const uses = prepUsesFor(check.style, check.firstPrep);
  const asked = await questionsAsked(ctx, { teamId: input.teamId, leaderId: input.userId, engagementId: check.engagementId, seed: input.nudgeId }, Object.values(uses));
  const body = Object.fromEntries(Object.entries(form.body).map(([key, text]) => [Object.hasOwn(uses, key) ? asked[uses[key]!].id : key, text]));
  await insertReflection(ctx.db, ctx.cipher, {
    teamId: input.teamId,
    leaderId: input.userId,
    engagementId: check.engagementId,
    kind: 'session_prep',
    body,
    visibility: form.visibility,
  });
  await markNudgeAnswered(ctx.db, { teamId: input.teamId, leaderId: input.userId, nudgeId: input.nudgeId, now: ctx.now() });
  await ctx.replan?.(input.teamId, check.engagementId);
  ctx.logger.info({ teamId: input.teamId, userId: input.userId, sessionId: input.sessionId, visibility: form.visibility }, 'session prep saved');
  return check;
}
