// What the leader writes: check-ins, the actions they commit to, reflections and
// saved coaching moments. Free text is stored encrypted; `visibility` decides what a
// coach may ever see of it (see src/domain/privacy).
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, text, uuid } from 'drizzle-orm/pg-core';
import { engagementRef, targets } from './engagements.js';
import { keyAndTeam, at, createdAt, statusOf, tablesBeginningWith } from './columns.js';

export const visibilityValues = ['private', 'summary', 'shared'] as const;

/** What a leader wrote, in their workspace, perhaps within an engagement. */
const leaderRow = (onEngagementDelete: 'cascade' | 'set null') => ({
  ...keyAndTeam(),
  leaderId: text('leader_id').notNull(),
  engagementId: engagementRef(onEngagementDelete),
});

/** Tables of the leader's own record (check-ins, actions): a row outlives its engagement. */
const leaderRecordTable = tablesBeginningWith(() => leaderRow('set null'));

/** Tables of what the leader writes for an engagement (reflections): gone with it. */
const leaderWritingTable = tablesBeginningWith(() => leaderRow('cascade'));

export const checkIns = leaderRecordTable(
  'check_ins',
  {
    targetId: uuid('target_id').references(() => targets.id, { onDelete: 'set null' }),
    goalEnc: text('goal_enc').notNull(),
    realityEnc: text('reality_enc').notNull(),
    optionsEnc: text('options_enc').notNull(),
    willEnc: text('will_enc').notNull(),
    /** The leader's answer to "what would make it a 10?", when asked. */
    makeItTenEnc: text('make_it_ten_enc'),
    /** The experiment style's "what do you expect to happen?", when asked. */
    expectationEnc: text('expectation_enc'),
    commitment: integer('commitment').notNull(),
    /** True when the leader went through the "what would make it a 10?" step. */
    revisited: boolean('revisited').notNull().default(false),
    visibility: text('visibility', { enum: visibilityValues }).notNull().default('summary'),
    createdAt: createdAt(),
    /** When retention erased the text of a check-in outside any engagement. */
    contentErasedAt: at('content_erased_at'),
  },
  (t) => [
    index('check_ins_leader_idx').on(t.teamId, t.leaderId, t.createdAt),
    check('check_ins_commitment', sql`${t.commitment} between 1 and 10`),
  ],
);

export const actions = leaderRecordTable(
  'actions',
  {
    checkInId: uuid('check_in_id').notNull().references(() => checkIns.id, { onDelete: 'cascade' }),
    textEnc: text('text_enc').notNull(),
    dueAt: at('due_at').notNull(),
    status: statusOf(['open', 'done', 'partly', 'not_yet', 'dropped']),
    snoozedUntil: at('snoozed_until'),
    /** The leader asked, at "what would make it a 10?", for a nudge about that precondition before the due date. */
    askPrecondition: boolean('ask_precondition').notNull().default(false),
    answeredAt: at('answered_at'),
    createdAt: createdAt(),
  },
  (t) => [index('actions_leader_idx').on(t.teamId, t.leaderId, t.status)],
);

export const reflections = leaderWritingTable(
  'reflections',
  {
    actionId: uuid('action_id').references(() => actions.id, { onDelete: 'set null' }),
    /** follow_up | session_prep | review | coachability_* | moment … */
    kind: text('kind').notNull(),
    /** Encrypted JSON object of the answers, keyed by question id. */
    bodyEnc: text('body_enc').notNull(),
    /** Encrypted 1–10 rating (the openness rating is private when the leader says so). */
    ratingEnc: text('rating_enc'),
    /** For coaching moments: the encrypted permalink of the saved message (it names the conversation). */
    permalinkEnc: text('permalink_enc'),
    /** Plaintext from before ratings were encrypted; start-up and `keys:rotate` move it to `rating_enc` and empty it. */
    legacyRating: integer('rating'),
    /** Plaintext from before permalinks were encrypted; moved to `permalink_enc` and emptied like `rating`. */
    legacyPermalink: text('permalink'),
    visibility: text('visibility', { enum: visibilityValues }).notNull().default('summary'),
    createdAt: createdAt(),
    /** When retention erased the answers of a reflection or moment outside any engagement. */
    contentErasedAt: at('content_erased_at'),
  },
  (t) => [
    index('reflections_leader_idx').on(t.teamId, t.leaderId, t.createdAt),
    check('reflections_rating', sql`${t.legacyRating} is null or ${t.legacyRating} between 1 and 10`),
  ],
);
