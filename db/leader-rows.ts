// A leader's own rows of one table, newest first: what Grow reads back to the leader
// themselves (the moments they saved, what they wrote and answered since the last
// session). Always scoped to the workspace and the leader.
import { and, desc, eq, gt, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './client.js';

type LeaderTable = PgTable & { teamId: PgColumn; leaderId: PgColumn };

/** The window session prep reads back: one leader, one engagement, after `since`, at most `limit` rows. */
export interface SinceLastSession {
  teamId: string;
  leaderId: string;
  engagementId: string;
  since: Date;
  limit: number;
}

/**
 * The leader's rows of `table` that meet `conditions` (and, given `since`, are newer than
 * it by `newest`), newest first, at most `limit`.
 */
export async function newestOfLeader<T extends LeaderTable>(
  db: Db,
  table: T,
  newest: PgColumn,
  input: { teamId: string; leaderId: string; limit: number; since?: Date },
  ...conditions: (SQL | undefined)[]
): Promise<T['$inferSelect'][]> {
  const rows = await db
    .select()
    .from(table as PgTable)
    .where(and(eq(table.teamId, input.teamId), eq(table.leaderId, input.leaderId), input.since ? gt(newest, input.since) : undefined, ...conditions))
    .orderBy(desc(newest))
    .limit(input.limit);
  return rows as T['$inferSelect'][];
}
