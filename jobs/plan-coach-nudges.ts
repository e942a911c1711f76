// Plans coaches' digests, briefs and "did this session take place?" questions on a schedule: an hourly job (one scheduler for the
// whole deployment, whichever worker upserts it, re-created by the worker's keeper when
// Redis lost it) that runs both planners for every workspace. Hourly rather than daily so
// a new engagement, a moved session or a worker that was down is caught up within the
// hour; both planners are idempotent.
import type { Db } from '../db/client.js';
import { planCoachDigests, planSessionBriefs, type CoachPlanInput } from '../db/coach-plan-sync.js';
import { planSessionHeldQuestions } from '../db/session-held-plan.js';
import type { Logger } from '../src/logger.js';
import { repeatingSchedule, type KeptSchedule } from './keep-schedules.js';
import { createProcessor } from './processor.js';
import type { GrowQueue } from './queues.js';

export const COACH_PLAN_EVERY_MS = 3_600_000;

export interface CoachPlanResult {
  digests: number;
  briefs: number;
  heldQuestions: number;
}

/** The planners, one after the other; the counts are rows written. */
export async function planCoachNudges(db: Db, input: CoachPlanInput): Promise<CoachPlanResult> {
  const digests = await planCoachDigests(db, input);
  const briefs = await planSessionBriefs(db, input);
  const heldQuestions = await planSessionHeldQuestions(db, input);
  return { digests, briefs, heldQuestions };
}

export interface CoachPlanDeps {
  db: Db;
  logger: Logger;
  /** The operator's window (config) for coaches Grow has no row for yet. */
  defaultWorkingHours?: CoachPlanInput['defaultWorkingHours'];
}

export function createPlanCoachNudgesProcessor(deps: CoachPlanDeps, now: () => Date) {
  return createProcessor('plan-coach-nudges', async (data, job) => {
    const result = await planCoachNudges(deps.db, { teamId: data.teamId, now: now(), defaultWorkingHours: deps.defaultWorkingHours });
    if (result.digests + result.briefs + result.heldQuestions > 0) deps.logger.info({ jobId: job.id, ...result }, 'coach messages planned');
    return result;
  });
}

/** For the schedule keeper: the first run as it is created, then hourly; re-created when Redis lost it. */
export function coachPlanSchedule(queue: GrowQueue<'plan-coach-nudges'>, everyMs = COACH_PLAN_EVERY_MS): KeptSchedule {
  return repeatingSchedule(queue, everyMs);
}
