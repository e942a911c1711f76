// Where Grow's Slack messages and files outside the nudge rows sit, so `/grow delete` can
// remove them: recorded after each post, read and dropped when the person is erased.
// Locations and ids only; never the text that was posted.
import { and, eq, inArray, or } from 'drizzle-orm';
import type { Db } from './client.js';
import { postedMessages } from './schema/index.js';

export type PostedKind = (typeof postedMessages.$inferInsert)['kind'];

export interface PostedMessage {
  teamId: string;
  recipientId: string;
  kind: PostedKind;
  channelId?: string;
  messageTs?: string;
  fileId?: string;
  aboutId?: string;
}

export async function recordPostedMessages(db: Db, rows: PostedMessage[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(postedMessages).values(rows);
}

/** Records one post; a failure to record never undoes what Slack already shows. */
export async function recordPostedMessage(db: Db, row: PostedMessage): Promise<void> {
  await recordPostedMessages(db, [row]);
}

export type PostedRow = typeof postedMessages.$inferSelect;

/** Everything recorded as sent to the person or, for digests, about them. */
export async function postedToOrAbout(db: Db, teamId: string, userId: string): Promise<PostedRow[]> {
  return db
    .select()
    .from(postedMessages)
    .where(and(eq(postedMessages.teamId, teamId), or(eq(postedMessages.recipientId, userId), eq(postedMessages.aboutId, userId))));
}

/** The other leaders a digest at this location covered. */
export async function digestCoverage(db: Db, teamId: string, channelId: string, messageTs: string): Promise<string[]> {
  const rows = await db
    .select({ aboutId: postedMessages.aboutId })
    .from(postedMessages)
    .where(and(eq(postedMessages.teamId, teamId), eq(postedMessages.kind, 'digest'), eq(postedMessages.channelId, channelId), eq(postedMessages.messageTs, messageTs)));
  return rows.map((r) => r.aboutId).filter((id): id is string => id !== null);
}

export async function deletePostedRows(db: Db, ids: string[]): Promise<void> {
  if (ids.length > 0) await db.delete(postedMessages).where(inArray(postedMessages.id, ids));
}
