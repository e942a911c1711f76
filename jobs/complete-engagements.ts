// Completes the engagements that are over by themselves (`isCompletionDue`): the status
// moves to `completed` and the re-plan cancels what was still pending, in one transaction
// per engagement. Run by each reconcile pass, a few at a time.
import type { Db } from '../db/client.js';
import { findCompletionCandidates } from '../db/engagement-completion.js';
import { moveEngagement } from '../db/engagements.js';
import { syncEngagementPlan, type PlanSettings } from '../db/plan-sync.js';
import { isCompletionDue } from '../src/domain/engagement/completion.js';
import type { Logger } from '../src/logger.js';

/** Few per pass: a pass must stay short, and the next one takes the rest. */
export const COMPLETIONS_PER_PASS = 50;

export async function completeEngagements(deps: { db: Db; logger?: Logger } & PlanSettings, now: Date): Promise<string[]> {
  const candidates = await findCompletionCandidates(deps.db, { now, limit: COMPLETIONS_PER_PASS });
  const completed: string[] = [];
  for (const c of candidates) {
    if (!isCompletionDue({ ...c, now })) continue;
    const moved = await deps.db.transaction(async (tx) => {
      const row = await moveEngagement(tx as unknown as Db, { teamId: c.teamId, engagementId: c.id, from: ['active'], to: 'completed', now });
      if (row) await syncEngagementPlan(tx as unknown as Db, { teamId: c.teamId, engagementId: c.id, now, rhythm: deps.rhythm, defaultWorkingHours: deps.defaultWorkingHours });
      return row;
    });
    if (!moved) continue;
    completed.push(c.id);
    deps.logger?.info({ teamId: c.teamId, engagementId: c.id, closingReviewDone: c.closingReviewDone }, 'engagement completed');
  }
  return completed;
}
