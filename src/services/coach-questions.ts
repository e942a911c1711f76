// The coach adds a question of their own to an engagement: only its coach, only while it
// is invited or active. Grow asks it first at its moment (src/domain/questions/draw.ts).
import { insertCoachQuestion } from '../../db/questions.js';
import { parseCoachQuestion } from '../domain/questions/coach-question.js';
import { isLive } from '../domain/engagement/status.js';
import { checkCoachEngagement, type CoachEngagementCheck, type CoachEngagementClick } from './coach-engagement-check.js';
import type { ServiceContext } from './context.js';

export const checkCoachQuestion = (ctx: ServiceContext, input: CoachEngagementClick): Promise<CoachEngagementCheck> =>
  checkCoachEngagement(ctx, input, (engagement) => isLive(engagement.status));

export type AddCoachQuestionResult = CoachEngagementCheck | { outcome: 'invalid'; errors: Record<string, string> } | { outcome: 'added'; leaderId: string };

export async function addCoachQuestion(ctx: ServiceContext, input: CoachEngagementClick & { values: Record<string, string | undefined> }): Promise<AddCoachQuestionResult> {
  const form = parseCoachQuestion(input.values);
  if (!form.ok) return { outcome: 'invalid', errors: form.errors };
  const check = await checkCoachQuestion(ctx, input);
  if (check.outcome !== 'open') return check;
  await insertCoachQuestion(ctx.db, ctx.cipher, { teamId: input.teamId, engagementId: input.engagementId, use: form.use, text: form.text });
  ctx.logger.info({ teamId: input.teamId, userId: input.userId, engagementId: input.engagementId, use: form.use }, 'coach question added');
  return { outcome: 'added', leaderId: check.leaderId };
}
