// The organisation's side of a coaching programme: who runs it (programme admins added
// beside Slack's own workspace admins), who may coach (an empty list means anyone), and
// what each engagement's sponsor answered. A sponsor's answers are theirs, not the
// leader's: the outcomes they hope for are shown to leader and coach; the change they
// saw goes to the leader, and to the coach only once the leader shares it.
import { sql } from 'drizzle-orm';
import { check, pgTable, primaryKey, text, unique } from 'drizzle-orm/pg-core';
import { at, createdAt } from './columns.js';
import { engagementTable } from './engagements.js';

/** Who holds a programme role in a workspace, and who gave it to them. */
const programmeRoleTable = <TName extends string>(name: TName) =>
  pgTable(
    name,
    { teamId: text('team_id').notNull(), userId: text('user_id').notNull(), addedBy: text('added_by').notNull(), createdAt: createdAt() },
    (t) => [primaryKey({ columns: [t.teamId, t.userId] })],
  );

export const programmeAdmins = programmeRoleTable('programme_admins');

export const programmeCoaches = programmeRoleTable('programme_coaches');

export const sponsorAnswerKinds = ['outcomes', 'change'] as const;

export const sponsorAnswers = engagementTable(
  'sponsor_answers',
  {
    sponsorId: text('sponsor_id').notNull(),
    kind: text('kind', { enum: sponsorAnswerKinds }).notNull(),
    /** Encrypted free text. */
    answerEnc: text('answer_enc').notNull(),
    answeredAt: at('answered_at').notNull().defaultNow(),
    /** The change the sponsor saw reaches the coach only once the leader shares it. */
    sharedWithCoachAt: at('shared_with_coach_at'),
  },
  (t) => [
    unique('sponsor_answers_engagement_kind').on(t.engagementId, t.kind),
    check('sponsor_answers_shared_change', sql`${t.sharedWithCoachAt} is null or ${t.kind} = 'change'`),
  ],
);
