// Questions: the last one each leader was asked at each moment (so Grow never asks the
// same one twice in a row) and the questions a coach added to an engagement.
import { sql } from 'drizzle-orm';
import { check, index, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { QUESTION_USES } from '../../src/domain/questions/uses.js';
import { engagementTable } from './engagements.js';
import { at, createdAt } from './columns.js';

const useList = sql.raw(QUESTION_USES.map((u) => `'${u}'`).join(', '));

export const askedQuestions = pgTable(
  'asked_questions',
  {
    teamId: text('team_id').notNull(),
    leaderId: text('leader_id').notNull(),
    use: text('use').notNull(),
    /** A bank id, or `coach:<uuid>`. Never the question's text. */
    questionId: text('question_id').notNull(),
    askedAt: at('asked_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.leaderId, t.use] })],
);

export const engagementQuestions = engagementTable(
  'engagement_questions',
  {
    use: text('use').notNull(),
    /** Encrypted: the coach's own wording. */
    textEnc: text('text_enc').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('engagement_questions_engagement_idx').on(t.engagementId, t.createdAt), check('engagement_questions_use', sql`${t.use} in (${useList})`)],
);
