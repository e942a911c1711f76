// The coach adds a question of their own to an engagement: only its coach, only while it
// is invited or active. Grow asks it first at its moment (src/domain/questions/draw.ts).
import { findEngagement } from '../../db/engagements.js';
import { insertCoachQuestion } from '../../db/questions.js';
import { parseCoachQuestion } from '../domain/questions/coach-question.js';
import type { ServiceContext } from './context.js';

export interface CoachQuestionClick {
  teamId: string;
  userId: string;
  engagementId: string;
}

export type CoachQuestionCheck = { outcome: 'refused' } | { outcome: 'closed' } | { outcome: 'open'; leaderId: string };

export async function checkCoachQuestion(ctx: ServiceContext, input: CoachQuestionClick): Promise<CoachQuestionCheck> {
  const engagement = await findEngagement(ctx.db, input.teamId, input.engagementId);
  if (!engagement || engagement.coachId !== input.userId) return { outcome: 'refused' };
  if (engagement.status !== 'invited' && engagement.status !== 'active') return { outcome: 'closed' };
  return { outcome: 'open', leaderId: engagement.leaderId };
}

export type AddCoachQuestionResult = CoachQuestionCheck | { outcome: 'invalid'; errors: Record<string, string> } | { outcome: 'added'; leaderId: string };

export async function addCoachQuestion(ctx: ServiceContext, input: CoachQuestionClick & { values: Record<string, string | undefined> }): Promise<AddCoachQuestionResult> {
  const form = parseCoachQuestion(input.values);
  if (!form.ok) return { outcome: 'invalid', errors: form.errors };
  const check = await checkCoachQuestion(ctx, input);
  if (check.outcome !== 'open') return check;
  await insertCoachQuestion(ctx.db, ctx.cipher, { teamId: input.teamId, engagementId: input.engagementId, use: form.use, text: form.text });
  ctx.logger.info({ teamId: input.teamId, userId: input.userId, engagementId: input.engagementId, use: form.use }, 'coach question added');
  return { outcome: 'added', leaderId: check.leaderId };
}
