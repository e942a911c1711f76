// Data access for questions: what each leader was asked last at each moment, and the
// questions a coach added to an engagement (their wording encrypted, bound to the row).
import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Cipher } from '../src/crypto.js';
import type { CoachQuestion } from '../src/domain/questions/draw.js';
import { isQuestionUse, type QuestionUse } from '../src/domain/questions/uses.js';
import type { Db } from './client.js';
import { askedQuestions, engagementQuestions, targets } from './schema/index.js';
import { newRowId, rowSeal } from './sealed.js';

export interface Asker {
  teamId: string;
  leaderId: string;
}

/** use → the id asked last, for the moments named. */
export async function lastAskedIds(db: Db, who: Asker, uses: readonly QuestionUse[]): Promise<Partial<Record<QuestionUse, string>>> {
  if (uses.length === 0) return {};
  const rows = await db
    .select({ use: askedQuestions.use, questionId: askedQuestions.questionId })
    .from(askedQuestions)
    .where(and(eq(askedQuestions.teamId, who.teamId), eq(askedQuestions.leaderId, who.leaderId), inArray(askedQuestions.use, [...uses])));
  return Object.fromEntries(rows.map((r) => [r.use, r.questionId]));
}

/** Records what was just asked, one row per moment (the newest replaces the last). */
export async function recordAsked(db: Db, who: Asker, asked: { use: QuestionUse; questionId: string }[], now: Date): Promise<void> {
  if (asked.length === 0) return;
  await db
    .insert(askedQuestions)
    .values(asked.map((a) => ({ teamId: who.teamId, leaderId: who.leaderId, use: a.use, questionId: a.questionId, askedAt: now })))
    .onConflictDoUpdate({
      target: [askedQuestions.teamId, askedQuestions.leaderId, askedQuestions.use],
      set: { questionId: sql`excluded.question_id`, askedAt: sql`excluded.asked_at` },
    });
}

export async function coachQuestionsOf(db: Db, cipher: Cipher, teamId: string, engagementId: string): Promise<CoachQuestion[]> {
  const rows = await db
    .select()
    .from(engagementQuestions)
    .where(and(eq(engagementQuestions.teamId, teamId), eq(engagementQuestions.engagementId, engagementId)))
    .orderBy(asc(engagementQuestions.createdAt), asc(engagementQuestions.id));
  return rows.flatMap((r) => (isQuestionUse(r.use) ? [{ id: r.id, use: r.use, text: rowSeal(cipher, 'engagement_questions', r).open('text_enc', r.textEnc) }] : []));
}

export async function insertCoachQuestion(db: Db, cipher: Cipher, input: { teamId: string; engagementId: string; use: QuestionUse; text: string }): Promise<string> {
  const id = newRowId();
  const textEnc = rowSeal(cipher, 'engagement_questions', { teamId: input.teamId, id }).seal('text_enc', input.text);
  await db.insert(engagementQuestions).values({ id, teamId: input.teamId, engagementId: input.engagementId, use: input.use, textEnc });
  return id;
}

/** The levels of an engagement's targets, by position; the target named first when given. */
export async function targetLevelOf(db: Db, teamId: string, engagementId: string, targetId?: string | null): Promise<number | null> {
  const rows = await db
    .select({ id: targets.id, level: targets.level })
    .from(targets)
    .where(and(eq(targets.teamId, teamId), eq(targets.engagementId, engagementId), isNotNull(targets.level)))
    .orderBy(asc(targets.position));
  return (rows.find((r) => r.id === targetId) ?? rows[0])?.level ?? null;
}

