// A workspace that installs Grow again picks up where Postgres says it is: every invited
// or active engagement is re-planned from now, and coaches' digests and briefs planned
// again. What fell due while Grow was uninstalled is skipped instead of arriving in a burst.
import { planCoachDigests, planSessionBriefs } from '../../db/coach-plan-sync.js';
import type { Db } from '../../db/client.js';
import { syncEngagementPlan, type PlanSettings } from '../../db/plan-sync.js';
import { listLiveEngagementIds, restoreStoppedNudges, skipDueWhileStopped } from '../../db/workspaces.js';

/** `stoppedAt`: when the workspace uninstalled Grow (read before the install cleared it). */
export async function resumeWorkspacePlans(db: Db, input: { teamId: string; now: Date; stoppedAt: Date | null } & PlanSettings): Promise<number> {
  const { teamId, now } = input;
  const settings: PlanSettings = { rhythm: input.rhythm, defaultWorkingHours: input.defaultWorkingHours };
  await restoreStoppedNudges(db, teamId, now);
  const ids = await listLiveEngagementIds(db, teamId);
  for (const engagementId of ids) await syncEngagementPlan(db, { teamId, engagementId, now, ...settings });
  await planCoachDigests(db, { teamId, now, defaultWorkingHours: input.defaultWorkingHours });
  await planSessionBriefs(db, { teamId, now, defaultWorkingHours: input.defaultWorkingHours });
  if (input.stoppedAt) await skipDueWhileStopped(db, teamId, input.stoppedAt, now);
  return ids.length;
}
