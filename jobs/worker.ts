// The worker role: a BullMQ worker per queue, the keeper of the recurring work (the
// reconcile loop and the schedulers Redis may lose, see keep-schedules.ts), and a
// graceful close (stop taking jobs, let in-flight ones finish, close connections).
import { Worker, type Job, type Processor } from 'bullmq';
import type { Db } from '../db/client.js';
import type { Config } from '../src/config.js';
import type { Cipher } from '../src/crypto.js';
import type { Logger } from '../src/logger.js';
import type { ResolveBotToken } from '../src/platform/tokens.js';
import { enqueueNudges } from './enqueue-nudges.js';
import type { JobName } from './job-types.js';
import { closeQueues, createQueues, type Queues, type SendRetry } from './queues.js';
import { startScheduleKeeper } from './keep-schedules.js';
import { createReconcileProcessor, reconcileOnce, type ReconcileResult, type ReconcileSettings } from './reconcile.js';
import { coachPlanSchedule, createPlanCoachNudgesProcessor } from './plan-coach-nudges.js';
import { createApplyRetentionProcessor, retentionSchedule } from './apply-retention.js';
import { connectRedis, isRedisConnectionError } from './redis.js';
import type { DependencyWatch } from '../src/dependency-watch.js';
import { createRefreshTimeZonesProcessor, timeZoneRefreshSchedule } from './refresh-time-zones.js';
import { createSendNudgeProcessor } from './send-nudge.js';
import { createRedisPacingStore } from './pacing-store.js';
import { createSlackClients } from './slack-client.js';

export interface WorkerOptions {
  config: Config;
  db: Db;
  logger: Logger;
  cipher: Cipher;
  resolveBotToken: ResolveBotToken;
  /** Sends in flight at once in this process (`SEND_CONCURRENCY` when omitted). */
  concurrency?: number;
  now?: () => Date;
  reconcile?: Partial<ReconcileSettings>;
  sendRetry?: SendRetry;

  /** Plans coaches' digests and briefs hourly (default true; delivery tests turn it off). */
  coachPlanning?: boolean;
  /** The process's reporter of unreachable dependencies (one per connection when omitted). */
  watch?: DependencyWatch;
  /** Test seam: runs between a successful post and marking the row sent. */
  afterPost?: (nudgeId: string) => Promise<void> | void;
}

export interface RunningWorker {
  queues: Queues;
  /** One reconcile pass now (the keeper also runs one every `reconcileEveryMs`). */
  reconcileNow(): Promise<ReconcileResult>;
  close(): Promise<void>;
}

/** Logs a job's failure only when it is final: a retry on the way is not news. */
function logFinalFailures(worker: Worker, logger: Logger): void {
  worker.on('failed', (job: Job | undefined, error: Error) => {
    if (!job) return;
    const final = error.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1);
    if (!final) return;
    const data = (job.data ?? {}) as { nudgeId?: string; teamId?: string };
    logger.error({ queue: job.queueName, jobId: job.id, nudgeId: data.nudgeId, teamId: data.teamId, attempts: job.attemptsMade, reason: error.message }, 'job failed');
  });
  // Redis being away is the DependencyWatch's news, told once for every worker.
  worker.on('error', (error: Error) => {
    if (!isRedisConnectionError(error)) logger.error({ queue: worker.name, reason: error.message }, 'worker error');
  });
  // Outcomes (sent, deferred, skipped…) are routine; they are there when debugging.
  worker.on('completed', (job: Job, outcome: unknown) => {
    const data = (job.data ?? {}) as { nudgeId?: string; teamId?: string };
    logger.debug({ queue: job.queueName, jobId: job.id, nudgeId: data.nudgeId, teamId: data.teamId, outcome }, 'job done');
  });
}

export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const { config, db, logger, cipher } = options;
  const now = options.now ?? (() => new Date());
  const coachPlanning = options.coachPlanning ?? true;
  const connection = connectRedis(config.redisUrl, logger, options.watch);
  const settings = { connection, prefix: config.queuePrefix };
  const queues = createQueues(settings, options.sendRetry);
  const slack = createSlackClients({ apiUrl: config.slack.apiUrl, resolveBotToken: options.resolveBotToken, logger });
  const reconcileSettings = { staleSendingMs: config.staleSendingMs, ...options.reconcile };
  const planSettings = { rhythm: config.rhythm, defaultWorkingHours: config.defaultWorkingHours };
  const reconcileDeps = { db, sendQueue: queues.sendNudge, logger, settings: reconcileSettings, ...planSettings };

  const processors: Record<JobName, { processor: Processor; concurrency: number } | undefined> = {
    'send-nudge': {
      processor: createSendNudgeProcessor({
        db,
        cipher,
        logger,
        slack,
        now,
        enqueue: (nudges) => enqueueNudges(queues.sendNudge, nudges, now()),
        rhythm: config.rhythm,
        defaultWorkingHours: config.defaultWorkingHours,
        afterPost: options.afterPost,
        timeLimitMs: config.sendTimeLimitMs,
        pacing: createRedisPacingStore(connection, config.queuePrefix),
      }),
      concurrency: options.concurrency ?? config.sendConcurrency,
    },
    reconcile: { processor: createReconcileProcessor(reconcileDeps, now), concurrency: 1 },
    'apply-retention': { processor: createApplyRetentionProcessor({ db, cipher, logger, retentionDays: config.retentionDays }, now), concurrency: 1 },
    'refresh-time-zones': { processor: createRefreshTimeZonesProcessor({ db, slack, logger, ...planSettings }, now), concurrency: 1 },
    'plan-coach-nudges': coachPlanning ? { processor: createPlanCoachNudgesProcessor({ db, logger, defaultWorkingHours: config.defaultWorkingHours }, now), concurrency: 1 } : undefined,
  };
  const running = (Object.entries(processors) as [JobName, (typeof processors)[JobName]][]).filter((entry): entry is [JobName, NonNullable<(typeof processors)[JobName]>] => entry[1] !== undefined);
  const workers = running.map(([name, p]) => {
    const worker = new Worker(name, p.processor, { connection, prefix: config.queuePrefix, concurrency: p.concurrency });
    logFinalFailures(worker, logger);
    return worker;
  });
  await Promise.all(workers.map((w) => w.waitUntilReady()));
  // Earlier versions kept the reconcile loop as a BullMQ scheduler; the keeper runs it now.
  await queues.reconcile.removeJobScheduler('reconcile');
  // Upserted at every start, as the first coach planning run of this worker.
  const coachPlan = coachPlanning ? coachPlanSchedule(queues.planCoachNudges) : undefined;
  await coachPlan?.create();
  const keeper = startScheduleKeeper({
    connection,
    db,
    logger,
    now,
    everyMs: config.reconcileEveryMs,
    reconcile: { sendQueue: queues.sendNudge, logger, settings: reconcileSettings, ...planSettings },
    schedules: [timeZoneRefreshSchedule(queues.refreshTimeZones), retentionSchedule(queues.applyRetention), ...(coachPlan ? [coachPlan] : [])],
  });
  await keeper.started;
  logger.info({ prefix: config.queuePrefix, queues: workers.map((w) => w.name) }, 'worker started');

  let closed = false;
  return {
    queues,
    reconcileNow: () => reconcileOnce(reconcileDeps, now()),
    async close() {
      if (closed) return;
      closed = true;
      await keeper.stop();
      await Promise.all(workers.map((w) => w.close()));
      await closeQueues(queues);
      await connection.quit().catch(() => connection.disconnect());
      logger.info('worker stopped');
    },
  };
}
