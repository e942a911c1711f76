// The person a nudge goes to, as the sender needs them: their stored preferences (created
// from users.info on first contact) and their DM channel with the bot. Do Not Disturb is
// read in batches by dnd-windows.ts.
import type { WebClient } from '@slack/web-api';
import type { Db } from '../db/client.js';
import { findPerson, saveDmChannel, upsertPersonTz, type Person } from '../db/people.js';
import type { WorkingWindow } from '../src/domain/time/index.js';

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
