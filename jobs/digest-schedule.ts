// Plans coaches' digests and briefs on a schedule: an hourly job (one scheduler for the
// whole deployment, whichever worker upserts it, re-created by the worker's keeper when
// Redis lost it) that runs both planners for every
// workspace. Hourly rather than daily so a new engagement, a moved session or a worker
// that was down is caught up within the hour; both planners are idempotent.
import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import { planCoachDigests, planSessionBriefs, type CoachPlanInput } from '../db/coach-plan-sync.js';
import type { Logger } from '../src/logger.js';
import type { KeptSchedule } from './keep-schedules.js';
import type { ExtraSubjects } from './nudge-subject.js';
import { baseJobOptions } from './queues.js';

export const COACH_PLAN_QUEUE = 'plan-coach-nudges';
export const COACH_PLAN_EVERY_MS = 3_600_000;
const payloadSchema = z.object({ teamId: z.string().min(1).optional() }).strict();

export interface CoachPlanResult {
  digests: number;
  briefs: number;
}

/** Both planners, one after the other; the counts are rows written. */
export async function planCoachNudges(db: Db, input: CoachPlanInput): Promise<CoachPlanResult> {
  const digests = await planCoachDigests(db, input);
  const briefs = await planSessionBriefs(db, input);
  return { digests, briefs };
}

export interface CoachPlannerOptions {
  /** The worker's renderers: with none for `digest`, nothing is planned (rows no one could send). */
  subjects?: ExtraSubjects;
  db: Db;
  logger: Logger;
  connection: Redis;
  prefix: string;
  now: () => Date;
  everyMs?: number;
  /** The operator's window (config) for coaches Grow has no row for yet. */
  defaultWorkingHours?: CoachPlanInput['defaultWorkingHours'];
}

export interface CoachPlanner {
  planNow(): Promise<CoachPlanResult>;
  /** The hourly scheduler, for the worker's keeper to re-create after Redis lost it. */
  schedule?: KeptSchedule;
  close(): Promise<void>;
}

export async function startCoachPlanner(options: CoachPlannerOptions): Promise<CoachPlanner> {
  const { db, logger, connection, prefix, now, defaultWorkingHours } = options;
  if (!options.subjects?.digest || !options.subjects.brief) {
    return { planNow: async () => ({ digests: 0, briefs: 0 }), close: async () => {} };
  }
  const queue = new Queue(COACH_PLAN_QUEUE, { connection, prefix, defaultJobOptions: baseJobOptions });
  const worker = new Worker(
    COACH_PLAN_QUEUE,
    async (job: Job) => {
      const parsed = payloadSchema.safeParse(job.data ?? {});
      if (!parsed.success) throw new UnrecoverableError('plan-coach-nudges payload is not { teamId? }');
      const result = await planCoachNudges(db, { teamId: parsed.data.teamId, now: now(), defaultWorkingHours });
      if (result.digests + result.briefs > 0) logger.info({ jobId: job.id, ...result }, 'coach digests and briefs planned');
      return result;
    },
    { connection, prefix, concurrency: 1 },
  );
  worker.on('failed', (job, error) => logger.error({ queue: COACH_PLAN_QUEUE, jobId: job?.id, reason: error.message }, 'job failed'));
  worker.on('error', (error) => logger.error({ queue: COACH_PLAN_QUEUE, reason: error.message }, 'worker error'));
  await worker.waitUntilReady();
  const schedule: KeptSchedule = {
    name: COACH_PLAN_QUEUE,
    exists: async () => (await queue.getJobScheduler(COACH_PLAN_QUEUE)) !== undefined,
    create: async () => {
      await queue.upsertJobScheduler(COACH_PLAN_QUEUE, { every: options.everyMs ?? COACH_PLAN_EVERY_MS }, { name: COACH_PLAN_QUEUE, data: {} });
    },
  };
  await schedule.create();
  return {
    schedule,
    planNow: () => planCoachNudges(db, { now: now(), defaultWorkingHours }),
    async close() {
      await worker.close();
      await queue.close();
    },
  };
}
