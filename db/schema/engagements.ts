// A coaching engagement: a coach, a leader, a run of sessions and up to three
// behavioural targets.
import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { keyAndTeam, at, coachAndLeader, createdAt, statusOf, tablesBeginningWith } from './columns.js';
import { STYLES } from '../../src/domain/engagement/style.js';

export const engagements = pgTable(
  'engagements',
  {
    ...keyAndTeam(),
    ...coachAndLeader(),
    /** invited → active → completed (by itself) or ended (early, by either person); invited → declined. */
    status: statusOf(['invited', 'active', 'declined', 'ended', 'completed']),
    startDate: date('start_date').notNull(),
    sessionCount: integer('session_count').notNull().default(8),
    cadenceDays: integer('cadence_days').notNull().default(14),
    sessionMinutes: integer('session_minutes').notNull().default(60),
    /** Encrypted: the coach's personal note in the invitation, if they wrote one. */
    invitationNoteEnc: text('invitation_note_enc'),
    createdAt: createdAt(),
    respondedAt: at('responded_at'),
    endedAt: at('ended_at'),
    /** Who ended it early (coach or leader); null unless it was ended. */
    endedBy: text('ended_by'),
    /** Encrypted free text: why it was ended, if the ender said; only the ender and the coach see it. */
    endReasonEnc: text('end_reason_enc'),
    /** Who sees the closing review's ratings, as the leader chose when answering it; null until then. */
    closingVisibility: text('closing_visibility', { enum: ['private', 'summary', 'shared'] }),
    /** When retention erased the engagement's free text (RETENTION_DAYS after it ended). */
    contentErasedAt: at('content_erased_at'),
    /** How Grow works with the leader, set by their contracting answer (src/domain/engagement/style.ts). */
    style: text('style', { enum: STYLES }).notNull().default('standard'),
    /** Rhythm kinds the leader turned off. */
    mutedKinds: text('muted_kinds').array().notNull().default(sql`'{}'::text[]`),
    /** The organisation's person for this engagement (manager, HR partner), optional; sees process facts only. */
    sponsorId: text('sponsor_id'),
    /** The cohort a programme admin puts the engagement in, for the programme report. */
    programme: text('programme'),
  },
  (t) => [
    index('engagements_leader_idx').on(t.teamId, t.leaderId),
    index('engagements_coach_idx').on(t.teamId, t.coachId),
    // One live engagement per coach and leader: a second invitation would double every nudge.
    uniqueIndex('engagements_live_pair').on(t.teamId, t.coachId, t.leaderId).where(sql`${t.status} in ('invited', 'active')`),
    check('engagements_not_self', sql`${t.coachId} <> ${t.leaderId}`),
    check('engagements_sponsor_apart', sql`${t.sponsorId} is null or (${t.sponsorId} <> ${t.leaderId} and ${t.sponsorId} <> ${t.coachId})`),
    check('engagements_programme_name', sql`${t.programme} is null or char_length(${t.programme}) between 1 and 60`),
    index('engagements_sponsor_idx').on(t.teamId, t.sponsorId),
    check('engagements_sessions', sql`${t.sessionCount} between 6 and 12`),
    check('engagements_cadence', sql`${t.cadenceDays} in (7, 14, 21)`),
    check('engagements_length', sql`${t.sessionMinutes} between 60 and 90`),
    check('engagements_style', sql`${t.style} in (${sql.raw(STYLES.map((k) => `'${k}'`).join(', '))})`),
  ],
);

/** The engagement a row belongs to: `cascade` when the row means nothing without it. */
export const engagementRef = (onDelete: 'cascade' | 'set null') => uuid('engagement_id').references(() => engagements.id, { onDelete });

/** The session a row is about, if any; the row outlives the session. */
export const sessionRef = () => uuid('session_id').references(() => sessions.id, { onDelete: 'set null' });

/** A table of one engagement's rows, each gone with it: the row's key, workspace and engagement, then the table's own columns. */
export const engagementTable = tablesBeginningWith(() => ({ ...keyAndTeam(), engagementId: engagementRef('cascade').notNull() }));

export const sessions = engagementTable(
  'sessions',
  {
    seq: integer('seq').notNull(),
    scheduledAt: at('scheduled_at').notNull(),
    status: statusOf(['scheduled', 'held', 'cancelled']),
  },
  (t) => [unique('sessions_engagement_seq').on(t.engagementId, t.seq)],
);

export const targets = engagementTable(
  'targets',
  {
    position: integer('position').notNull(),
    /** Encrypted free text: the observable behaviour the leader is working on. */
    descriptionEnc: text('description_enc').notNull(),
    baseline: integer('baseline').notNull(),
    /** 1–5 on the five-level leadership hierarchy, optional. */
    level: integer('level'),
    midpointRating: integer('midpoint_rating'),
    closingRating: integer('closing_rating'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('targets_engagement_position').on(t.engagementId, t.position),
    check('targets_position', sql`${t.position} between 1 and 3`),
    check('targets_baseline', sql`${t.baseline} between 1 and 10`),
    check('targets_level', sql`${t.level} is null or ${t.level} between 1 and 5`),
    check('targets_midpoint', sql`${t.midpointRating} is null or ${t.midpointRating} between 1 and 10`),
    check('targets_closing', sql`${t.closingRating} is null or ${t.closingRating} between 1 and 10`),
  ],
);
