// Asking questions: draws the question for each moment from the coach's questions and
// the bank (by the leader's level, never the last one asked) and records what was asked,
// so the next draw can avoid it.
import { coachQuestionsOf, lastAskedIds, recordAsked, targetLevelOf } from '../../db/questions.js';
import { bankText, coachQuestionId, drawQuestion, type AskedQuestion } from '../domain/questions/draw.js';
import type { QuestionUse } from '../domain/questions/uses.js';
import type { ServiceContext } from './context.js';

export interface AskInput {
  teamId: string;
  leaderId: string;
  engagementId: string | null;
  /** The target the question is about, when known; its level comes first. */
  targetId?: string | null;
  /** A stable string for this asking (a nudge id, an action id): the same seed, the same draw. */
  seed: string;
}

export type AskedQuestions<U extends QuestionUse> = Record<U, AskedQuestion>;

/** use → the question's wording, for a builder that shows them. */
export const askedTexts = <U extends QuestionUse>(asked: AskedQuestions<U>): Record<U, string> =>
  Object.fromEntries(Object.entries<AskedQuestion>(asked).map(([use, q]) => [use, q.text])) as Record<U, string>;

export async function askQuestions<U extends QuestionUse>(ctx: Pick<ServiceContext, 'db' | 'cipher' | 'now'>, input: AskInput, uses: readonly U[]): Promise<AskedQuestions<U>> {
  const who = { teamId: input.teamId, leaderId: input.leaderId };
  const [last, coach, level] = await Promise.all([
    lastAskedIds(ctx.db, who, uses),
    input.engagementId ? coachQuestionsOf(ctx.db, ctx.cipher, input.teamId, input.engagementId) : Promise.resolve([]),
    input.engagementId ? targetLevelOf(ctx.db, input.teamId, input.engagementId, input.targetId) : Promise.resolve(null),
  ]);
  const asked = Object.fromEntries(
    uses.map((use) => [use, drawQuestion({ use, level, lastAskedId: last[use] ?? null, coachQuestions: coach, seed: input.seed })]),
  ) as AskedQuestions<U>;
  await recordAsked(ctx.db, who, uses.map((use) => ({ use, questionId: asked[use].id })), ctx.now());
  return asked;
}

/**
 * The questions last asked at these moments, as asked (a message shown again, or a modal
 * opened from a DM that already asked them); a moment never asked yet is drawn now.
 */
export async function questionsAsked<U extends QuestionUse>(ctx: Pick<ServiceContext, 'db' | 'cipher' | 'now'>, input: AskInput, uses: readonly U[]): Promise<AskedQuestions<U>> {
  const who = { teamId: input.teamId, leaderId: input.leaderId };
  const [last, coach] = await Promise.all([
    lastAskedIds(ctx.db, who, uses),
    input.engagementId ? coachQuestionsOf(ctx.db, ctx.cipher, input.teamId, input.engagementId) : Promise.resolve([]),
  ]);
  const known = (id: string | undefined): AskedQuestion | undefined => {
    if (!id) return undefined;
    const text = bankText(id) ?? coach.find((q) => coachQuestionId(q.id) === id)?.text;
    return text === undefined ? undefined : { id, text };
  };
  const missing = uses.filter((use) => !known(last[use]));
  const drawn = missing.length > 0 ? await askQuestions(ctx, input, missing) : ({} as Partial<AskedQuestions<U>>);
  return Object.fromEntries(uses.map((use) => [use, known(last[use]) ?? drawn[use]!])) as AskedQuestions<U>;
}
