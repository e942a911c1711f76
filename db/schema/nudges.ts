// Every message Grow will send is a row here first. Postgres is the truth; BullMQ only
// executes what these rows say. The unique dedupe key makes planning idempotent.
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { NUDGE_KINDS } from '../../src/domain/nudge-kinds.js';
import { at, createdAt, keyAndTeam, statusOf } from './columns.js';
import { engagementRef, sessionRef } from './engagements.js';

export const nudgeStatusValues = ['pending', 'sending', 'sent', 'skipped', 'cancelled', 'failed'] as const;

// The constraint's list is the domain's list, so a kind the code does not know cannot be stored.
const knownKinds = sql.raw(NUDGE_KINDS.map((kind) => `'${kind}'`).join(', '));

export const nudges = pgTable(
  'nudges',
  {
    ...keyAndTeam(),
    recipientId: text('recipient_id').notNull(),
    engagementId: engagementRef('cascade'),
    sessionId: sessionRef(),
    /** One of NUDGE_KINDS (src/domain/nudge-kinds.ts), checked by the database. */
    kind: text('kind').notNull(),
    /** (engagement, kind, occurrence) or a digest key: one row per planned message. */
    dedupeKey: text('dedupe_key').notNull(),
    dueAt: at('due_at').notNull(),
    status: statusOf(nudgeStatusValues),
    attempts: integer('attempts').notNull().default(0),
    /** Ids only (action id, target ids…); never free text or tokens. */
    ref: jsonb('ref').$type<Record<string, string | number>>().notNull().default(sql`'{}'::jsonb`),
    reason: text('reason'),
    claimedAt: at('claimed_at'),
    enqueuedAt: at('enqueued_at'),
    sentAt: at('sent_at'),
    channelId: text('channel_id'),
    messageTs: text('message_ts'),
    /** Set when the leader answers the message (button, modal). */
    answeredAt: at('answered_at'),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    unique('nudges_team_dedupe').on(t.teamId, t.dedupeKey),
    index('nudges_due_idx').on(t.status, t.dueAt),
    index('nudges_engagement_idx').on(t.engagementId, t.status),
    // Open nudges only: the reconciler's scan stays small and free of the dead entries that
    // rows moving to sent all day leave in a full index, and /metrics counts open and overdue
    // nudges from this index alone, however many settled rows the table holds.
    index('nudges_open_due_idx').on(t.dueAt).where(sql`${t.status} in ('pending', 'sending')`),
    check('nudges_kind_check', sql`${t.kind} in (${knownKinds})`),
  ],
);
