// Repairs active engagements that have nothing pending: a status change whose re-plan was
// lost (a crash or shutdown between the two) would otherwise leave the leader and coach
// with no follow-ups, prep or reviews. Each reconcile pass re-plans a few of them; an
// engagement the planner has nothing left for stays as it is.
import { and, eq, inArray, notExists, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { syncEngagementPlan, type PlanSettings } from '../db/plan-sync.js';
import { engagements, nudges } from '../db/schema/index.js';
import { workspaceIsLive } from '../db/workspaces.js';

/** Few per pass: orphans are rare, and a pass must stay short. */
export const ORPHANS_PER_PASS = 50;

export async function replanOrphans(deps: { db: Db } & PlanSettings, now: Date): Promise<number> {
  const orphans = await deps.db
    .select({ id: engagements.id, teamId: engagements.teamId })
    .from(engagements)
    .where(
      and(
        eq(engagements.status, 'active'),
        workspaceIsLive(engagements.teamId),
        notExists(
          deps.db
            .select({ one: sql`1` })
            .from(nudges)
            .where(and(eq(nudges.engagementId, engagements.id), inArray(nudges.status, ['pending', 'sending']))),
        ),
      ),
    )
    .limit(ORPHANS_PER_PASS);
  let replanned = 0;
  for (const e of orphans) {
    const result = await syncEngagementPlan(deps.db, { teamId: e.teamId, engagementId: e.id, now, rhythm: deps.rhythm, defaultWorkingHours: deps.defaultWorkingHours });
    if (result.inserted + result.restored > 0) replanned++;
  }
  return replanned;
}
