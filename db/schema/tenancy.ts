// Workspaces and the people Grow knows in them. Every row in Grow carries its Slack
// team id, so one database can serve many workspaces without their data meeting.
import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { engagements } from './engagements.js';
import { at, createdAt } from './columns.js';

export const installations = pgTable('installations', {
  teamId: text('team_id').primaryKey(),
  teamName: text('team_name'),
  botUserId: text('bot_user_id'),
  /** AES-256-GCM ciphertext; never logged, never in a job payload. */
  botTokenEnc: text('bot_token_enc'),
  installedAt: at('installed_at').notNull().defaultNow(),
  uninstalledAt: at('uninstalled_at'),
});

export const people = pgTable(
  'people',
  {
    teamId: text('team_id').notNull(),
    userId: text('user_id').notNull(),
    /** IANA zone from Slack's users.info; refreshed at least daily. */
    tz: text('tz').notNull().default('UTC'),
    tzRefreshedAt: at('tz_refreshed_at'),
    dmChannelId: text('dm_channel_id'),
    /** ISO weekdays (1 = Monday) on which Grow may write to this person. */
    workDays: integer('work_days').array().notNull().default(sql`'{1,2,3,4,5}'::integer[]`),
    /** Minutes after local midnight. */
    workStartMinute: integer('work_start_minute').notNull().default(9 * 60),
    workEndMinute: integer('work_end_minute').notNull().default(17 * 60 + 30),
    /** A coach's weekly digest: ISO weekday (1 = Monday) and minutes after local midnight. */
    digestDay: integer('digest_day').notNull().default(1),
    digestMinute: integer('digest_minute').notNull().default(9 * 60),
    /** A coach's notice topics turned off in Settings (src/domain/notices NOTICE_TOPICS). */
    noticesOff: text('notices_off').array().notNull().default(sql`'{}'::text[]`),
    pausedUntil: at('paused_until'),
    /** Consecutive follow-ups left unanswered; at `RHYTHM_BACK_OFF_AFTER` (default 2) Grow backs off. */
    unansweredFollowUps: integer('unanswered_follow_ups').notNull().default(0),
    isActive: boolean('is_active').notNull().default(true),
    /** The engagement the leader's last check-in went to: the default when they have two coaches. */
    lastEngagementId: uuid('last_engagement_id').references(() => engagements.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.userId] }),
    check('people_work_window', sql`${t.workStartMinute} >= 0 and ${t.workEndMinute} <= 1440 and ${t.workStartMinute} < ${t.workEndMinute}`),
    check('people_digest_time', sql`${t.digestDay} between 1 and 7 and ${t.digestMinute} between 0 and 1439`),
  ],
);
