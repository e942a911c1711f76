// Whether Grow may plan for a workspace. A workspace that uninstalled Grow (or revoked its
// bot token) keeps its rows but gets no new nudges until it installs Grow again; one
// without an `installations` row (single-workspace mode) is always live.
import { and, eq, gt, gte, inArray, isNotNull, lte, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db, Tx } from './client.js';
import { engagements, installations, nudges } from './schema/index.js';

/** A condition on any query: the row's team has not uninstalled Grow. */
export function workspaceIsLive(teamId: AnyPgColumn): SQL {
  return sql`not exists (select 1 from ${installations} where ${installations.teamId} = ${teamId} and ${installations.uninstalledAt} is not null)`;
}

export async function isWorkspaceUninstalled(db: Db | Tx, teamId: string): Promise<boolean> {
  const rows = await db
    .select({ teamId: installations.teamId })
    .from(installations)
    .where(and(eq(installations.teamId, teamId), isNotNull(installations.uninstalledAt)));
  return rows.length > 0;
}

/**
 * Uninstall or revocation: the stored token is deleted (it no longer works, and a token at
 * rest is a liability), the workspace is marked, and every pending nudge is cancelled, in
 * one transaction. In single-workspace mode (token from the environment) the mark is a row
 * with no token, so planners skip the workspace there too until it is lifted.
 */
export async function stopWorkspace(db: Db, teamId: string, reason: string, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const stopped = { botTokenEnc: null, uninstalledAt: now };
    await tx.insert(installations).values({ teamId, ...stopped }).onConflictDoUpdate({ target: installations.teamId, set: stopped });
    const cancelled = await tx
      .update(nudges)
      .set({ status: 'cancelled', reason, updatedAt: now })
      .where(and(eq(nudges.teamId, teamId), eq(nudges.status, 'pending')))
      .returning({ id: nudges.id });
    return cancelled.length;
  });
}

/** The engagements to re-plan when a workspace installs Grow again. */
export async function listLiveEngagementIds(db: Db, teamId: string): Promise<string[]> {
  const rows = await db
    .select({ id: engagements.id })
    .from(engagements)
    .where(and(eq(engagements.teamId, teamId), inArray(engagements.status, ['invited', 'active'])));
  return rows.map((r) => r.id);
}

/**
 * On re-install, nudges the uninstall cancelled that are still ahead of `now` are pending
 * again (digests and briefs keep their dedupe keys, so planning alone would not bring them
 * back); those that fell due meanwhile stay cancelled.
 */
export async function restoreStoppedNudges(db: Db, teamId: string, now: Date): Promise<number> {
  const rows = await db
    .update(nudges)
    .set({ status: 'pending', reason: null, updatedAt: now })
    .where(and(eq(nudges.teamId, teamId), eq(nudges.status, 'cancelled'), inArray(nudges.reason, STOP_REASONS), gt(nudges.dueAt, now)))
    .returning({ id: nudges.id });
  return rows.length;
}

export const STOP_REASONS = ['app_uninstalled', 'tokens_revoked'];

/** When the workspace uninstalled Grow, if it did and has not installed it again. */
export async function uninstalledAt(db: Db, teamId: string): Promise<Date | null> {
  const [row] = await db.select({ at: installations.uninstalledAt }).from(installations).where(eq(installations.teamId, teamId));
  return row?.at ?? null;
}

/** What a re-plan put back that fell due while Grow was uninstalled is skipped, not sent late. */
export async function skipDueWhileStopped(db: Db, teamId: string, since: Date, now: Date): Promise<number> {
  const rows = await db
    .update(nudges)
    .set({ status: 'skipped', reason: 'due_while_uninstalled', updatedAt: now })
    .where(and(eq(nudges.teamId, teamId), eq(nudges.status, 'pending'), gte(nudges.dueAt, since), lte(nudges.dueAt, now)))
    .returning({ id: nudges.id });
  return rows.length;
}

/** Single-workspace mode: the configured token works again, so the workspace is live again. */
export async function liftSingleWorkspaceStop(db: Db, teamId: string): Promise<boolean> {
  const rows = await db.delete(installations).where(and(eq(installations.teamId, teamId), isNotNull(installations.uninstalledAt))).returning({ teamId: installations.teamId });
  return rows.length > 0;
}
