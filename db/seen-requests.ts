// Claims a Slack request key once: the first claim wins (a unique key in Postgres, so two
// web processes agree), later claims within the retention see it was already acted on.
import { eq, lt, sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { seenRequests } from './schema/index.js';

/** Longer than Slack's five-minute signature window, so a replay inside it always meets its key. */
export const SEEN_REQUEST_RETENTION_MS = 10 * 60 * 1000;

/** True when this key had not been claimed yet. Also drops keys older than the retention. */
export async function claimRequestKey(db: Db, key: string, now: Date): Promise<boolean> {
  const inserted = await db.insert(seenRequests).values({ key, seenAt: now }).onConflictDoNothing().returning({ key: seenRequests.key });
  // Cheap housekeeping on roughly one claim in fifty keeps the table near one window's worth.
  if (Math.random() < 0.02) {
    await db.delete(seenRequests).where(lt(seenRequests.seenAt, new Date(now.getTime() - SEEN_REQUEST_RETENTION_MS)));
  }
  return inserted.length > 0;
}

export async function countSeenRequests(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(seenRequests);
  return row?.n ?? 0;
}

/** Forgets a claim whose processing failed, so Slack's retry of it is acted on. */
export async function releaseRequestKey(db: Db, key: string): Promise<void> {
  await db.delete(seenRequests).where(eq(seenRequests.key, key));
}
