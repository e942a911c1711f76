// The person a nudge goes to, as the sender needs them: their stored preferences (created
// from users.info on first contact), their DM channel with the bot, their working window
// and whether Slack's Do Not Disturb is on right now.
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import { findPerson, saveDmChannel, upsertPersonTz, type Person } from '../db/people.js';
import type { WorkingWindow } from '../src/domain/time/index.js';
import { platformErrorCode } from './slack-client.js';

/** A Slack error the sender treats as permanent for this nudge. */
export class RecipientGoneError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'RecipientGoneError';
  }
}

/** `newPerson` is the window someone Grow has not met yet starts with (the operator's default). */
export async function loadRecipient(db: Db, client: WebClient, teamId: string, userId: string, now: Date, newPerson?: WorkingWindow): Promise<Person> {
  const known = await findPerson(db, teamId, userId);
  if (known) return known;
  const info = await client.users.info({ user: userId });
  if (info.user?.deleted) throw new RecipientGoneError('account_inactive');
  await upsertPersonTz(db, teamId, userId, info.user?.tz ?? 'UTC', now, newPerson);
  const created = await findPerson(db, teamId, userId);
  if (!created) throw new Error('person row vanished after insert');
  return created;
}

export async function openDmChannel(db: Db, client: WebClient, person: Person): Promise<string> {
  if (person.dmChannelId) return person.dmChannelId;
  const opened = await client.conversations.open({ users: person.userId });
  const channelId = opened.channel?.id;
  if (!channelId) throw new RecipientGoneError('channel_not_found');
  await saveDmChannel(db, person.teamId, person.userId, channelId);
  return channelId;
}

/**
 * When Do Not Disturb (a schedule or a snooze) is on at `now`, the instant it lifts;
 * null otherwise. A workspace that did not grant dnd:read simply gets no DND deferral.
 */
// Only the fields Grow reads; Slack adds others freely.
const dndInfoSchema = z.object({
  dnd_enabled: z.boolean().optional(),
  next_dnd_start_ts: z.number().optional(),
  next_dnd_end_ts: z.number().optional(),
  snooze_enabled: z.boolean().optional(),
  snooze_endtime: z.number().optional(),
});

export async function readDndEnd(client: WebClient, userId: string, now: Date): Promise<Date | null> {
  let raw: unknown;
  try {
    raw = await client.dnd.info({ user: userId });
  } catch (error) {
    const code = platformErrorCode(error);
    if (code === 'missing_scope' || code === 'not_allowed_token_type' || code === 'no_permission') return null;
    throw error;
  }
  const parsed = dndInfoSchema.safeParse(raw);
  if (!parsed.success) return null;
  const info = parsed.data;
  const nowS = now.getTime() / 1000;
  const ends: number[] = [];
  const start = info.next_dnd_start_ts ?? 0;
  const end = info.next_dnd_end_ts ?? 0;
  if (info.dnd_enabled && start <= nowS && nowS < end) ends.push(end);
  if (info.snooze_enabled && info.snooze_endtime !== undefined && info.snooze_endtime > nowS) ends.push(info.snooze_endtime);
  return ends.length > 0 ? new Date(Math.max(...ends) * 1000) : null;
}
