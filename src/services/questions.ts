// Asking questions: draws the question for each moment from the coach's questions and
// the bank (by the leader's level, never the last one asked) and records what was asked,
// so the next draw can avoid it.
import { coachQuestionsOf, lastAskedIds, recordAsked, targetLevelOf } from '../../db/questions.js';
import { drawQuestion, type AskedQuestion } from '../domain/questions/draw.js';
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
