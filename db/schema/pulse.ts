// The stakeholder pulse: the people around a leader answer a short, anonymous question
// at baseline, midpoint and close. Anonymity is built into the tables: who was asked and
// whether they answered (`pulse_invitations`) is stored apart from what was answered
// (`pulse_responses`). A response carries no person, no Slack id, no message ts and no
// time of its own; all it shares with an invitation is its round
// (test/db/pulse-anonymity.test.ts walks these columns and foreign keys to prove it).
import { sql } from 'drizzle-orm';
import { check, integer, text, unique, uuid } from 'drizzle-orm/pg-core';
import { engagementTable, targets } from './engagements.js';
import { at, createdAt, keyAndTeam, statusOf, tablesBeginningWith } from './columns.js';
import { visibilityValues } from './practice.js';

export const pulseStageValues = ['baseline', 'midpoint', 'closing'] as const;

/** The 3–8 people the leader named for an engagement. */
export const pulseStakeholders = engagementTable(
  'pulse_stakeholders',
  {
    userId: text('user_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique('pulse_stakeholders_engagement_user').on(t.engagementId, t.userId)],
);

/** One round per engagement and stage; its times are fixed once it has opened. */
export const pulseRounds = engagementTable(
  'pulse_rounds',
  {
    stage: text('stage', { enum: pulseStageValues }).notNull(),
    opensAt: at('opens_at').notNull(),
    closesAt: at('closes_at').notNull(),
    /** What the leader lets their coach see of the results: nothing, the scores, or everything. */
    visibility: text('visibility', { enum: visibilityValues }).notNull().default('private'),
    sharedAt: at('shared_at'),
  },
  (t) => [unique('pulse_rounds_engagement_stage').on(t.engagementId, t.stage), check('pulse_rounds_window', sql`${t.opensAt} < ${t.closesAt}`)],
);

/** A table of one round's rows, each gone with its round. */
const roundTable = tablesBeginningWith(() => ({ ...keyAndTeam(), roundId: uuid('round_id').notNull().references(() => pulseRounds.id, { onDelete: 'cascade' }) }));

/** Who was asked in a round and what became of the question; never what they said. */
export const pulseInvitations = roundTable(
  'pulse_invitations',
  {
    userId: text('user_id').notNull(),
    status: statusOf(['asked', 'answered', 'declined']),
  },
  (t) => [unique('pulse_invitations_round_user').on(t.roundId, t.userId)],
);

/** What was answered, per target; nothing here says by whom or when. */
export const pulseResponses = roundTable(
  'pulse_responses',
  {
    targetId: uuid('target_id').notNull().references(() => targets.id, { onDelete: 'cascade' }),
    /** −3…+3 at midpoint and close; none at baseline. */
    score: integer('score'),
    /** Encrypted free text: the stakeholder's suggestion, optional. */
    suggestionEnc: text('suggestion_enc'),
  },
  (t) => [check('pulse_responses_score', sql`${t.score} is null or ${t.score} between -3 and 3`)],
);
